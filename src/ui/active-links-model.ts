/**
 * What the "Active links" list shows, without a DOM: its rows (links, or groups of links under a
 * heading row each) and, for a long list that draws only the rows in view, where each row stands
 * and which rows a scrolled view holds. `active-links-view.ts` draws the rows; `active-links.ts`
 * wires them to the store.
 */
import { linkKindName } from "../layers/describe";
import type { Link, Topology } from "../model/schema";
import { linkNetworkKeys, networkIndexOf } from "../state/networks";

/** How the list groups its links: a view preference, never in the address. */
export type GroupBy = "none" | "kind" | "country" | "network";

/** The choices of the "Group by" control, in order. */
export const GROUP_BY_CHOICES: readonly { readonly value: GroupBy; readonly label: string }[] = [
  { value: "none", label: "None" },
  { value: "kind", label: "Kind" },
  { value: "country", label: "Country" },
  { value: "network", label: "Network" },
];

/** `value` as a grouping; anything else (a stale or foreign stored value) is "none". */
export const parseGroupBy = (value: unknown): GroupBy =>
  GROUP_BY_CHOICES.find((c) => c.value === value)?.value ?? "none";

/** What the list says under its heading when a link may be listed more than once. */
export const GROUP_BY_HINT: Readonly<Partial<Record<GroupBy, string>>> = {
  country: "A link is listed under each country it touches, so the groups may add up to more.",
  network: "A link is listed under each of its networks, so the groups may add up to more.",
};

/** A group a link is listed under: its key, unique among the groups, and its name for people. */
export interface LinkGroup {
  readonly key: string;
  readonly name: string;
}

/** The groups a link is listed under (at least one). */
export type GroupsOf = (link: Link) => readonly LinkGroup[];

/** The key of the group of links that have no country, or no network: it is listed last. */
export const NO_GROUP_KEY = "";

const NO_GROUP_NAME: Readonly<Record<GroupBy, string>> = {
  none: "",
  kind: "Other",
  country: "No country",
  network: "No network listed",
};

/**
 * Where `by` lists each link of `topology`: under its kind, each country of `link.countries`
 * (named by `countryName`), or each network it names (by `networkKey`, named as the dataset names
 * it); a link with none is listed under a last group ("No country", "No network listed");
 * `undefined` for an ungrouped list.
 */
export function linkGrouping(
  topology: Topology,
  by: GroupBy,
  countryName: (code: string) => string,
): GroupsOf | undefined {
  if (by === "none") return undefined;
  const none: readonly LinkGroup[] = [{ key: NO_GROUP_KEY, name: NO_GROUP_NAME[by] }];
  const orNone = (groups: readonly LinkGroup[]) => (groups.length > 0 ? groups : none);
  if (by === "kind") return (link) => [{ key: link.kind, name: linkKindName(link.kind) }];
  if (by === "country") {
    const names = new Map<string, LinkGroup>();
    const named = (code: string) => {
      let group = names.get(code);
      if (group === undefined) {
        group = { key: code, name: countryName(code) };
        names.set(code, group);
      }
      return group;
    };
    return (link) => orNone([...new Set(link.countries)].map(named));
  }
  const index = networkIndexOf(topology);
  return (link) =>
    orNone(
      linkNetworkKeys(topology, link).map((key) => ({
        key,
        name: index.byKey.get(key)?.name ?? key,
      })),
    );
}

/** A heading row: a group's name, how many links it holds, and whether they are shown. */
export interface GroupRow {
  readonly type: "group";
  /** Unique among the rows. */
  readonly key: string;
  readonly group: string;
  readonly name: string;
  readonly count: number;
  readonly expanded: boolean;
}

/** A link's row; a link listed under several groups has a row (and a key) in each. */
export interface LinkRow {
  readonly type: "link";
  /** Unique among the rows. */
  readonly key: string;
  readonly link: Link;
}

export type ListRow = GroupRow | LinkRow;

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rows of the list: the links in their order, or, with `groupsOf`, a heading row per group
 * followed by its links (in their order) unless the group's key is in `collapsed`. Groups run
 * from the most links to the fewest, ties by name then key; the group of links without a country
 * or network comes last.
 */
export function buildListRows(
  links: readonly Link[],
  groupsOf: GroupsOf | undefined,
  collapsed: ReadonlySet<string> = new Set(),
): ListRow[] {
  if (!groupsOf) return links.map((link) => ({ type: "link", key: `\t${link.id}`, link }));
  const groups = new Map<string, { name: string; links: Link[] }>();
  const add = (key: string, name: string, link: Link) => {
    const group = groups.get(key);
    if (group) group.links.push(link);
    else groups.set(key, { name, links: [link] });
  };
  for (const link of links) {
    for (const { key, name } of groupsOf(link)) add(key, name, link);
  }
  const sorted = [...groups].sort(
    ([ka, a], [kb, b]) =>
      Number(ka === NO_GROUP_KEY) - Number(kb === NO_GROUP_KEY) ||
      b.links.length - a.links.length ||
      order(a.name, b.name) ||
      order(ka, kb),
  );
  const rows: ListRow[] = [];
  for (const [group, { name, links: members }] of sorted) {
    const expanded = !collapsed.has(group);
    rows.push({ type: "group", key: `${group}\t`, group, name, count: members.length, expanded });
    if (!expanded) continue;
    for (const link of members) rows.push({ type: "link", key: `${group}\t${link.id}`, link });
  }
  return rows;
}

/**
 * Where each row starts, from the list's top, given each row's height (its spacing included):
 * `offsets[i]` for row `i`, and `offsets[rows.length]` the list's height.
 */
export function rowOffsets(
  rows: readonly ListRow[],
  heightOf: (row: ListRow) => number,
): Float64Array {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    offsets[i + 1] = (offsets[i] as number) + heightOf(rows[i] as ListRow);
  }
  return offsets;
}

/** The index of the row at `y` (from the list's top), clamped to the rows. */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The rows a view from `top` to `bottom` (from the list's top) shows, with `overscan` more on each
 * side: from `first` up to, not including, `last`.
 */
export function rowWindow(
  offsets: Float64Array,
  top: number,
  bottom: number,
  overscan: number,
): { readonly first: number; readonly last: number } {
  const count = offsets.length - 1;
  // A view above the list or below it still holds the rows nearest to it.
  if (bottom < 0) return { first: 0, last: Math.min(count, overscan) };
  if (top > (offsets[count] as number))
    return { first: Math.max(0, count - overscan), last: count };
  const first = Math.max(0, rowAt(offsets, top) - overscan);
  const last = Math.min(count, rowAt(offsets, bottom) + 1 + overscan);
  return { first, last };
}

/**
 * Where a key moves keyboard focus in a list of `count` rows from row `index`: ↓/↑ the next or
 * previous row, Home/End the first or last; `undefined` for another key or past an end.
 */
export function rowFrom(key: string, index: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === "ArrowDown") return index + 1 < count ? index + 1 : undefined;
  if (key === "ArrowUp") return index > 0 ? index - 1 : undefined;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return undefined;
}
