/**
 * The drawable form of a topology, built once per dataset: one record per (link, active interval)
 * with its path, flow timestamps and the day numbers the GPU filters on. Paths are the links' own
 * decoded coordinates (no copy), in the flat form deck.gl reads as it is; timestamps are views
 * into one typed array for the whole dataset.
 */
import { toDayNumber } from "../model/dates";
import { pathCoordinates } from "../model/path-coordinates";
import { greatCircleKm, type LonLat, RADIANS } from "../model/route";
import type { Link, LinkKind, Topology, TopologyNode } from "../model/schema";
import { nodeDegrees } from "../state/selectors";

/** Filter value for an interval with no end. */
export const OPEN_END_DAY = 1_000_000;
/** Flow timestamps run from 0 to this along every link, whatever its length. */
export const FLOW_SPAN = 1000;

/** One drawable stretch of time of a link. */
export interface LinkSegment {
  readonly link: Link;
  /**
   * `lon, lat` of each vertex, one after another, as stored (deck.gl's flat path,
   * `positionFormat` "XY"): the link's own array (see `pathCoordinates`), not to be modified.
   * What the links layer draws; satellite hops, which it leaves out, are drawn from `path`.
   */
  readonly ground: Float64Array;
  /**
   * `lon, lat, metres` of each vertex (`positionFormat` "XYZ"): metres are 0 except on satellite
   * hops, which it raises into an arc. Built when first read (by the layers that draw a few
   * links: the selection, the ghosts, compare mode), once per link.
   */
  readonly path: Float64Array;
  /** Progress (0…FLOW_SPAN) of each vertex along the path, for the flow animation. */
  readonly timestamps: Float32Array;
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

/** A link's path as drawn in 3D (see `LinkSegment.path`), shared by its segments once built. */
interface Arc {
  path?: Float64Array;
}

/** A `LinkSegment`: one class, its `path` a getter on the prototype (no closure per segment). */
class Segment implements LinkSegment {
  constructor(
    readonly link: Link,
    readonly ground: Float64Array,
    readonly timestamps: Float32Array,
    readonly filter: readonly [number, number],
    private readonly arc: Arc,
  ) {}

  get path(): Float64Array {
    this.arc.path ??= pathXYZ(this.link, this.ground);
    return this.arc.path;
  }
}

/**
 * Each link's segments, by link id, from `segments` (a link's segments one after another), built
 * the first time they are asked for: only a selection or compare mode asks, and at 100,000 links
 * the map takes a noticeable part of opening a dataset.
 */
function lazySegmentsByLink(
  segments: readonly LinkSegment[],
): () => ReadonlyMap<string, readonly LinkSegment[]> {
  let byLink: Map<string, LinkSegment[]> | null = null;
  return () => {
    if (byLink) return byLink;
    byLink = new Map();
    let own: LinkSegment[] = [];
    for (const segment of segments) {
      if (own[0]?.link !== segment.link) {
        own = [];
        byLink.set(segment.link.id, own);
      }
      own.push(segment);
    }
    return byLink;
  };
}

/** Builds the drawable records of `topology`. Pure; call once per dataset. */
export function buildLinkGeometry(topology: Topology): LinkGeometry {
  const segments: LinkSegment[] = [];
  const crossings: CrossingMarker[] = [];
  const coordinates = topology.links.map((link) => pathCoordinates(link));
  let vertices = 0;
  for (const c of coordinates) vertices += c.length >> 1;
  // One array of timestamps for all links; each link's are a view into it.
  const stamps = new Float32Array(vertices);
  let offset = 0;
  const dayOf = dayNumbers();
  topology.links.forEach((link, index) => {
    const ground = coordinates[index] as Float64Array;
    const n = ground.length >> 1;
    const timestamps = stamps.subarray(offset, offset + n);
    offset += n;
    writeFlowTimestamps(ground, timestamps);
    const arc: Arc = {};
    for (const interval of link.active) {
      const filter: [number, number] = [
        dayOf(interval.from),
        interval.to === null ? OPEN_END_DAY : dayOf(interval.to),
      ];
      segments.push(new Segment(link, ground, timestamps, filter, arc));
      for (const c of link.crossings)
        crossings.push({ link, from: c.from, to: c.to, position: c.at, filter });
    }
  });
  const degrees = nodeDegrees(topology);
  const nodes = topology.nodes.map((node) => ({ node, degree: degrees.get(node.id) ?? 0 }));
  const byLink = lazySegmentsByLink(segments);
  return {
    segments,
    crossings,
    nodes,
    get segmentsByLink() {
      return byLink();
    },
  };
}
