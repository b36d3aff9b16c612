/**
 * The search over one topology, built on first use: the index (and its fuzzy matcher) is not
 * needed for the first frame, so its module is imported only when the search first opens.
 */
import type { Topology } from "../model/schema";
import type { SearchIndex, SearchResults } from "../search/search-index";

/** A search that answers once {@link SearchLoader.load} has resolved. */
export interface SearchLoader {
  /** The results for `query`, or `null` while the index is not loaded. */
  readonly search: (query: string) => SearchResults | null;
  /** Loads the index, once: later calls return the same promise. */
  readonly load: () => Promise<void>;
}

export function createSearchLoader(
  topology: Topology,
  countryName: (code: string) => string,
): SearchLoader {
  let searcher: ((query: string) => SearchResults) | null = null;
  let loading: Promise<void> | null = null;
  return {
    search: (query) => (searcher ? searcher(query) : null),
    load: () => {
      loading ??= import("../search/search-index").then(({ buildSearchIndex, search }) => {
        const index: SearchIndex = buildSearchIndex(topology, countryName);
        searcher = (query) => search(index, query);
      });
      return loading;
    },
  };
}
