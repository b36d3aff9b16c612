/**
 * The drawable form of a topology, built once per dataset: one record per (link, part of its
 * path, interval) with the part's path, flow timestamps and the day numbers the GPU filters on,
 * for its active intervals and, apart, its planned ones. Paths are views into the links' own
 * decoded coordinates (no copy), in the flat form deck.gl reads as it is; timestamps are views
 * into one typed array for the whole dataset.
 */
import { toDayNumber } from "../model/dates";
import { pathCoordinates, pathPartCount, pathParts } from "../model/path-coordinates";
import { greatCircleKm, type LonLat, RADIANS } from "../model/route";
import type { Interval, Link, LinkKind, Topology, TopologyNode } from "../model/schema";
import { nodeDegrees } from "../state/selectors";
import type { PathRange } from "./packed-paths";

/** Filter value for an interval with no end. */
export const OPEN_END_DAY = 1_000_000;
/** Flow timestamps run from 0 to this along every link, whatever its length. */
export const FLOW_SPAN = 1000;

/**
 * One drawable stretch of time of one part of a link's path. A link of several parts (a cable's
 * trunk and branches) has a segment per part for each interval: each is drawn on its own, as a
 * part's end does not join the next part's start.
 */
export interface LinkSegment {
  readonly link: Link;
  /**
   * `lon, lat` of each vertex of the part, one after another, as stored (deck.gl's flat path,
   * `positionFormat` "XY"): a view into the link's own array (see `pathCoordinates`) — for a
   * path of one part, that array itself — not to be modified. What the links layer draws;
   * satellite hops, which it leaves out, are drawn from `path`.
   */
  readonly ground: Float64Array;
  /**
   * `lon, lat, metres` of each vertex (`positionFormat` "XYZ"): metres are 0 except on satellite
   * hops, which it raises into an arc. Built when first read (by the layers that draw a few
   * links: the selection, the ghosts, compare mode, planned links), once per part.
   */
  readonly path: Float64Array;
  /** Progress (0…FLOW_SPAN) of each vertex along its part, for the flow animation. */
  readonly timestamps: Float32Array;
  /** `[first day, last day]` of the interval, as day numbers: one array for all the parts. */
  readonly filter: readonly [number, number];
  /** Whether the interval is a planned one (announced, not yet in service), not an active one. */
  readonly planned: boolean;
  /**
   * What the flow layer packs, where it is not the whole of `ground`: a level of detail's
   * segment, a range of its part's whole path thinned to the level (see `detail/link-detail.ts`).
   */
  readonly range?: PathRange;
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
  /** The segments of the links' active intervals: each link's together, interval by interval. */
  readonly segments: readonly LinkSegment[];
  /** The segments of the links' planned intervals, in the same order. */
  readonly planned: readonly LinkSegment[];
  readonly crossings: readonly CrossingMarker[];
  readonly nodes: readonly NodeMarker[];
  /** Each link's segments, by id: its active ones (as in `segments`), then its planned ones. */
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

/**
 * `toDayNumber` remembered per date: a dataset's intervals share their dates (a large one has a
 * few thousand distinct ones for hundreds of thousands of intervals), and each reading checks the
 * date's form again.
 */
function dayNumbers(): (date: string) => number {
  const known = new Map<string, number>();
  return (date) => {
    let day = known.get(date);
    if (day === undefined) {
      day = toDayNumber(date);
      known.set(date, day);
    }
    return day;
  };
}

/**
 * Writes into `out` each vertex's progress along `coordinates` (interleaved lon, lat), from 0 to
 * FLOW_SPAN, in proportion to the distance covered. The distance of each step is measured on a
 * local flat map (longitude scaled by the cosine of the step's mean latitude), not along the
 * great circle: within a link's short steps the two agree to a fraction of a percent, which the
 * eye cannot see in the flow's pace, and it costs one cosine a step instead of a haversine's five
 * trigonometric calls (a quarter of a second at 100,000 links).
 */
function writeFlowTimestamps(coordinates: Float64Array, out: Float32Array): void {
  let total = 0;
  out[0] = 0;
  for (let i = 1; i < out.length; i++) {
    const j = 2 * i;
    const lat0 = coordinates[j - 1] as number;
    const lat1 = coordinates[j + 1] as number;
    let dLon = (coordinates[j] as number) - (coordinates[j - 2] as number);
    // The short way round, for a step across the antimeridian.
    if (dLon > 180) dLon -= 360;
    else if (dLon < -180) dLon += 360;
    const dx = dLon * Math.cos(((lat0 + lat1) / 2) * RADIANS);
    const dy = lat1 - lat0;
    total += Math.sqrt(dx * dx + dy * dy);
    out[i] = total;
  }
  const scale = FLOW_SPAN / (total || 1);
  for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) * scale;
  // The end is the whole span, whatever the rounding of the 32-bit sums on the way.
  if (out.length > 1) out[out.length - 1] = FLOW_SPAN;
}

/** Writes `coordinates` (interleaved lon, lat) into `out` as a flat XYZ path on the ground. */
function writeGroundPath(coordinates: Float64Array, out: Float64Array): void {
  for (let i = 0, j = 0; i + 1 < coordinates.length; i += 2, j += 3) {
    out[j] = coordinates[i] as number;
    out[j + 1] = coordinates[i + 1] as number;
    out[j + 2] = 0;
  }
}

/**
 * A satellite hop drawn as a high arc: bent sideways (so it reads as an arc from straight above)
 * and raised (so it reads as one when the map is tilted). `coordinates` are interleaved lon, lat;
 * the arc is written into `out` as a flat XYZ path.
 */
export function writeSatelliteArc(coordinates: Float64Array, out: Float64Array): void {
  const n = coordinates.length >> 1;
  if (n < 2) {
    writeGroundPath(coordinates, out);
    return;
  }
  const first: LonLat = [coordinates[0] as number, coordinates[1] as number];
  const last: LonLat = [coordinates[2 * n - 2] as number, coordinates[2 * n - 1] as number];
  const dx = last[0] - first[0];
  const dy = last[1] - first[1];
  const bend = 0.18; // sideways bulge as a share of the chord
  const lengthM = greatCircleKm(first, last) * 1000;
  for (let i = 0; i < n; i++) {
    const lift = Math.sin((Math.PI * i) / (n - 1));
    const x = coordinates[2 * i] as number;
    const y = coordinates[2 * i + 1] as number;
    out[3 * i] = x - dy * bend * lift;
    out[3 * i + 1] = y + dx * bend * lift;
    out[3 * i + 2] = lift * lengthM * 0.25;
  }
}

/** `coordinates` (interleaved lon, lat) as a flat XYZ path: raised into an arc for a satellite. */
function pathXYZ(link: Link, coordinates: Float64Array): Float64Array {
  const out = new Float64Array((coordinates.length >> 1) * 3);
  if (link.kind === "satellite") writeSatelliteArc(coordinates, out);
  else writeGroundPath(coordinates, out);
  return out;
}

/**
 * One part of a link's path as its segments share it: its coordinates, its flow timestamps and,
 * once drawn in 3D, its XYZ path (see `LinkSegment.path`).
 */
class Part {
  xyz: Float64Array | null = null;
  constructor(
    readonly link: Link,
    readonly ground: Float64Array,
    readonly timestamps: Float32Array,
  ) {}
}

/**
 * A `LinkSegment`: one class, what its part holds read through getters on the prototype (no
 * closure per segment); its link, which filters and styles read for every segment, its own.
 */
class Segment implements LinkSegment {
  readonly link: Link;
  constructor(
    private readonly part: Part,
    readonly filter: readonly [number, number],
    readonly planned: boolean,
  ) {
    this.link = part.link;
  }

  get ground(): Float64Array {
    return this.part.ground;
  }

  get timestamps(): Float32Array {
    return this.part.timestamps;
  }

  get path(): Float64Array {
    const part = this.part;
    part.xyz ??= pathXYZ(part.link, part.ground);
    return part.xyz;
  }
}

/**
 * The parts of `link`, whose coordinates are `coordinates` and whose timestamps go in
 * `timestamps` (written here, each part's from 0 to FLOW_SPAN: the flow runs along each part from
 * its start). A path of one part is one `Part` over the link's own array, not a list: at 100,000
 * links, a list and a view each would be 200,000 objects more to make at load.
 */
function linkParts(link: Link, coordinates: Float64Array, timestamps: Float32Array): Part | Part[] {
  if (pathPartCount(link) === 1) {
    writeFlowTimestamps(coordinates, timestamps);
    return new Part(link, coordinates, timestamps);
  }
  let at = 0;
  return pathParts(link).map((ground) => {
    const n = ground.length >> 1;
    const part = new Part(link, ground, timestamps.subarray(at, at + n));
    at += n;
    writeFlowTimestamps(ground, part.timestamps);
    return part;
  });
}

/** Adds a segment of each of `parts` for the interval of days `filter` to `out`. */
function pushSegments(
  out: LinkSegment[],
  parts: Part | readonly Part[],
  filter: readonly [number, number],
  planned: boolean,
): void {
  if (parts instanceof Part) out.push(new Segment(parts, filter, planned));
  else for (const part of parts) out.push(new Segment(part, filter, planned));
}

/** `[first day, last day]` of `interval`: OPEN_END_DAY for an open end. */
const intervalDays = (interval: Interval, dayOf: (date: string) => number): [number, number] => [
  dayOf(interval.from),
  interval.to === null ? OPEN_END_DAY : dayOf(interval.to),
];

/**
 * The days of each of `link`'s planned intervals, each ending the day before an active interval
 * that starts within it: a cable whose plans run to its ready-for-service date is drawn as
 * planned until the day before, and as in service from that day, never as both.
 */
export function plannedDays(
  link: Pick<Link, "active" | "planned">,
  dayOf: (date: string) => number = toDayNumber,
): [number, number][] {
  const days: [number, number][] = [];
  for (const interval of link.planned ?? []) {
    const span = intervalDays(interval, dayOf);
    for (const active of link.active) {
      const start = dayOf(active.from);
      if (start >= span[0] && start <= span[1]) span[1] = start - 1;
    }
    if (span[1] >= span[0]) days.push(span);
  }
  return days;
}

/**
 * Each link's segments, by link id, from `active` then `planned` (in each, a link's segments one
 * after another), built the first time they are asked for: only a selection, a hover or compare
 * mode asks, and at 100,000 links the map takes a noticeable part of opening a dataset.
 */
function lazySegmentsByLink(
  active: readonly LinkSegment[],
  planned: readonly LinkSegment[],
): () => ReadonlyMap<string, readonly LinkSegment[]> {
  let byLink: Map<string, LinkSegment[]> | null = null;
  return () => {
    if (byLink) return byLink;
    const map = new Map<string, LinkSegment[]>();
    let own: LinkSegment[] = [];
    for (const list of [active, planned]) {
      for (const segment of list) {
        if (own[0]?.link !== segment.link) {
          const id = segment.link.id;
          own = map.get(id) ?? [];
          if (own.length === 0) map.set(id, own);
        }
        own.push(segment);
      }
    }
    byLink = map;
    return map;
  };
}

/** Builds the drawable records of `topology`. Pure; call once per dataset. */
export function buildLinkGeometry(topology: Topology): LinkGeometry {
  const segments: LinkSegment[] = [];
  const planned: LinkSegment[] = [];
  const crossings: CrossingMarker[] = [];
  const coordinates = topology.links.map((link) => pathCoordinates(link));
  let vertices = 0;
  for (const c of coordinates) vertices += c.length >> 1;
  // One array of timestamps for all links; each part's are a view into it.
  const stamps = new Float32Array(vertices);
  let offset = 0;
  const dayOf = dayNumbers();
  topology.links.forEach((link, index) => {
    const all = coordinates[index] as Float64Array;
    const n = all.length >> 1;
    const parts = linkParts(link, all, stamps.subarray(offset, offset + n));
    offset += n;
    for (const interval of link.active) {
      const filter = intervalDays(interval, dayOf);
      pushSegments(segments, parts, filter, false);
      for (const c of link.crossings)
        crossings.push({ link, from: c.from, to: c.to, position: c.at, filter });
    }
    if (link.planned) {
      for (const filter of plannedDays(link, dayOf)) pushSegments(planned, parts, filter, true);
    }
  });
  const degrees = nodeDegrees(topology);
  const nodes = topology.nodes.map((node) => ({ node, degree: degrees.get(node.id) ?? 0 }));
  const byLink = lazySegmentsByLink(segments, planned);
  return {
    segments,
    planned,
    crossings,
    nodes,
    get segmentsByLink() {
      return byLink();
    },
  };
}
