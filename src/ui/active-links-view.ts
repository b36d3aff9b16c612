/**
 * The "Active links" region's elements: its heading and count, the "Group by" control, the hint,
 * the list, and the row elements of `active-links-model.ts` (a link's button, a group's heading
 * with its toggle). No store: `active-links.ts` wires them.
 */
import "./active-links.css";
import { describeIntervals, linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import type { Link } from "../model/schema";
import type { ThemeName } from "../state/store";
import { GROUP_BY_CHOICES, type GroupRow } from "./active-links-model";
import { h } from "./dom";

/** The region's parts that the wiring fills or listens to. */
export interface ActiveLinksParts {
  readonly section: HTMLElement;
  readonly count: HTMLElement;
  readonly caption: HTMLElement;
  readonly groupBy: HTMLSelectElement;
  readonly hint: HTMLElement;
  readonly list: HTMLUListElement;
  readonly empty: HTMLElement;
  readonly hiddenNote: HTMLElement;
}

/** The region, still empty of rows. */
export function createActiveLinksParts(): ActiveLinksParts {
  const count = h("span", { class: "count" });
  const caption = h("p", { class: "caption" });
  const groupBy = h(
    "select",
    { id: "active-links-group-by" },
    ...GROUP_BY_CHOICES.map(({ value, label }) => h("option", { value }, label)),
  );
  const hint = h("p", { class: "group-hint", hidden: true });
  const list = h("ul", { class: "link-list" });
  const empty = h("p", { class: "empty" }, "No link is active on this date.");
  const hiddenNote = h("p", { class: "hidden-note" });
  const section = h(
    "section",
    { class: "active-links", "aria-label": "Active links" },
    h(
      "div",
      { class: "section-head" },
      h("h2", { id: "active-links-title" }, "Active links"),
      count,
    ),
    h(
      "div",
      { class: "list-tools" },
      caption,
      h(
        "label",
        { class: "group-by", for: "active-links-group-by" },
        h("span", {}, "Group by"),
        groupBy,
      ),
    ),
    hint,
    list,
    empty,
    hiddenNote,
  );
  return { section, count, caption, groupBy, hint, list, empty, hiddenNote };
}

/** Where a row of a long list stands: its top, its height, its place among `size` rows. */
export interface RowPlace {
  readonly top: number;
  readonly height: number;
  readonly index: number;
  readonly size: number;
}

/** The item of a row: placed absolutely in a long list, in the flow otherwise. */
const item = (place: RowPlace | undefined, className: string | undefined, child: Node) =>
  h(
    "li",
    {
      class: className,
      ...(place
        ? {
            "aria-setsize": place.size,
            "aria-posinset": place.index + 1,
            style: `top: ${place.top}px; height: ${place.height}px`,
          }
        : {}),
    },
    child,
  );

/** What a link's row shows besides the link. */
export interface LinkRowState {
  readonly selected: boolean;
  readonly disrupted: boolean;
  readonly theme: ThemeName;
}

/** A link's row: a button that selects it (pressed while selected). */
export function linkRowElement(
  link: Link,
  state: LinkRowState,
  place: RowPlace | undefined,
): { readonly item: HTMLLIElement; readonly button: HTMLButtonElement } {
  const button = h(
    "button",
    { type: "button", class: "link-item", "aria-pressed": String(state.selected) },
    h("span", {
      class: "swatch",
      style: `--swatch: ${toHex(DATA_PALETTES[state.theme].links[link.kind])}`,
      "aria-hidden": "true",
    }),
    h("span", { class: "name" }, link.name),
    h("span", { class: "meta" }, `${linkKindName(link.kind)} · ${describeIntervals(link)}`),
    state.disrupted && h("span", { class: "badge badge-disrupted" }, "disrupted"),
  );
  return { item: item(place, undefined, button), button };
}

/** A group's heading row, "China · 12": a heading whose button shows or hides the group's links. */
export function groupRowElement(
  row: GroupRow,
  place: RowPlace | undefined,
): { readonly item: HTMLLIElement; readonly button: HTMLButtonElement } {
  const button = h(
    "button",
    { type: "button", class: "group-toggle", "aria-expanded": String(row.expanded) },
    h("span", { class: "chevron", "aria-hidden": "true" }),
    h("span", { class: "group-name" }, row.name),
    h("span", { class: "group-count" }, ` · ${row.count}`),
  );
  return { item: item(place, "link-group", h("h3", {}, button)), button };
}
