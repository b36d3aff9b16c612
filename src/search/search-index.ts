/**
 * Search over one topology: places, links, networks, countries and events. A query is matched
 * exactly, then by prefix, then as a substring, and only then fuzzily (fuse.js), so that what
 * the user typed literally always ranks above a guess. Pure: no DOM.
 */
import Fuse from "fuse.js";
import type { Topology } from "../model/schema";
import type { Selection } from "../state/store";
import { collectEntries, normalizeText, type RecordEntry } from "./search-entries";

export { boundsOf, normalizeText } from "./search-entries";

/** `[[west, south], [east, north]]` in degrees; longitudes as on the paths (may pass ±180). */
export type Bounds = readonly [
  readonly [west: number, south: number],
  readonly [east: number, north: number],
];

/** Choosing a place or link: select it and show it. */
export interface SelectionTarget {
  readonly selection: Selection;
  readonly bounds: Bounds;
}
/**
 * Choosing a network: its key (`networkKey`: its id, or `AS<number>`), and where its links run
 * (`null` when it has none).
 */
export interface NetworkTarget {
  readonly network: string;
  readonly bounds: Bounds | null;
}
/** Choosing a country: its ISO 3166-1 alpha-2 code, and the extent of the links through it. */
export interface CountryTarget {
  readonly country: string;
  readonly bounds: Bounds;
}
/** Choosing an event: its date, and the first link (or node) it names with their extent. */
export interface DateTarget {
  readonly date: string;
  readonly selection?: Selection;
  readonly bounds?: Bounds;
}

interface ResultFields {
  /** Unique within its type: a node, link or event id, a network's key, a country code. */
  readonly id: string;
  readonly label: string;
  /** Short secondary text: "Terrestrial fibre · 2017-10-01 – today", "AS20485 · RU". */
  readonly detail: string;
  /** How well the query matches: 0 is exact; lower is better; fuzzy matches score 0.4 to 1. */
  readonly score: number;
}

/** One thing found, and what choosing it does (`target`, as data). */
export type SearchResult =
  | (ResultFields & { readonly type: "node"; readonly target: SelectionTarget })
  | (ResultFields & { readonly type: "link"; readonly target: SelectionTarget })
  | (ResultFields & { readonly type: "network"; readonly target: NetworkTarget })
  | (ResultFields & { readonly type: "country"; readonly target: CountryTarget })
  | (ResultFields & { readonly type: "event"; readonly target: DateTarget });

export type SearchResultType = SearchResult["type"];

/** The result groups, in the order they are shown. */
export const SEARCH_GROUPS = [
  { type: "node", name: "Places" },
  { type: "link", name: "Links" },
  { type: "network", name: "Networks" },
  { type: "country", name: "Countries" },
  { type: "event", name: "Events" },
] as const satisfies readonly { type: SearchResultType; name: string }[];

export type SearchGroupName = (typeof SEARCH_GROUPS)[number]["name"];

export interface SearchGroup {
  readonly type: SearchResultType;
  readonly name: SearchGroupName;
  /** Best first. */
  readonly results: readonly SearchResult[];
}

export interface SearchResults {
  /** The best result overall (what Enter takes), or null when nothing matches. */
  readonly best: SearchResult | null;
  /** Every result, best first. */
  readonly ranked: readonly SearchResult[];
  /** The non-empty groups, in {@link SEARCH_GROUPS} order. */
  readonly groups: readonly SearchGroup[];
}

/** What a record is found by, and its place among the results. */
interface Entry extends Omit<RecordEntry, "result"> {
  readonly result: SearchResult;
  /** Position of its group in {@link SEARCH_GROUPS}, then in the dataset: the tie-breakers. */
  readonly group: number;
  readonly order: number;
}

/** A topology's search index, built once by {@link buildSearchIndex}; treat it as opaque. */
export interface SearchIndex {
  readonly entries: readonly Entry[];
  readonly fuse: Fuse<Entry>;
}

export const DEFAULT_SEARCH_LIMIT = 30;

/** Scores of each kind of match; each tier adds up to {@link WITHIN_TIER} for a looser fit. */
const EXACT = 0;
const PREFIX = 0.1;
const WORD_PREFIX = 0.15;
const CONTEXT_EXACT = 0.2;
const CONTEXT_PREFIX = 0.25;
const ALL_WORDS = 0.3;
const SUBSTRING = 0.35;
const FUZZY = 0.4;
const WITHIN_TIER = 0.04;
/** A match on a related record's identifier ranks just below the same match on the record's own. */
const REF_OFFSET = 0.01;
/** Fuzzy matches scored above this by fuse.js (0 perfect, 1 none) are too loose to show. */
const MAX_FUZZY = 0.3;
/** Shorter queries only match literally: fuzzy matches of "ru" or "2014" are noise. */
const FUZZY_MIN_LETTERS = 3;
const SUBSTRING_MIN_LENGTH = 3;

/** The query as matched: normalized, with "AS 20485" read as "as20485". */
const normalizeQuery = (query: string) => normalizeText(query).replace(/^as (\d+)$/, "as$1");

/**
 * Indexes a topology's nodes, links, networks, countries (those its links pass through) and
 * events. `countryName("RU")` names a country ("Russia").
 */
export function buildSearchIndex(
  topology: Topology,
  countryName: (code: string) => string,
): SearchIndex {
  const entries: Entry[] = collectEntries(topology, countryName).map((entry, order) => ({
    ...entry,
    result: { ...entry.result, score: 0 } as SearchResult,
    group: SEARCH_GROUPS.findIndex((g) => g.type === entry.result.type),
    order,
  }));
  const fuse = new Fuse(entries, {
    keys: [
      { name: "primary", weight: 3 },
      { name: "context", weight: 1 },
    ],
    includeScore: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.34,
  });
  return { entries, fuse };
}

/** `base`, plus up to {@link WITHIN_TIER} the more of `text` the query leaves unmatched. */
const tier = (base: number, query: string, text: string) =>
  base + WITHIN_TIER * (1 - query.length / Math.max(text.length, query.length));

const hasWordPrefix = (text: string, query: string) => ` ${text}`.includes(` ${query}`);

/** The best literal match of `query` in an entry, or null. */
function literalScore(entry: Entry, query: string, words: readonly string[]): number | null {
  let best = Infinity;
  for (const [texts, offset] of [
    [entry.primary, 0],
    [entry.refs, REF_OFFSET],
  ] as const) {
    for (const text of texts) {
      let score = Infinity;
      if (text === query) score = EXACT;
      else if (text.startsWith(query)) score = tier(PREFIX, query, text);
      else if (hasWordPrefix(text, query)) score = tier(WORD_PREFIX, query, text);
      best = Math.min(best, score + offset);
    }
  }
  if (best < Infinity) return best;
  for (const text of entry.context) {
    if (text === query) best = Math.min(best, CONTEXT_EXACT);
    else if (hasWordPrefix(text, query)) best = Math.min(best, tier(CONTEXT_PREFIX, query, text));
  }
  if (best < Infinity) return best;
  const all = [...entry.primary, ...entry.refs, ...entry.context];
  if (words.length > 1 && words.every((word) => all.some((text) => hasWordPrefix(text, word)))) {
    return ALL_WORDS;
  }
  if (query.length >= SUBSTRING_MIN_LENGTH) {
    const text = all.find((t) => t.includes(query));
    if (text !== undefined) return tier(SUBSTRING, query, text);
  }
  return null;
}

/**
 * Finds `query` in the index: at most `limit` results, best first, grouped in
 * {@link SEARCH_GROUPS} order. An AS number ("AS20485", "as20485", "20485") finds that network
 * and every link it runs; a blank query finds nothing.
 */
export function search(
  index: SearchIndex,
  query: string,
  limit = DEFAULT_SEARCH_LIMIT,
): SearchResults {
  const q = normalizeQuery(query);
  if (!q || limit <= 0) return { best: null, ranked: [], groups: [] };
  const words = q.split(" ");
  const scores = new Map<Entry, number>();
  for (const entry of index.entries) {
    const score = literalScore(entry, q, words);
    if (score !== null) scores.set(entry, score);
  }
  if ((q.match(/\p{L}/gu)?.length ?? 0) >= FUZZY_MIN_LETTERS) {
    for (const { item, score = 1 } of index.fuse.search(q)) {
      if (score > MAX_FUZZY) continue;
      const fuzzy = FUZZY + (1 - FUZZY) * score;
      scores.set(item, Math.min(scores.get(item) ?? Infinity, fuzzy));
    }
  }
  const ranked = [...scores]
    .sort(([a, sa], [b, sb]) => sa - sb || a.group - b.group || a.order - b.order)
    .slice(0, limit)
    .map(([entry, score]) => ({ ...entry.result, score }) as SearchResult);
  const groups = SEARCH_GROUPS.map(({ type, name }) => ({
    type,
    name,
    results: ranked.filter((r) => r.type === type),
  })).filter((g) => g.results.length > 0);
  return { best: ranked[0] ?? null, ranked, groups };
}
