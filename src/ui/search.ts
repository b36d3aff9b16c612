/**
 * Search: a toolbar button (and the `/` key) opening a modal dialog with a combobox over the
 * dataset's places, links, networks, countries and events. Focus stays in the input; the active
 * option is conveyed by `aria-activedescendant` (the WAI-ARIA combobox-with-listbox pattern).
 */
import "./search.css";
import type { Topology } from "../model/schema";
import type { SearchIndex, SearchResult, SearchResults } from "../search/search-index";
import { h, isTyping } from "./dom";

export interface SearchDeps {
  readonly topology: Topology;
  /** The display name of an ISO 3166-1 alpha-2 country code. */
  readonly countryName: (code: string) => string;
  /** Called with the result taken, after the dialog has closed. */
  readonly onChoose: (result: SearchResult) => void;
}

let dialogs = 0;

export function setupSearch(root: HTMLElement, deps: SearchDeps): () => void {
  const id = `search-${++dialogs}`;
  // The index (and its fuzzy matcher) loads on first use: it is not needed for the first frame.
  let searcher: ((query: string) => SearchResults) | null = null;
  let loading: Promise<void> | null = null;
  const load = () => {
    loading ??= import("../search/search-index").then(({ buildSearchIndex, search }) => {
      const index: SearchIndex = buildSearchIndex(deps.topology, deps.countryName);
      searcher = (query) => search(index, query);
    });
    return loading;
  };

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
  root.append(button, dialog);

  /** The options shown, in display order, and which one is active. */
  let shown: { option: HTMLLIElement; result: SearchResult }[] = [];
  let active = -1;
  /** Set while taking a result, so that closing leaves focus where the choice puts it. */
  let taking = false;

  const setActive = (next: number) => {
    shown[active]?.option.removeAttribute("aria-selected");
    active = next;
    const current = shown[active];
    if (current) {
      current.option.setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", current.option.id);
      current.option.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  };

  const render = ({ best, groups }: SearchResults) => {
    shown = [];
    active = -1;
    listbox.replaceChildren(
      ...groups.map((group, g) => {
        const headingId = `${id}-group-${g}`;
        return h(
          "li",
          { role: "presentation" },
          h(
            "ul",
            { role: "group", "aria-labelledby": headingId, class: "search-group" },
            h(
              "li",
              { role: "presentation", id: headingId, class: "search-group-name" },
              group.name,
            ),
            ...group.results.map((result) => {
              const option = h(
                "li",
                { id: `${id}-option-${shown.length}`, role: "option", class: "search-option" },
                h("span", { class: "search-label" }, result.label),
                h("span", { class: "search-detail" }, result.detail),
              );
              shown.push({ option, result });
              return option;
            }),
          ),
        );
      }),
    );
    const query = input.value.trim();
    const found = shown.length > 0;
    listbox.hidden = !found;
    input.setAttribute("aria-expanded", String(found));
    status.textContent = found || !query ? "" : `No match for “${query}”`;
    listbox.scrollTop = 0;
    setActive(shown.findIndex((s) => s.result === best));
  };

  const update = () => {
    if (searcher) render(searcher(input.value));
  };

  const open = () => {
    if (dialog.open) return;
    update();
    load().then(update, (error: unknown) => {
      status.textContent = `Search could not load: ${(error as Error).message}`;
    });
    dialog.showModal();
    button.setAttribute("aria-expanded", "true");
    input.focus();
    input.select();
  };

  const take = (result: SearchResult) => {
    taking = true;
    dialog.close();
    button.focus();
    deps.onChoose(result);
  };

  const onInputKey = (e: KeyboardEvent) => {
    if (e.isComposing) return;
    const count = shown.length;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (count === 0) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive(active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count);
    } else if (e.key === "Enter") {
      e.preventDefault();
      const current = shown[active];
      if (current) take(current.result);
    }
  };

  // While the dialog is open, keys are the dialog's: the page's shortcuts (arrows along the
  // timeline, Escape clearing the selection) must not see them. Stopping them here, in the
  // capture phase, also keeps them from the input's own listeners, so the combobox keys are
  // handled here too. Default actions (typing, Escape closing the dialog) still happen.
  const onKey = (e: KeyboardEvent) => {
    if (dialog.open) {
      e.stopPropagation();
      if (e.target === input) onInputKey(e);
      return;
    }
    if (
      e.key === "/" &&
      !e.ctrlKey &&
      !e.metaKey &&
      !e.altKey &&
      !e.defaultPrevented &&
      !isTyping(e.target) &&
      !document.querySelector("dialog[open]")
    ) {
      e.preventDefault();
      open();
    }
  };
  // Keep focus in the input when an option is pressed, so the click lands and typing goes on.
  const onPointerDown = (e: MouseEvent) => {
    if ((e.target as Element).closest('[role="option"]')) e.preventDefault();
  };
  const onListClick = (e: MouseEvent) => {
    const option = (e.target as Element).closest('[role="option"]');
    const chosen = shown.find((s) => s.option === option);
    if (chosen) take(chosen.result);
  };
  const onBackdrop = (e: MouseEvent) => {
    if (e.target === dialog) dialog.close();
  };
  const onClose = () => {
    button.setAttribute("aria-expanded", "false");
    if (!taking) button.focus();
    taking = false;
  };

  button.addEventListener("click", open);
  input.addEventListener("input", update);
  listbox.addEventListener("mousedown", onPointerDown);
  listbox.addEventListener("click", onListClick);
  dialog.addEventListener("click", onBackdrop);
  dialog.addEventListener("close", onClose);
  document.addEventListener("keydown", onKey, { capture: true });

  return () => {
    document.removeEventListener("keydown", onKey, { capture: true });
    button.removeEventListener("click", open);
    input.removeEventListener("input", update);
    listbox.removeEventListener("mousedown", onPointerDown);
    listbox.removeEventListener("click", onListClick);
    dialog.removeEventListener("click", onBackdrop);
    dialog.removeEventListener("close", onClose);
    if (dialog.open) dialog.close();
    button.remove();
    dialog.remove();
  };
}
