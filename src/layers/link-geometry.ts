/**
 * The drawable form of a topology, built once per dataset: one record per (link, active interval)
 * with its path, flow timestamps and the day numbers the GPU filters on.
 */
import { toDayNumber } from "../model/dates";
import { greatCircleKm, type LonLat } from "../model/route";
import type { Link, LinkKind, Topology, TopologyNode } from "../model/schema";
import { nodeDegrees } from "../state/selectors";

/** Filter value for an interval with no end. */
export const OPEN_END_DAY = 1_000_000;
/** Flow timestamps run from 0 to this along every link, whatever its length. */
export const FLOW_SPAN = 1000;

/** One drawable stretch of time of a link. */
export interface LinkSegment {
  readonly link: Link;
  /** `[lon, lat]` or, for satellite arcs, `[lon, lat, metres]`. */
  readonly path: readonly (readonly number[])[];
  /** Progress (0…FLOW_SPAN) of each vertex along the path, for the flow animation. */
  readonly timestamps: readonly number[];
  /** `[first day, last day]` of the interval, as day numbers. */
  readonly filter: readonly [number, number];
}

export interface CrossingMarker {
  readonly link: Link;
  readonly from: string;
  readonly to: string;
  readonly position: readonly [number, number];
  readonly filter: readonly [number, number];
}

export interface NodeMarker {
  readonly node: TopologyNode;
  readonly degree: number;
}

export interface LinkGeometry {
  readonly segments: readonly LinkSegment[];
  readonly crossings: readonly CrossingMarker[];
  readonly nodes: readonly NodeMarker[];
  readonly segmentsByLink: ReadonlyMap<string, readonly LinkSegment[]>;
}

/** Relative drawing width of each kind: fibre carries the most, a satellite hop the least. */
export const KIND_WIDTH: Readonly<Record<LinkKind, number>> = {
  terrestrial: 1,
  submarine: 1,
  microwave: 0.7,
  satellite: 0.6,
  peering: 0.5,
};

const intervalFilter = (from: string, to: string | null): [number, number] => [
  toDayNumber(from),
  to === null ? OPEN_END_DAY : toDayNumber(to),
];

/** Cumulative share of the path's length at each vertex, scaled to FLOW_SPAN. */
function flowTimestamps(path: readonly (readonly number[])[]): number[] {
  const cumulative = [0];
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1] as unknown as LonLat;
    const b = path[i] as unknown as LonLat;
    cumulative.push((cumulative[i - 1] ?? 0) + greatCircleKm(a, b));
  }
  const total = cumulative[cumulative.length - 1] || 1;
  return cumulative.map((d) => (d / total) * FLOW_SPAN);
}

/**
 * A satellite hop drawn as a high arc: bent sideways (so it reads as an arc from straight above)
 * and raised (so it reads as one when the map is tilted).
 */
export function satelliteArc(path: readonly LonLat[]): number[][] {
  const first = path[0];
  const last = path[path.length - 1];
  if (!first || !last || path.length < 2) return path.map(([x, y]) => [x, y, 0]);
  const dx = last[0] - first[0];
  const dy = last[1] - first[1];
  const bend = 0.18; // sideways bulge as a share of the chord
  const lengthM = greatCircleKm(first, last) * 1000;
  return path.map(([x, y], i) => {
    const t = i / (path.length - 1);
    const lift = Math.sin(Math.PI * t);
    return [x - dy * bend * lift, y + dx * bend * lift, lift * lengthM * 0.25];
  });
}

/** Builds the drawable records of `topology`. Pure; call once per dataset. */
export function buildLinkGeometry(topology: Topology): LinkGeometry {
  const segments: LinkSegment[] = [];
  const crossings: CrossingMarker[] = [];
  const segmentsByLink = new Map<string, LinkSegment[]>();
  for (const link of topology.links) {
    const path = link.kind === "satellite" ? satelliteArc(link.path as LonLat[]) : link.path;
    const timestamps = flowTimestamps(path);
    const own: LinkSegment[] = [];
    for (const interval of link.active) {
      const filter = intervalFilter(interval.from, interval.to);
      own.push({ link, path, timestamps, filter });
      for (const c of link.crossings)
        crossings.push({ link, from: c.from, to: c.to, position: c.at, filter });
    }
    segments.push(...own);
    segmentsByLink.set(link.id, own);
  }
  const degrees = nodeDegrees(topology);
  const nodes = topology.nodes.map((node) => ({ node, degree: degrees.get(node.id) ?? 0 }));
  return { segments, crossings, nodes, segmentsByLink };
}
