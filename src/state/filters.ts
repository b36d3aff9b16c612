/**
 * Filters and compare mode, derived from the view state: which links pass, how many of each kind
 * are active, and how two dates differ. Pure.
 */
import type { NetworkRef } from "../model/networks";
import type { Link, LinkKind, Topology } from "../model/schema";
import { refsOfKeys } from "./networks";
import { activeLinksOn, isActiveOn } from "./selectors";
import type { Filters } from "./store";

/** True when some filter group is set (an empty group means "any"). */
export const hasFilters = (f: Filters): boolean =>
  Boolean(f.kinds?.length || f.networks?.length || f.countries?.length);

/** True when `link` names one of `refs` (a loop: this runs for every link of a scan). */
function runByAny(link: Link, refs: ReadonlySet<NetworkRef>): boolean {
  for (const ref of link.networks ?? []) if (refs.has(ref)) return true;
  return false;
}

/**
 * True when `link` (of `topology`) matches every group given (any value within a group). The
 * networks group holds keys; a link names its networks by AS number or id, so the keys are read
 * as the references they stand for, once per topology and list.
 */
export function passesFilters(link: Link, f: Filters, topology: Topology): boolean {
  if (f.kinds?.length && !f.kinds.includes(link.kind)) return false;
  if (f.networks?.length && !runByAny(link, refsOfKeys(topology, f.networks))) return false;
  if (f.countries?.length && !link.countries.some((c) => f.countries?.includes(c))) return false;
  return true;
}

/** Ids of the links that pass `f`, or `null` when no filter is set (everything passes). */
export function shownLinkIds(topology: Topology, f: Filters): ReadonlySet<string> | null {
  if (!hasFilters(f)) return null;
  return new Set(topology.links.filter((l) => passesFilters(l, f, topology)).map((l) => l.id));
}

/**
 * How many links of each kind are active on `date`, counting the network and country filters but
 * not the kind filter: the legend shows what ticking a kind would bring back.
 */
export function activeCountsByKind(
  topology: Topology,
  date: string,
  f: Filters,
): Map<LinkKind, number> {
  const others: Filters = { ...f, kinds: [] };
  const counts = new Map<LinkKind, number>();
  for (const link of activeLinksOn(topology, date)) {
    if (!passesFilters(link, others, topology)) continue;
    counts.set(link.kind, (counts.get(link.kind) ?? 0) + 1);
  }
  return counts;
}

/**
 * The filters with `kind` ticked or unticked. `kinds` lists the kinds shown; ticking every kind
 * the dataset has clears the group (all shown is the default, and keeps the address short).
 */
export function toggleKind(f: Filters, kind: LinkKind, available: readonly LinkKind[]): Filters {
  const shown = f.kinds?.length ? f.kinds : available;
  const next = shown.includes(kind) ? shown.filter((k) => k !== kind) : [...shown, kind];
  const ordered = available.filter((k) => next.includes(k));
  return { ...f, kinds: ordered.length === available.length ? [] : ordered };
}

/** True when `kind` is shown by `f`. */
export const kindShown = (f: Filters, kind: LinkKind): boolean =>
  !f.kinds?.length || f.kinds.includes(kind);

/** Links split by whether they are active on date A, on date B, or on both. */
export interface Comparison {
  readonly onlyA: readonly Link[];
  readonly onlyB: readonly Link[];
  readonly both: readonly Link[];
}

/** Which of the links passing `f` are active only at `a`, only at `b`, or at both. */
export function compareDates(topology: Topology, a: string, b: string, f: Filters): Comparison {
  const onlyA: Link[] = [];
  const onlyB: Link[] = [];
  const both: Link[] = [];
  for (const link of topology.links) {
    if (!passesFilters(link, f, topology)) continue;
    const atA = isActiveOn(link.active, a);
    const atB = isActiveOn(link.active, b);
    if (atA && atB) both.push(link);
    else if (atA) onlyA.push(link);
    else if (atB) onlyB.push(link);
  }
  return { onlyA, onlyB, both };
}

const countriesOf = new WeakMap<Topology, readonly string[]>();

/**
 * The countries the dataset's links touch, sorted by code: one scan of the links per topology
 * (the legend, the address codec and the map each ask for them as a dataset opens).
 */
export function datasetCountries(topology: Topology): readonly string[] {
  let countries = countriesOf.get(topology);
  if (countries === undefined) {
    const seen = new Set<string>();
    for (const link of topology.links) for (const code of link.countries) seen.add(code);
    countries = [...seen].sort();
    countriesOf.set(topology, countries);
  }
  return countries;
}
