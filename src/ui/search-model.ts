/**
 * What the search dialog shows for a query: its result groups and options (with the element ids
 * that tie the combobox to them), the option active on show, the status line, and what each key
 * does. No DOM: `search-view.ts` draws it and `search.ts` wires it to the keyboard.
 */
import type { SearchResult, SearchResults } from "../search/search-index";

/** One option of the listbox: the result it takes, and the element id that names it. */
export interface SearchOption {
  readonly id: string;
  readonly label: string;
  readonly detail: string;
  readonly result: SearchResult;
}

/** A group of options under a heading, whose id labels the group. */
export interface SearchOptionGroup {
  readonly headingId: string;
  readonly name: string;
  readonly options: readonly SearchOption[];
}

/** What the listbox and the status line show for one query. */
export interface SearchListing {
  readonly groups: readonly SearchOptionGroup[];
  /** Every option, in display order: what the arrow keys step through. */
  readonly options: readonly SearchOption[];
  /** The index in `options` of the best result, active on show; -1 when nothing matches. */
  readonly active: number;
  /** True when there are options to show (the listbox is shown and the combobox expanded). */
  readonly expanded: boolean;
  /** The status line: empty unless a query found nothing. */
  readonly status: string;
}

/**
 * The listing of `results` for `query`, its element ids prefixed with `id`: options are
 * numbered in display order across the groups, and groups in their order.
 */
export function buildSearchListing(
  { best, groups }: SearchResults,
  query: string,
  id: string,
): SearchListing {
  const options: SearchOption[] = [];
  const optionGroups = groups.map((group, g) => ({
    headingId: `${id}-group-${g}`,
    name: group.name,
    options: group.results.map((result) => {
      const option = {
        id: `${id}-option-${options.length}`,
        label: result.label,
        detail: result.detail,
        result,
      };
      options.push(option);
      return option;
    }),
  }));
  const trimmed = query.trim();
  const found = options.length > 0;
  return {
    groups: optionGroups,
    options,
    active: options.findIndex((option) => option.result === best),
    expanded: found,
    status: found || !trimmed ? "" : `No match for “${trimmed}”`,
  };
}

/**
 * What a key pressed in the combobox does: move the active option (`to` is `null` when there is
 * no option to move to, the key being the combobox's all the same) or take the active one.
 */
export type SearchKeyAction =
  | { readonly kind: "move"; readonly to: number | null }
  | { readonly kind: "take" };

/** The action of `key` with option `active` of `count` active (-1 for none); null if not ours. */
export function searchKeyAction(
  key: string,
  active: number,
  count: number,
): SearchKeyAction | null {
  if (key === "ArrowDown" || key === "ArrowUp") {
    if (count === 0) return { kind: "move", to: null };
    const step = key === "ArrowDown" ? 1 : -1;
    const to = active < 0 ? (step > 0 ? 0 : count - 1) : (active + step + count) % count;
    return { kind: "move", to };
  }
  if (key === "Enter") return { kind: "take" };
  return null;
}

/** The parts of a key press that say whether it is the search's shortcut. */
export type ShortcutKey = Pick<
  KeyboardEvent,
  "key" | "ctrlKey" | "metaKey" | "altKey" | "defaultPrevented"
>;

/** True for a `/` with no modifier that nothing else has handled. */
export function isSearchShortcut(e: ShortcutKey): boolean {
  return e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !e.defaultPrevented;
}

/** The status line when the search index could not be loaded. */
export function searchLoadFailure(error: unknown): string {
  return `Search could not load: ${(error as Error).message}`;
}
