/**
 * A country's connectivity over time: how many cross-border links it has and which foreign
 * networks (upstreams) run them, as a step series over the dataset's time range. Pure.
 */
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { NetworkRef } from "../model/networks";
import type { EventKind, Link, Topology } from "../model/schema";
import { isCrossBorderLinkOf } from "./cross-border";
import { networkIndexOf } from "./networks";
import { isActiveOn } from "./selectors";

/** A foreign network on a country's cross-border links. */
export interface Upstream {
  /** Its key (`networkKey`): its id, or `AS<number>`. */
  readonly key: string;
  /** `undefined` for an operator without one. */
  readonly asn: number | undefined;
  /** From `topology.networks`; the reference itself when the dataset does not list the network. */
  readonly name: string;
  /**
   * How many of the country's cross-border links active on the date name this network: the
   * measure of an upstream's size (a consortium cable counts once for each of its owners).
   */
  readonly links: number;
}

/** The state in force from `date` until the next point of the series. */
export interface ConnectivityPoint {
  readonly date: string;
  /** Cross-border links active on `date`. */
  readonly links: number;
  /** Distinct foreign networks on those links. */
  readonly upstreams: number;
  /** Their names, in the order of {@link ConnectivityPoint.networks}. */
  readonly upstreamNames: readonly string[];
  /** The foreign networks, sorted by name (then key); `largestUpstreams` orders them by size. */
  readonly networks: readonly Upstream[];
}

/** An event that names one of the country's links or places. */
export interface ConnectivityMarker {
  readonly id: string;
  readonly date: string;
  readonly end?: string;
  readonly kind: EventKind;
  readonly title: string;
}

export interface ConnectivitySeries {
  readonly country: string;
  /** The dataset's time range. */
  readonly range: readonly [string, string];
  /** The first point is at `range[0]`; then one point per change, in date order. */
  readonly points: readonly ConnectivityPoint[];
  /** In date order. */
  readonly events: readonly ConnectivityMarker[];
}

/** True when `link` reaches `country` (computed countries or a border crossing). */
const touches = (link: Link, country: string): boolean =>
  link.countries.includes(country) ||
  link.crossings.some((c) => c.from === country || c.to === country);

type Counts = Omit<ConnectivityPoint, "date">;

/** A foreign network as `connectivitySeries` resolves it, before its links are counted. */
type Foreign = Omit<Upstream, "links">;

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countsOn(
  links: readonly Link[],
  date: string,
  foreign: (ref: NetworkRef) => Foreign | undefined,
): Counts {
  const byKey = new Map<string, { network: Foreign; links: number }>();
  let count = 0;
  // Planned intervals are not read: a link announced but not in service carries nothing yet.
  for (const link of links) {
    if (!isActiveOn(link.active, date)) continue;
    count++;
    // A link naming a network twice (by its id and its AS number) counts once for it.
    const seen = new Set<string>();
    for (const ref of link.networks ?? []) {
      const network = foreign(ref);
      if (!network || seen.has(network.key)) continue;
      seen.add(network.key);
      const entry = byKey.get(network.key);
      if (entry) entry.links++;
      else byKey.set(network.key, { network, links: 1 });
    }
  }
  const networks = [...byKey.values()]
    .map(({ network, links }) => ({ ...network, links }))
    .sort((a, b) => order(a.name, b.name) || order(a.key, b.key));
  return {
    links: count,
    upstreams: networks.length,
    upstreamNames: networks.map((n) => n.name),
    networks,
  };
}

const sameCounts = (a: Counts, b: Counts) =>
  a.links === b.links &&
  a.networks.length === b.networks.length &&
  a.networks.every((n, i) => n.key === b.networks[i]?.key && n.links === b.networks[i]?.links);

/**
 * `country`'s cross-border links and foreign upstreams over `topology.timeRange`: a point at the
 * range's start, then one wherever the link count, the set of upstreams or an upstream's count of
 * links changes (an interval's start, or the day after its end: a link active until D counts on
 * D). A network is foreign
 * unless its `country` is `country`; a network with no known country counts as foreign.
 * Events are those naming a link that touches the country or a node in it.
 */
export function connectivitySeries(topology: Topology, country: string): ConnectivitySeries {
  const [start, end] = topology.timeRange;
  const links = topology.links.filter((l) => isCrossBorderLinkOf(l, country));
  const index = networkIndexOf(topology);
  const foreign = (ref: NetworkRef): Foreign | undefined => {
    const network = index.resolve(ref);
    if (network?.country === country) return undefined;
    const key = index.keyOf(ref);
    if (network) return { key, asn: network.asn, name: network.name };
    return { key, asn: typeof ref === "number" ? ref : undefined, name: key };
  };

  const changes = new Set<string>();
  for (const link of links) {
    for (const { from, to } of link.active) {
      changes.add(from);
      if (to !== null) changes.add(fromDayNumber(toDayNumber(to) + 1));
    }
  }
  const dates = [...changes].filter((d) => d > start && d <= end).sort();

  const points: ConnectivityPoint[] = [{ date: start, ...countsOn(links, start, foreign) }];
  for (const date of dates) {
    const counts = countsOn(links, date, foreign);
    const previous = points[points.length - 1] as ConnectivityPoint;
    if (!sameCounts(previous, counts)) points.push({ date, ...counts });
  }

  const touching = new Set(topology.links.filter((l) => touches(l, country)).map((l) => l.id));
  const inCountry = new Set(topology.nodes.filter((n) => n.country === country).map((n) => n.id));
  const events = topology.events
    .filter(
      (e) => e.links?.some((id) => touching.has(id)) || e.nodes?.some((id) => inCountry.has(id)),
    )
    .map(
      (e): ConnectivityMarker => ({
        id: e.id,
        date: e.date,
        ...(e.end ? { end: e.end } : {}),
        kind: e.kind,
        title: e.title,
      }),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  return { country, range: [start, end], points, events };
}

/** Index of the point in force on `date`, or -1 before the series starts. */
export function connectivityIndexOn(series: ConnectivitySeries, date: string): number {
  const { points } = series;
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as ConnectivityPoint).date <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The point in force on `date`; `undefined` before the series starts (the time range starts at the
 * earliest date the dataset mentions, so no link is active then).
 */
export const connectivityOn = (
  series: ConnectivitySeries,
  date: string,
): ConnectivityPoint | undefined => series.points[connectivityIndexOn(series, date)];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Up to this many upstreams, the sentence names them all, by name. */
export const MAX_NAMED_UPSTREAMS = 5;
/** With more, it names this many of the largest and counts the rest. */
export const LARGEST_NAMED_UPSTREAMS = 3;

/** `networks` from the largest (most links) to the smallest; ties by name, then key. */
export const largestUpstreams = (networks: readonly Upstream[]): Upstream[] =>
  [...networks].sort((a, b) => b.links - a.links || order(a.name, b.name) || order(a.key, b.key));

/**
 * The upstreams as the sentence names them: all of a handful ("China Unicom, TransTeleCom"), or
 * the largest with their counts and how many more ("the largest AT&T (12 links), C&W Networks (9),
 * Verizon (9) and 114 more"). When all have as many links, no one is the largest: "among them".
 */
function nameUpstreams(networks: readonly Upstream[]): string {
  if (networks.length <= MAX_NAMED_UPSTREAMS) return `: ${networks.map((n) => n.name).join(", ")}`;
  const sorted = largestUpstreams(networks);
  const named = sorted.slice(0, LARGEST_NAMED_UPSTREAMS);
  const more = ` and ${networks.length - named.length} more`;
  const first = sorted[0] as Upstream;
  const last = sorted[sorted.length - 1] as Upstream;
  if (first.links === last.links) {
    const each = plural(first.links, "link", "links");
    return `, each on ${each}, among them ${named.map((n) => n.name).join(", ")}${more}`;
  }
  const counted = named.map((n, i) =>
    i === 0 ? `${n.name} (${plural(n.links, "link", "links")})` : `${n.name} (${n.links})`,
  );
  return `, the largest ${counted.join(", ")}${more}`;
}

/**
 * One sentence for screen readers, e.g. "From 2017-10-01 North Korea has 2 cross-border links and
 * 2 foreign upstreams: China Unicom, TransTeleCom." With more than {@link MAX_NAMED_UPSTREAMS}
 * upstreams it names the largest (by their count of the country's links on the date) and how many
 * more: "… and 117 foreign upstreams, the largest AT&T (12 links), C&W Networks (9), Verizon (9)
 * and 114 more." With `nextChangeDate` the sentence gives the last day the point holds. With no
 * point (before the series starts) it says nothing is recorded before `nextChangeDate`, the
 * series' first date.
 */
export function describeConnectivity(
  countryName: string,
  point: ConnectivityPoint | undefined,
  nextChangeDate?: string,
): string {
  if (!point) {
    return nextChangeDate
      ? `Before ${nextChangeDate} the dataset records no cross-border link of ${countryName}.`
      : `The dataset records no cross-border link of ${countryName}.`;
  }
  const until = nextChangeDate ? ` to ${fromDayNumber(toDayNumber(nextChangeDate) - 1)}` : "";
  const when = `From ${point.date}${until}`;
  if (point.links === 0) {
    return `${when} ${countryName} has no cross-border link and no foreign upstream.`;
  }
  const links = plural(point.links, "cross-border link", "cross-border links");
  if (point.upstreams === 0) {
    return `${when} ${countryName} has ${links} and no known foreign upstream.`;
  }
  const upstreams = plural(point.upstreams, "foreign upstream", "foreign upstreams");
  return `${when} ${countryName} has ${links} and ${upstreams}${nameUpstreams(point.networks)}.`;
}

const MAX_SUMMARY_STEPS = 8;

/**
 * The whole series in a sentence, for the chart's label: "Cross-border links and foreign
 * upstreams of North Korea, 2010–2026: from 2010-11-18, 1 link and 1 upstream; …".
 */
export function summarizeConnectivity(countryName: string, series: ConnectivitySeries): string {
  const [start, end] = series.range;
  const years = `${start.slice(0, 4)}–${end.slice(0, 4)}`;
  const head = `Cross-border links and foreign upstreams of ${countryName}, ${years}`;
  if (series.points.every((p) => p.links === 0)) return `${head}: none recorded.`;
  const steps = series.points
    .slice(0, MAX_SUMMARY_STEPS)
    .map(
      (p) =>
        `from ${p.date}, ${plural(p.links, "link", "links")} and ${plural(p.upstreams, "upstream", "upstreams")}`,
    );
  const more = series.points.length - MAX_SUMMARY_STEPS;
  const tail = more > 0 ? `; and ${plural(more, "later change", "later changes")}` : "";
  return `${head}: ${steps.join("; ")}${tail}.`;
}
