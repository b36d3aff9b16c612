/**
 * The search's elements (a toolbar button, and a modal dialog with a combobox, its listbox and a
 * status line), and the functions that draw a {@link SearchListing} and its active option.
 */
import type { SearchResult } from "../search/search-index";
import { h } from "./dom";
import type { SearchListing, SearchOption, SearchOptionGroup } from "./search-model";

/** The search's elements that its wiring listens to or redraws. */
export interface SearchView {
  readonly button: HTMLButtonElement;
  readonly input: HTMLInputElement;
  readonly listbox: HTMLUListElement;
  readonly status: HTMLParagraphElement;
  readonly dialog: HTMLDialogElement;
}

/** An option element on show, and the result that choosing it takes. */
export interface ShownOption {
  readonly element: HTMLLIElement;
  readonly result: SearchResult;
}

/** The search's elements, their ids prefixed with `id`; not yet in the document. */
export function createSearchView(id: string): SearchView {
  const button = h(
    "button",
    {
      type: "button",
      class: "tool search-button",
      "aria-haspopup": "dialog",
      "aria-expanded": "false",
      "aria-keyshortcuts": "/",
    },
    "Search",
    h("kbd", { "aria-hidden": "true" }, "/"),
  );
  const input = h("input", {
    type: "text",
    class: "search-input",
    role: "combobox",
    "aria-label": "Search places, links, networks, countries and events",
    "aria-expanded": "false",
    "aria-controls": `${id}-listbox`,
    "aria-autocomplete": "list",
    autocomplete: "off",
    autocapitalize: "off",
    spellcheck: "false",
    placeholder: "Places, links, networks (AS…), countries, events",
  });
  const listbox = h("ul", {
    id: `${id}-listbox`,
    class: "search-results",
    role: "listbox",
    "aria-label": "Results",
    hidden: true,
  });
  const status = h("p", { class: "search-status", role: "status" });
  const dialog = h(
    "dialog",
    { class: "search-dialog", "aria-label": "Search" },
    h("div", { class: "search-field" }, input),
    listbox,
    status,
  );
  // Keep focus in the input when an option is pressed, so the click lands and typing goes on.
  listbox.addEventListener("mousedown", (e) => {
    if ((e.target as Element).closest('[role="option"]')) e.preventDefault();
  });
  return { button, input, listbox, status, dialog };
}

const optionElement = (option: SearchOption) =>
  h(
    "li",
    { id: option.id, role: "option", class: "search-option" },
    h("span", { class: "search-label" }, option.label),
    h("span", { class: "search-detail" }, option.detail),
  );

const groupElement = (group: SearchOptionGroup, elements: readonly HTMLLIElement[]) =>
  h(
    "li",
    { role: "presentation" },
    h(
      "ul",
      { role: "group", "aria-labelledby": group.headingId, class: "search-group" },
      h(
        "li",
        { role: "presentation", id: group.headingId, class: "search-group-name" },
        group.name,
      ),
      ...elements,
    ),
  );

/**
 * Draws `listing` into the listbox, the combobox's expanded state and the status line, with no
 * option active yet; returns the options on show, in display order.
 */
export function renderSearchListing(view: SearchView, listing: SearchListing): ShownOption[] {
  const shown: ShownOption[] = [];
  view.listbox.replaceChildren(
    ...listing.groups.map((group) => {
      const elements = group.options.map((option) => {
        const element = optionElement(option);
        shown.push({ element, result: option.result });
        return element;
      });
      return groupElement(group, elements);
    }),
  );
  view.listbox.hidden = !listing.expanded;
  view.input.setAttribute("aria-expanded", String(listing.expanded));
  view.status.textContent = listing.status;
  view.listbox.scrollTop = 0;
  return shown;
}

/**
 * Moves the active option from `previous` to `next` (either may be none): the option is marked
 * selected and named by the combobox's `aria-activedescendant`, since focus stays in the input.
 */
export function renderActiveOption(
  input: HTMLInputElement,
  previous: HTMLLIElement | undefined,
  next: HTMLLIElement | undefined,
): void {
  previous?.removeAttribute("aria-selected");
  if (next) {
    next.setAttribute("aria-selected", "true");
    input.setAttribute("aria-activedescendant", next.id);
    next.scrollIntoView({ block: "nearest" });
  } else {
    input.removeAttribute("aria-activedescendant");
  }
}
