/**
 * Search: a toolbar button (and the `/` key) opening a modal dialog with a combobox over the
 * dataset's places, links, networks, countries and events. Focus stays in the input; the active
 * option is conveyed by `aria-activedescendant` (the WAI-ARIA combobox-with-listbox pattern).
 * What it shows is `search-model.ts`, its elements `search-view.ts`; this file wires them to the
 * keyboard and the pointer.
 */
import "./search.css";
import type { Topology } from "../model/schema";
import type { SearchResult } from "../search/search-index";
import { isTyping } from "./dom";
import { createSearchLoader } from "./search-loader";
import {
  buildSearchListing,
  isSearchShortcut,
  searchKeyAction,
  searchLoadFailure,
} from "./search-model";
import {
  createSearchView,
  renderActiveOption,
  renderSearchListing,
  type ShownOption,
} from "./search-view";

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
  const loader = createSearchLoader(deps.topology, deps.countryName);
  const view = createSearchView(id);
  const { button, input, listbox, status, dialog } = view;
  root.append(button, dialog);

  /** The options shown, in display order, and which one is active. */
  let shown: ShownOption[] = [];
  let active = -1;
  /** Set while taking a result, so that closing leaves focus where the choice puts it. */
  let taking = false;

  const setActive = (next: number) => {
    renderActiveOption(input, shown[active]?.element, shown[next]?.element);
    active = next;
  };

  const update = () => {
    const results = loader.search(input.value);
    if (!results) return;
    const listing = buildSearchListing(results, input.value, id);
    shown = renderSearchListing(view, listing);
    active = -1;
    setActive(listing.active);
  };

  const open = () => {
    if (dialog.open) return;
    update();
    loader.load().then(update, (error: unknown) => {
      status.textContent = searchLoadFailure(error);
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
    const action = searchKeyAction(e.key, active, shown.length);
    if (!action) return;
    e.preventDefault();
    if (action.kind === "move") {
      if (action.to !== null) setActive(action.to);
    } else {
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
    if (isSearchShortcut(e) && !isTyping(e.target) && !document.querySelector("dialog[open]")) {
      e.preventDefault();
      open();
    }
  };
  const onListClick = (e: MouseEvent) => {
    const option = (e.target as Element).closest('[role="option"]');
    const chosen = shown.find((s) => s.element === option);
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

  // Removed together on disposal, before the dialog closes, so that its close moves no focus.
  const listening = new AbortController();
  const { signal } = listening;
  button.addEventListener("click", open, { signal });
  input.addEventListener("input", update, { signal });
  listbox.addEventListener("click", onListClick, { signal });
  dialog.addEventListener("click", onBackdrop, { signal });
  dialog.addEventListener("close", onClose, { signal });
  document.addEventListener("keydown", onKey, { capture: true, signal });

  return () => {
    listening.abort();
    if (dialog.open) dialog.close();
    button.remove();
    dialog.remove();
  };
}
