/**
 * The legend, which is also the filter panel: each link kind is a checkbox with the number of its
 * links active on the current date; networks and countries filter the same way; "Compare dates"
 * turns the legend into the key of the before/after view, with its two dates and counts.
 */
import { linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import { LINK_KINDS, type LinkKind, type Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import {
  activeCountsByKind,
  compareDates,
  datasetCountries,
  hasFilters,
  kindShown,
  toggleKind,
} from "../state/filters";
import {
  type AppState,
  type AppStore,
  type Filters,
  setCompare,
  setDate,
  setFilters,
  watch,
} from "../state/store";
import { h, isTyping } from "./dom";

export interface LegendDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** "Russia" for "RU". */
  readonly countryName: (code: string) => string;
  /** Clamps a date into the timeline's range. */
  readonly clampDate: (date: string) => string;
}

let nextId = 0;
/** Compare mode names the links of each class, up to this many. */
const MAX_NAMED = 4;

export function setupLegend(root: HTMLElement, deps: LegendDeps): () => void {
  const { store, topology, countryName } = deps;
  const id = `legend-${++nextId}`;
  const kinds = LINK_KINDS.filter((kind) => topology.links.some((l) => l.kind === kind));
  const networks = topology.networks.filter((n) =>
    topology.links.some((l) => l.networks?.includes(n.asn)),
  );
  const countries = datasetCountries(topology);

  // A disclosure: open on wide screens, folded on phones where the map needs the room.
  const section = h("details", { class: "legend panel", open: window.innerWidth > 700 });
  const summary = h("summary", {}, "Legend");
  const body = h("div", {});
  section.append(summary, body);
  root.append(section);

  const swatch = (kind: LinkKind, theme: AppState["theme"]) =>
    h("span", {
      class: `key key-line key-${kind}`,
      style: `--key: ${toHex(DATA_PALETTES[theme].links[kind])}`,
      "aria-hidden": "true",
    });

  const checkbox = (label: Node[], checked: boolean, onChange: () => void, extra = "") => {
    const input = h("input", { type: "checkbox", checked });
    input.addEventListener("change", onChange);
    return h("label", { class: `legend-toggle ${extra}`.trim() }, input, ...label);
  };

  const update = (change: (f: Filters) => Filters) =>
    setFilters(store, change(store.getState().filters));

  /** A folded list of checkboxes for one filter group; its summary says what is picked. */
  const group = <T extends string | number>(
    title: string,
    items: readonly { value: T; label: string }[],
    picked: readonly T[] | undefined,
    set: (values: T[]) => void,
    openGroups: Set<string>,
  ) => {
    const chosen = picked ?? [];
    const details = h(
      "details",
      { class: "legend-group", open: openGroups.has(title) },
      h(
        "summary",
        {},
        h("span", {}, title),
        h(
          "span",
          { class: "legend-group-value" },
          chosen.length === 0 ? "all" : `${chosen.length} of ${items.length}`,
        ),
      ),
      h(
        "div",
        { class: "legend-group-items" },
        ...items.map((item) =>
          checkbox([document.createTextNode(item.label)], chosen.includes(item.value), () => {
            const next = chosen.includes(item.value)
              ? chosen.filter((v) => v !== item.value)
              : [...chosen, item.value];
            // Keep the dataset's order, so the address does not depend on the clicking order.
            set(items.map((i) => i.value).filter((v) => next.includes(v)));
          }),
        ),
      ),
    );
    details.addEventListener("toggle", () => {
      if (details.open) openGroups.add(title);
      else openGroups.delete(title);
    });
    return details;
  };
  const openGroups = new Set<string>();

  const staticKeys = (theme: AppState["theme"]) => {
    const palette = DATA_PALETTES[theme];
    return [
      h(
        "li",
        {},
        h("span", {
          class: "key key-line key-disrupted",
          style: `--key: ${toHex(palette.disrupted)}`,
          "aria-hidden": "true",
        }),
        "Disrupted: outage or attack",
      ),
      h(
        "li",
        {},
        h("span", {
          class: "key key-ring",
          style: `--key: ${toHex(palette.crossing)}`,
          "aria-hidden": "true",
        }),
        "Border crossing",
      ),
      h(
        "li",
        {},
        h("span", {
          class: "key key-dot",
          style: `--key: ${toHex(palette.node)}`,
          "aria-hidden": "true",
        }),
        "Place (size: number of links)",
      ),
    ];
  };

  const caption = h("p", { class: "legend-caption" });
  const normalView = (s: AppState) => {
    const counts = activeCountsByKind(topology, s.date, s.filters);
    return [
      caption,
      h(
        "ul",
        { class: "legend-kinds" },
        ...kinds.map((kind) => {
          const count = counts.get(kind) ?? 0;
          return h(
            "li",
            {},
            checkbox(
              [
                swatch(kind, s.theme),
                h(
                  "span",
                  { class: "legend-name" },
                  kind === "satellite"
                    ? `${linkKindName(kind)} (arc: not on the ground)`
                    : linkKindName(kind),
                ),
                h(
                  "span",
                  { class: "legend-count", "aria-label": `${count} active` },
                  String(count),
                ),
              ],
              kindShown(s.filters, kind),
              () => update((f) => toggleKind(f, kind, kinds)),
            ),
          );
        }),
        ...staticKeys(s.theme),
      ),
    ];
  };

  const compareView = (s: AppState, a: string) => {
    const c = compareDates(topology, a, s.date, s.filters);
    const palette = DATA_PALETTES[s.theme].compare;
    const dateA = h("input", { type: "date", value: a, id: `${id}-a` });
    const dateB = h("input", { type: "date", value: s.date, id: `${id}-b` });
    dateA.addEventListener("change", () => {
      if (dateA.value) setCompare(store, deps.clampDate(dateA.value));
    });
    dateB.addEventListener("change", () => {
      if (dateB.value) setDate(store, deps.clampDate(dateB.value));
    });
    const swap = h("button", { type: "button", class: "tool legend-small" }, "Swap");
    swap.addEventListener("click", () => {
      const { date } = store.getState();
      store.setState({ date: a, compare: date });
    });
    const row = (
      cls: string,
      color: readonly number[],
      label: string,
      links: readonly { name: string }[],
    ) => {
      const named = links.slice(0, MAX_NAMED);
      return h(
        "li",
        { class: "legend-compare-row" },
        h(
          "div",
          { class: "legend-compare-head" },
          h("span", {
            class: `key key-line ${cls}`,
            style: `--key: ${toHex(color as [number, number, number])}`,
            "aria-hidden": "true",
          }),
          h("span", { class: "legend-name" }, label),
          h("span", { class: "legend-count" }, String(links.length)),
        ),
        links.length > 0 &&
          h(
            "ul",
            { class: "legend-compare-links" },
            ...named.map((l) => h("li", {}, l.name)),
            links.length > named.length && h("li", {}, `and ${links.length - named.length} more`),
          ),
      );
    };
    return [
      h(
        "div",
        { class: "legend-dates" },
        h("label", { for: `${id}-a` }, "Date A"),
        dateA,
        h("label", { for: `${id}-b` }, "Date B"),
        dateB,
        swap,
      ),
      h(
        "ul",
        { class: "legend-compare", "aria-label": "Compared links" },
        row("key-only-a", palette.onlyA, `Only at A (gone by ${s.date})`, c.onlyA),
        row("key-only-b", palette.onlyB, `Only at B (new since ${a})`, c.onlyB),
        row("key-both", palette.both, "At both dates", c.both),
      ),
    ];
  };

  const toggleCompare = () => {
    const state = store.getState();
    if (state.compare) setCompare(store, null);
    else setCompare(store, deps.clampDate(yearBefore(state.date)));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "c" && e.key !== "C") return;
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (store.getState().present || document.querySelector("dialog[open]")) return;
    e.preventDefault();
    toggleCompare();
  };
  document.addEventListener("keydown", onKey);

  let shownKey = "";
  const render = () => {
    const s = store.getState();
    caption.textContent = `Links active on ${formatDateLong(s.date)}`;
    // While playing, the date changes every frame: rebuild only when what is shown changes.
    const what = s.compare ? s.date : [...activeCountsByKind(topology, s.date, s.filters)];
    const key = JSON.stringify([what, s.filters, s.compare, s.theme]);
    if (key === shownKey) return;
    shownKey = key;
    // Keep keyboard focus on the control that had it, across the rebuild.
    const active = document.activeElement;
    const focusPath =
      active && body.contains(active)
        ? [...body.querySelectorAll("input, button, summary")].indexOf(active)
        : -1;

    summary.textContent = s.compare ? "Compare dates" : "Legend";
    const compareButton = h(
      "button",
      { type: "button", class: "tool legend-small", "aria-pressed": String(Boolean(s.compare)) },
      s.compare ? "Stop comparing" : "Compare dates",
    );
    compareButton.addEventListener("click", toggleCompare);
    const clear = h(
      "button",
      { type: "button", class: "tool legend-small", hidden: !hasFilters(s.filters) },
      "Clear filters",
    );
    clear.addEventListener("click", () => setFilters(store, {}));

    body.replaceChildren(
      ...(s.compare ? compareView(s, s.compare) : normalView(s)),
      h(
        "div",
        { class: "legend-filters" },
        networks.length > 1 &&
          group(
            "Networks",
            networks.map((n) => ({ value: n.asn, label: `${n.name} · AS${n.asn}` })),
            s.filters.networks,
            (values) => update((f) => ({ ...f, networks: values })),
            openGroups,
          ),
        countries.length > 1 &&
          group(
            "Countries",
            countries.map((c) => ({ value: c, label: `${countryName(c)} (${c})` })),
            s.filters.countries,
            (values) => update((f) => ({ ...f, countries: values })),
            openGroups,
          ),
      ),
      h("div", { class: "legend-actions" }, compareButton, clear),
    );
    if (focusPath >= 0) {
      const again = body.querySelectorAll<HTMLElement>("input, button, summary")[focusPath];
      again?.focus();
    }
  };
  render();
  // Only what the legend shows re-renders it (not the camera, the selection or the story).
  const watched = [
    watch(store, (s) => s.date, render),
    watch(store, (s) => s.filters, render),
    watch(store, (s) => s.compare, render),
    watch(store, (s) => s.theme, render),
  ];
  const unwatch = watch(
    store,
    (s) => s.compare,
    (now, before) => {
      // Comparing needs the legend: open it when comparing starts.
      if (now && !before) section.open = true;
    },
  );
  return () => {
    document.removeEventListener("keydown", onKey);
    for (const dispose of watched) dispose();
    unwatch();
    section.remove();
  };
}

/** The same day a year earlier (29 February → 28 February). */
function yearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const rest = date.slice(4) === "-02-29" ? "-02-28" : date.slice(4);
  return `${String(year).padStart(4, "0")}${rest}`;
}
