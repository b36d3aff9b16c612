/**
 * The details panel of the selected link or node: what it is, who runs it, when it was active,
 * where it crosses borders, related events and the cited sources. Dataset text is set as text.
 */
import { describeIntervals, linkKindName } from "../layers/describe";
import type { Link, Source, Topology, TopologyEvent, TopologyNode } from "../model/schema";
import {
  DISRUPTIVE_EVENT_KINDS,
  eventsAbout,
  eventsOn,
  isActiveOn,
  linksThrough,
  nearestNode,
} from "../state/selectors";
import { type AppStore, select, setDate, setPlaying, watch } from "../state/store";
import { h } from "./dom";

const formatKm = (km: number) =>
  `${km.toLocaleString("en-GB", { maximumFractionDigits: km < 100 ? 1 : 0 })} km`;
const formatLatLon = ([lon, lat]: readonly number[]) => {
  const la = lat ?? 0;
  const lo = (((lon ?? 0) + 540) % 360) - 180;
  return `${Math.abs(la).toFixed(3)}° ${la >= 0 ? "N" : "S"}, ${Math.abs(lo).toFixed(3)}° ${lo >= 0 ? "E" : "W"}`;
};

export function setupDetails(root: HTMLElement, store: AppStore, topology: Topology): () => void {
  const panel = h("aside", {
    class: "details",
    "aria-labelledby": "details-title",
    hidden: true,
    tabindex: -1,
  });
  root.append(panel);
  const sources = new Map(topology.sources.map((s) => [s.id, s]));
  const networks = new Map(topology.networks.map((n) => [n.asn, n]));
  const nodes = new Map(topology.nodes.map((n) => [n.id, n]));

  const section = (title: string, ...children: (Node | string | false | null | undefined)[]) =>
    h("section", { class: "details-section" }, h("h3", {}, title), ...children);

  const closeButton = () => {
    const button = h(
      "button",
      { type: "button", class: "close", "aria-label": "Close details" },
      "×",
    );
    button.addEventListener("click", () => select(store, null));
    return button;
  };

  const sourceList = (ids: readonly string[]) =>
    h(
      "ol",
      { class: "sources" },
      ...ids.map((id) => {
        const source = sources.get(id) as Source;
        const meta = [source.publisher, source.author, source.date].filter(Boolean).join(" · ");
        const title =
          source.url && /^https?:/.test(source.url)
            ? h(
                "a",
                { href: source.url, target: "_blank", rel: "noopener noreferrer" },
                source.title,
              )
            : h("span", { class: "source-title" }, source.title);
        return h(
          "li",
          {},
          title,
          meta && h("span", { class: "source-meta" }, meta),
          source.note && h("span", { class: "source-note" }, source.note),
        );
      }),
    );

  const eventList = (events: readonly TopologyEvent[]) =>
    h(
      "ul",
      { class: "events" },
      ...events.map((e) => {
        const button = h(
          "button",
          { type: "button", class: `event-item event-${e.kind}` },
          h("span", { class: "event-date" }, e.end ? `${e.date} – ${e.end}` : e.date),
          h("span", {}, e.title),
        );
        button.addEventListener("click", () => {
          setPlaying(store, false);
          setDate(store, e.date);
        });
        return h("li", {}, button);
      }),
    );

  const notes = (record: {
    note?: string | undefined;
    assumptions?: string[] | undefined;
    dispute?: string | undefined;
  }) => [
    record.dispute && h("p", { class: "dispute" }, h("strong", {}, "Disputed: "), record.dispute),
    record.note && h("p", { class: "note" }, record.note),
    record.assumptions?.length &&
      h(
        "div",
        { class: "assumptions" },
        h("strong", {}, "Assumed, not reported:"),
        h("ul", {}, ...record.assumptions.map((a) => h("li", {}, a))),
      ),
  ];

  let status: { link: Link; element: HTMLElement } | undefined;
  const renderStatus = () => {
    if (!status) return;
    const { date } = store.getState();
    const active = isActiveOn(status.link.active, date);
    const disruption = active
      ? eventsOn(topology, date).find(
          (e) => DISRUPTIVE_EVENT_KINDS.has(e.kind) && e.links?.includes(status?.link.id ?? ""),
        )
      : undefined;
    status.element.className = `status ${disruption ? "status-disrupted" : active ? "status-on" : "status-off"}`;
    status.element.textContent = disruption
      ? `Disrupted on this date: ${disruption.title}`
      : active
        ? "Active on this date"
        : "Not active on this date";
  };

  const linkView = (link: Link) => {
    status = { link, element: h("p", {}) };
    renderStatus();
    const stops = [link.from, ...(link.via ?? []), link.to].map((id) => nodes.get(id)?.name ?? id);
    return [
      h(
        "header",
        {},
        h("p", { class: "eyebrow" }, linkKindName(link.kind)),
        h("h2", { id: "details-title" }, link.name),
        closeButton(),
      ),
      status.element,
      section(
        "Route",
        h("p", {}, stops.join(" → ")),
        h("p", { class: "facts" }, `${formatKm(link.lengthKm)} along the drawn route`),
      ),
      link.networks?.length &&
        section(
          "Operated by",
          h(
            "ul",
            {},
            ...link.networks.map((asn) =>
              h(
                "li",
                {},
                h("span", { class: "asn" }, `AS${asn}`),
                ` ${networks.get(asn)?.name ?? ""}`,
              ),
            ),
          ),
        ),
      section(
        "Active",
        h(
          "ul",
          {},
          ...link.active.map((i) =>
            h(
              "li",
              {},
              `${i.from} – ${i.to ?? "today"}`,
              i.note && h("span", { class: "interval-note" }, i.note),
            ),
          ),
        ),
      ),
      section(
        "Countries and border crossings",
        h("p", {}, link.countries.join(" → ") || "—"),
        link.crossings.length > 0
          ? h(
              "ul",
              {},
              ...link.crossings.map((c) => {
                const near = nearestNode(topology, c.at);
                return h(
                  "li",
                  {},
                  h("strong", {}, `${c.from} → ${c.to}`),
                  near ? ` near ${near.node.name} (${formatKm(near.km)})` : "",
                  h("span", { class: "coords" }, ` ${formatLatLon(c.at)}`),
                );
              }),
            )
          : h(
              "p",
              { class: "muted" },
              link.kind === "satellite"
                ? "A satellite hop crosses no border on the ground."
                : "No border crossing on the drawn route.",
            ),
      ),
      ...notes(link),
      eventsAbout(topology, "link", link.id).length > 0 &&
        section("Events", eventList(eventsAbout(topology, "link", link.id))),
      section("Sources", sourceList(link.sources)),
    ];
  };

  const nodeView = (node: TopologyNode) => {
    const links = linksThrough(topology, node.id);
    const linkButtons = links.map((l) => {
      const button = h("button", { type: "button", class: "link-ref" }, l.name);
      button.addEventListener("click", () => select(store, { kind: "link", id: l.id }));
      return h("li", {}, button, h("span", { class: "muted" }, ` ${describeIntervals(l)}`));
    });
    return [
      h(
        "header",
        {},
        h("p", { class: "eyebrow" }, [node.kind, node.country].filter(Boolean).join(" · ")),
        h("h2", { id: "details-title" }, node.name),
        closeButton(),
      ),
      h("p", { class: "facts" }, formatLatLon(node.coordinates)),
      ...notes(node),
      section("Links", h("ul", {}, ...linkButtons)),
      eventsAbout(topology, "node", node.id).length > 0 &&
        section("Events", eventList(eventsAbout(topology, "node", node.id))),
      section("Sources", sourceList(node.sources)),
    ];
  };

  // Where keyboard focus was when the panel opened: it returns there when the panel closes.
  let returnFocus: HTMLElement | null = null;
  const render = () => {
    const { selection } = store.getState();
    const wasOpen = !panel.hidden;
    const link =
      selection?.kind === "link" ? topology.links.find((l) => l.id === selection.id) : undefined;
    const node = selection?.kind === "node" ? nodes.get(selection.id) : undefined;
    panel.hidden = !link && !node;
    status = undefined;
    if (!wasOpen && !panel.hidden) returnFocus = document.activeElement as HTMLElement | null;
    if (wasOpen && panel.hidden) {
      const closedFromInside =
        panel.contains(document.activeElement) || document.activeElement === document.body;
      if (closedFromInside && returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
    }
    const content = link ? linkView(link) : node ? nodeView(node) : [];
    panel.replaceChildren(...content.filter((c): c is HTMLElement => c instanceof Node));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && store.getState().selection && !document.fullscreenElement)
      select(store, null);
  };
  document.addEventListener("keydown", onKey);
  render();
  const disposers = [
    watch(store, (s) => s.selection, render),
    watch(store, (s) => s.date, renderStatus),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    document.removeEventListener("keydown", onKey);
    panel.remove();
  };
}
