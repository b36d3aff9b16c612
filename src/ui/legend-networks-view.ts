/**
 * The legend's Networks group, drawn from `legend-networks-model.ts`: a fold with the filter box
 * (when there are many networks), a checkbox per network shown with its count of links, and the
 * "More networks" toggle. Typing and unfolding redraw only the list, so the box keeps its focus
 * and caret, and the toggle its focus.
 */
import { h } from "./dom";
import type { NetworkGroup } from "./legend-networks-model";
import type { FilterGroupHandlers } from "./legend-view";
import { checkbox } from "./legend-view";

/** What the group's controls do, beyond the checkboxes and the fold. */
export interface NetworkGroupHandlers extends FilterGroupHandlers<string> {
  /** The filter box's text changed. */
  readonly query: (text: string) => void;
  /** "More networks" or "Fewer networks" was pressed. */
  readonly more: () => void;
}

/** The group's fold, and how to redraw its list for a new view of it. */
export interface NetworkGroupParts {
  readonly element: HTMLDetailsElement;
  readonly update: (group: NetworkGroup) => void;
}

/** The Networks group; its list's id is `${id}-networks`. */
export function renderNetworkGroup(
  group: NetworkGroup,
  open: boolean,
  id: string,
  on: NetworkGroupHandlers,
): NetworkGroupParts {
  const listId = `${id}-networks`;
  const items = h("div", { class: "legend-group-items", id: listId });
  const empty = h("p", { class: "legend-group-empty", role: "status" });
  const more = h("button", {
    type: "button",
    class: "tool legend-small legend-more",
    "aria-controls": listId,
  });
  more.addEventListener("click", on.more);
  const search =
    group.search &&
    h("input", {
      type: "search",
      class: "legend-search",
      "aria-label": group.search.label,
      placeholder: group.search.label,
      "aria-controls": listId,
      autocomplete: "off",
      spellcheck: "false",
    });
  if (search) {
    search.value = group.search?.query ?? "";
    search.addEventListener("input", () => on.query(search.value));
  }

  const update = (next: NetworkGroup) => {
    items.replaceChildren(
      ...next.options.map((option) =>
        checkbox(
          [
            h("span", { class: "legend-name" }, option.label),
            h(
              "span",
              { class: "legend-count", "aria-label": `${option.count} links` },
              String(option.count),
            ),
          ],
          option.checked,
          () => on.pick(option.value),
        ),
      ),
    );
    items.hidden = next.options.length === 0;
    empty.textContent = next.empty ?? "";
    empty.hidden = next.empty === null;
    more.hidden = next.more === null;
    more.textContent = next.more?.label ?? "";
    more.setAttribute("aria-expanded", String(next.more?.expanded ?? false));
  };

  const details = h(
    "details",
    { class: "legend-group legend-networks", open },
    h(
      "summary",
      {},
      h("span", {}, group.title),
      h("span", { class: "legend-group-value" }, group.value),
    ),
    search,
    items,
    empty,
    more,
  );
  details.addEventListener("toggle", () => on.toggle(details.open));
  update(group);
  return { element: details, update };
}
