/**
 * The country panel's table of foreign upstreams: its columns, how a click on a column's header
 * changes the sort, and the rows in that order. Pure: `country-panel-view.ts` draws it.
 */
import type { Upstream } from "../state/connectivity";

/** A column of the table. */
export type UpstreamColumn = "name" | "asn" | "links";
/** As `aria-sort` spells it. */
export type SortDirection = "ascending" | "descending";

/** The column the rows are sorted by, and which way. */
export interface UpstreamSort {
  readonly column: UpstreamColumn;
  readonly direction: SortDirection;
}

/** The columns, in order, with their headers. */
export const UPSTREAM_COLUMNS: readonly {
  readonly column: UpstreamColumn;
  readonly label: string;
}[] = [
  { column: "name", label: "Network" },
  { column: "asn", label: "AS number" },
  { column: "links", label: "Links" },
];

/** The largest first, as the sentence names them. */
export const DEFAULT_UPSTREAM_SORT: UpstreamSort = { column: "links", direction: "descending" };

/**
 * The sort after a click on `column`'s header: the sorted column turns around; another column
 * sorts the way one reads it first (the most links first, names and numbers from the lowest).
 */
export function nextUpstreamSort(sort: UpstreamSort, column: UpstreamColumn): UpstreamSort {
  if (sort.column === column) {
    return { column, direction: sort.direction === "ascending" ? "descending" : "ascending" };
  }
  return { column, direction: column === "links" ? "descending" : "ascending" };
}

/** An upstream as a row of the table: "AS4837" ("" for an operator without one). */
export interface UpstreamRow {
  readonly key: string;
  readonly name: string;
  readonly asn: string;
  readonly links: number;
}

const names = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const byName = (a: Upstream, b: Upstream) =>
  names.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * `upstreams` as rows sorted by `sort`. Equal values keep the name order whichever way the column
 * runs; operators without an AS number come last under either direction of that column.
 */
export function sortUpstreamRows(
  upstreams: readonly Upstream[],
  sort: UpstreamSort,
): UpstreamRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const compare = (a: Upstream, b: Upstream): number => {
    if (sort.column === "links") return sign * (a.links - b.links) || byName(a, b);
    if (sort.column === "name") return sign * byName(a, b);
    if (a.asn === undefined || b.asn === undefined) {
      return (a.asn === undefined ? 1 : 0) - (b.asn === undefined ? 1 : 0) || byName(a, b);
    }
    return sign * (a.asn - b.asn) || byName(a, b);
  };
  return [...upstreams].sort(compare).map((n) => ({
    key: n.key,
    name: n.name,
    asn: n.asn === undefined ? "" : `AS${n.asn}`,
    links: n.links,
  }));
}
