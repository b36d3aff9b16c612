/** The "Active links" region (DESIGN §5): the accessible list of links active on the current date. */
import { describeIntervals, linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import type { Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import { hasFilters, passesFilters } from "../state/filters";
import { activeLinksOn, disruptedLinkIds } from "../state/selectors";
import { type AppStore, select, watch } from "../state/store";
import { h } from "./dom";

export function setupActiveLinks(
  root: HTMLElement,
  store: AppStore,
  topology: Topology,
): () => void {
  const heading = h("h2", { id: "active-links-title" }, "Active links");
  const count = h("span", { class: "count" });
  const caption = h("p", { class: "caption" });
  const list = h("ul", { class: "link-list" });
  const empty = h("p", { class: "empty" }, "No link is active on this date.");
  const hiddenNote = h("p", { class: "hidden-note" });
  const section = h(
    "section",
    { class: "active-links", "aria-label": "Active links" },
    h("div", { class: "section-head" }, heading, count),
    caption,
    list,
    empty,
    hiddenNote,
  );
  root.append(section);
  let shownKey = "";
  let buttons = new Map<HTMLButtonElement, string>();

  const render = () => {
    const { date, selection, theme, filters } = store.getState();
    const active = activeLinksOn(topology, date);
    const links = active.filter((l) => passesFilters(l, filters));
    const hidden = active.length - links.length;
    const disrupted = disruptedLinkIds(topology, date);
    caption.textContent = `on ${formatDateLong(date)}`;
    const key = [
      theme,
      selection?.id ?? "",
      hidden,
      ...links.map((l) => `${l.id}:${disrupted.has(l.id)}`),
    ].join("|");
    if (key === shownKey) return;
    shownKey = key;
    // The list is rebuilt: remember which item had keyboard focus, to give it back.
    const focused = buttons.get(document.activeElement as HTMLButtonElement);
    buttons = new Map();
    count.textContent = String(links.length);
    empty.hidden = links.length > 0;
    empty.textContent = hasFilters(filters)
      ? "No link matching the filters is active on this date."
      : "No link is active on this date.";
    hiddenNote.hidden = hidden === 0;
    hiddenNote.textContent = `${hidden} more hidden by the filters.`;
    list.replaceChildren(
      ...links.map((link) => {
        const selected = selection?.kind === "link" && selection.id === link.id;
        const button = h(
          "button",
          { type: "button", class: "link-item", "aria-pressed": String(selected) },
          h("span", {
            class: "swatch",
            style: `--swatch: ${toHex(DATA_PALETTES[theme].links[link.kind])}`,
            "aria-hidden": "true",
          }),
          h("span", { class: "name" }, link.name),
          h("span", { class: "meta" }, `${linkKindName(link.kind)} · ${describeIntervals(link)}`),
          disrupted.has(link.id) && h("span", { class: "badge badge-disrupted" }, "disrupted"),
        );
        button.addEventListener("click", () =>
          select(store, selected ? null : { kind: "link", id: link.id }),
        );
        buttons.set(button, link.id);
        return h("li", {}, button);
      }),
    );
    if (focused) {
      for (const [button, id] of buttons) if (id === focused) button.focus();
    }
  };
  render();
  const disposers = [
    watch(store, (s) => s.date, render),
    watch(store, (s) => s.selection, render),
    watch(store, (s) => s.theme, render),
    watch(store, (s) => s.filters, render),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    section.remove();
  };
}
