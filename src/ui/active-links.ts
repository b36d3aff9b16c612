/** The "Active links" region (DESIGN §5): the accessible list of links active on the current date. */
import { describeIntervals, linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import type { Link, Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import { hasFilters, passesFilters } from "../state/filters";
import { activeLinksOn, disruptedLinkIds } from "../state/selectors";
import { type AppStore, select, watch } from "../state/store";
import { h } from "./dom";

/** Longer lists than this draw only the rows in view. */
const VIRTUAL_AFTER = 150;
/** Row height of a long list (one-line names), in CSS pixels. */
const ROW_PX = 62;
/** Rows drawn above and below the ones in view. */
const OVERSCAN = 8;

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
  /** What the list shows now; long lists draw only the rows in view (see `drawWindow`). */
  let shown: { links: readonly Link[]; disrupted: ReadonlySet<string> } = {
    links: [],
    disrupted: new Set(),
  };
  let windowKey = "";

  const row = (link: Link, index: number, total: number) => {
    const { selection, theme } = store.getState();
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
      shown.disrupted.has(link.id) && h("span", { class: "badge badge-disrupted" }, "disrupted"),
    );
    button.addEventListener("click", () =>
      select(store, selected ? null : { kind: "link", id: link.id }),
    );
    buttons.set(button, link.id);
    const virtual = total > VIRTUAL_AFTER;
    return h(
      "li",
      virtual
        ? {
            "aria-setsize": total,
            "aria-posinset": index + 1,
            style: `top: ${index * ROW_PX}px`,
          }
        : {},
      button,
    );
  };

  /**
   * A long list (a whole-world dataset has thousands of active links) keeps its full height but
   * holds only the rows in view, plus a margin: the DOM stays small however long the list.
   */
  const drawWindow = (force: boolean) => {
    const { links } = shown;
    if (links.length <= VIRTUAL_AFTER) return;
    const view = root.getBoundingClientRect();
    const top = list.getBoundingClientRect().top;
    const first = Math.max(0, Math.floor((view.top - top) / ROW_PX) - OVERSCAN);
    const last = Math.min(links.length, Math.ceil((view.bottom - top) / ROW_PX) + OVERSCAN);
    const key = `${first}:${last}`;
    if (!force && key === windowKey) return;
    windowKey = key;
    const focused = buttons.get(document.activeElement as HTMLButtonElement);
    buttons = new Map();
    list.replaceChildren(
      ...links.slice(first, last).map((link, i) => row(link, first + i, links.length)),
    );
    restoreFocus(focused);
  };

  const restoreFocus = (id: string | undefined) => {
    if (id) for (const [button, linkId] of buttons) if (linkId === id) button.focus();
  };

  const render = () => {
    const { date, selection, theme, filters } = store.getState();
    const active = activeLinksOn(topology, date);
    const links = active.filter((l) => passesFilters(l, filters, topology));
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
    shown = { links, disrupted };
    count.textContent = String(links.length);
    empty.hidden = links.length > 0;
    empty.textContent = hasFilters(filters)
      ? "No link matching the filters is active on this date."
      : "No link is active on this date.";
    hiddenNote.hidden = hidden === 0;
    hiddenNote.textContent = `${hidden} more hidden by the filters.`;
    const virtual = links.length > VIRTUAL_AFTER;
    list.classList.toggle("virtual", virtual);
    list.style.height = virtual ? `${links.length * ROW_PX}px` : "";
    if (virtual) {
      drawWindow(true);
      return;
    }
    // The list is rebuilt: remember which item had keyboard focus, to give it back.
    const focused = buttons.get(document.activeElement as HTMLButtonElement);
    buttons = new Map();
    list.replaceChildren(...links.map((link, i) => row(link, i, links.length)));
    restoreFocus(focused);
  };
  const onScroll = () => drawWindow(false);
  root.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);
  render();
  const disposers = [
    watch(store, (s) => s.date, render),
    watch(store, (s) => s.selection, render),
    watch(store, (s) => s.theme, render),
    watch(store, (s) => s.filters, render),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    root.removeEventListener("scroll", onScroll);
    window.removeEventListener("resize", onScroll);
    section.remove();
  };
}
