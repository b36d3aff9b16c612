/** Data derived from the topology and the view state: computed, never stored. */
import { greatCircleKm, type LonLat } from "../model/route";
import type { Interval, Link, Topology, TopologyEvent } from "../model/schema";

/**
 * The date a dataset opens at: the date its facts stand for (`updated`), not a later one its
 * range reaches only through planned ready-for-service dates; the range's end when that is
 * earlier (a curated dataset reviewed after its last event).
 */
export const openingDate = (topology: Pick<Topology, "updated" | "timeRange">): string => {
  const [first, last] = topology.timeRange;
  if (topology.updated >= last) return last;
  if (topology.updated < first) return first;
  return topology.updated;
};

/** True when one of the intervals contains `date` (an open end means still active). */
export const isActiveOn = (active: readonly Interval[], date: string): boolean =>
  active.some((i) => i.from <= date && (i.to === null || date <= i.to));

/**
 * The planned interval `date` falls in (announced, not yet in service), if any. Planned is never
 * active: counts, filters and the country panel read `link.active` alone.
 */
export const plannedIntervalOn = (link: Link, date: string): Interval | undefined =>
  link.planned?.find((i) => i.from <= date && (i.to === null || date <= i.to));

/** True when some link of `topology` has a planned interval (the legend then keys planned links). */
export const hasPlannedLinks = (topology: Topology): boolean =>
  topology.links.some((link) => (link.planned?.length ?? 0) > 0);

const lastActive = new WeakMap<Topology, { date: string; links: readonly Link[] }>();

/**
 * The links active on `date`, in the topology's (id) order. The last date's answer is kept per
 * topology: the map and the list of active links both ask for it after every change of date.
 */
export function activeLinksOn(topology: Topology, date: string): readonly Link[] {
  const last = lastActive.get(topology);
  if (last?.date === date) return last.links;
  const links = topology.links.filter((link) => isActiveOn(link.active, date));
  lastActive.set(topology, { date, links });
  return links;
}

/** Events in progress on `date` (a one-day event only on its day). */
export const eventsOn = (topology: Topology, date: string): TopologyEvent[] =>
  topology.events.filter((e) => e.date <= date && date <= (e.end ?? e.date));

/** Kinds of event that disrupt the links they name. */
export const DISRUPTIVE_EVENT_KINDS: ReadonlySet<string> = new Set(["outage", "attack"]);

/** Ids of links disrupted (by an outage or attack in progress) on `date`. */
export function disruptedLinkIds(topology: Topology, date: string): Set<string> {
  const ids = new Set<string>();
  for (const event of eventsOn(topology, date)) {
    if (DISRUPTIVE_EVENT_KINDS.has(event.kind)) for (const id of event.links ?? []) ids.add(id);
  }
  return ids;
}

/** How many links start, end or pass through each node. */
export function nodeDegrees(topology: Topology): Map<string, number> {
  const degrees = new Map<string, number>();
  const add = (id: string) => degrees.set(id, (degrees.get(id) ?? 0) + 1);
  for (const { from, to, via = [] } of topology.links) {
    // Each node once per link, without a set per link (100,000s of links).
    add(from);
    if (to !== from) add(to);
    via.forEach((id, i) => {
      if (id !== from && id !== to && via.indexOf(id) === i) add(id);
    });
  }
  return degrees;
}

/** Events that name a link or node. */
export const eventsAbout = (
  topology: Topology,
  kind: "link" | "node",
  id: string,
): TopologyEvent[] =>
  topology.events.filter((e) => (kind === "link" ? e.links : e.nodes)?.includes(id));

/** Links that start, end or pass through a node. */
export const linksThrough = (topology: Topology, nodeId: string): Link[] =>
  topology.links.filter((l) => l.from === nodeId || l.to === nodeId || l.via?.includes(nodeId));

/** The first event after (`direction` 1) or the last before (-1) `date`, if any. */
export function adjacentEvent(
  topology: Topology,
  date: string,
  direction: 1 | -1,
): TopologyEvent | undefined {
  const events = topology.events; // sorted by date by the pipeline
  if (direction === 1) return events.find((e) => e.date > date);
  return [...events].reverse().find((e) => e.date < date);
}

/** The place nearest to `point` on the ground, with its distance in km (e.g. "near Tumangang"). */
export function nearestNode(
  topology: Topology,
  point: readonly [number, number],
): { node: Topology["nodes"][number]; km: number } | undefined {
  let best: { node: Topology["nodes"][number]; km: number } | undefined;
  for (const node of topology.nodes) {
    if (node.kind === "satellite" || node.kind === "waypoint") continue;
    const km = greatCircleKm(node.coordinates as LonLat, [
      ((point[0] + 540) % 360) - 180,
      point[1],
    ]);
    if (!best || km < best.km) best = { node, km };
  }
  return best;
}
