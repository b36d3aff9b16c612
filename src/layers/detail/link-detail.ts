/**
 * Level of detail for a dataset's links: what the flow layer draws for a camera is the pieces of
 * the parts in view (plus a margin), each simplified to the zoom's resolution. Built once per
 * dataset, ahead of any animated frame: the bounds of each run of CHUNK_STEPS steps of every part
 * (indexed, `box-index.ts`) and each vertex's importance (`simplify.ts`). A level's path is never
 * made on its own: a segment drawn at a level is a range of its part's whole path with the level's
 * tolerance (`LevelSegment.range`), which the flow layer packs as it is, thinned by importance
 * (`packed-paths.ts`); a part partly in view is drawn as the pieces of that range that are. At
 * 100,000 links, making the first level's paths took a fifth of a second of the page's start-up,
 * most of it writing memory the page had never touched, only for the flow layer to copy them.
 *
 * Loaded apart (see `map/detail-view.ts`): only datasets large enough to need it download it.
 */
import { wrapLongitude } from "../../model/route";
import type { LinkGeometry, LinkSegment } from "../link-geometry";
import { keptVertices, type PathRange } from "../packed-paths";
import { type LonLatBox, openBoxIndex } from "./box-index";
import {
  CHUNK_STEPS,
  computeDetailArrays,
  type DetailArrays,
  type DetailSource,
} from "./detail-arrays";
import { distanceToSegment, levelTolerance, type SimplifiedPath, simplifyPath } from "./simplify";

export { CHUNK_STEPS, pathBox } from "./detail-arrays";

/**
 * Datasets whose active paths have more vertices are simplified by zoom; smaller ones are only
 * culled to the view, which changes no pixel. A dropped vertex costs about a tenth of a differing
 * pixel (deck.gl draws each step of a path on its own, and the seams where steps meet are part of
 * the picture): worth it where vertices are what a frame costs (gen-10000: 320,000), not for the
 * world's cables (37,000), whose frames take a few dozen milliseconds either way.
 */
export const SIMPLIFY_AFTER = 100_000;
/** A waypoint this close to a vertex (in degrees, about a kilometre) is on the path there. */
const PIN_DEGREES = 0.01;

/** What the flow layer draws for one camera: see `LinkDetail.view`. */
export interface DrawDetail {
  /** The level drawn (a zoom), or `null`: whole paths. */
  readonly level: number | null;
  /** The box whose parts are drawn, or `null`: all. */
  readonly box: LonLatBox | null;
  /** Of `segments` (of the dataset's active ones), those to draw, at the level. */
  select(segments: readonly LinkSegment[]): readonly LinkSegment[];
}

export interface LinkDetail {
  /** How many distinct parts the links' paths have. */
  readonly parts: number;
  /** How many vertices they have in all. */
  readonly vertices: number;
  /** Whether its paths are simplified by zoom (see SIMPLIFY_AFTER); if not, only culled. */
  readonly simplifies: boolean;
  /**
   * What to draw at `level` (`null`: whole paths; whole too if it `simplifies` not) of the parts
   * that meet `box` (`null`: all).
   */
  view(level: number | null, box: LonLatBox | null): DrawDetail;
}

/**
 * A segment drawn at a level, or a piece of one: its interval and link, and `range`, the stretch
 * of its part's whole path it draws, thinned to the level, which the flow layer packs as it is.
 * Its own `ground` and `timestamps` are made from the range the first time they are read (the
 * flow layer does not).
 */
class LevelSegment implements LinkSegment {
  readonly link: LinkSegment["link"];
  readonly filter: readonly [number, number];
  readonly planned: boolean;
  private made: SimplifiedPath | null = null;
  constructor(
    private readonly whole: LinkSegment,
    readonly range: PathRange & {
      readonly ground: Float64Array;
      readonly timestamps: Float32Array;
      readonly importance: Float32Array | null;
    },
  ) {
    this.link = whole.link;
    this.filter = whole.filter;
    this.planned = whole.planned;
  }

  private simplified(): SimplifiedPath {
    if (this.made) return this.made;
    const { ground, timestamps, from, to, importance, tolerance } = this.range;
    const stretch = {
      ground: ground.subarray(2 * from, 2 * to + 2),
      timestamps: timestamps.subarray(from, to + 1),
    };
    this.made = importance
      ? simplifyPath(
          stretch.ground,
          stretch.timestamps,
          importance.subarray(from, to + 1),
          tolerance,
        )
      : stretch;
    return this.made;
  }

  get ground(): Float64Array {
    return this.simplified().ground;
  }

  get timestamps(): Float32Array {
    return this.simplified().timestamps;
  }

  /** The raised path, for the few layers that read it: the whole one. */
  get path(): Float64Array {
    return this.whole.path;
  }
}

/** The shortest difference between two longitudes. */
const lonDelta = (a: number, b: number) => wrapLongitude(a - b);

/**
 * The vertices of `ground` kept at every level: the one at each of `points` (the link's
 * landings) and both ends of the step through each of `crossings`, so a crossing's marker stays
 * on the line drawn. Added to `pinned` (one array for all the parts), which is returned.
 */
export function pinnedVertices(
  ground: Float64Array,
  points: readonly (readonly [number, number])[],
  crossings: readonly (readonly [number, number])[],
  pinned: number[] = [],
): number[] {
  const n = ground.length >> 1;
  // Squared, in degrees: compared, never shown (a square root per vertex was most of the time).
  const squared = (i: number, lon: number, lat: number) => {
    const dx = lonDelta(ground[2 * i] as number, lon);
    const dy = (ground[2 * i + 1] as number) - lat;
    return dx * dx + dy * dy;
  };
  const pin = PIN_DEGREES * PIN_DEGREES;
  for (const point of points) {
    const lon = point[0];
    const lat = point[1];
    // Most links start and end at their places, and the ends are always kept.
    if (squared(0, lon, lat) <= pin || squared(n - 1, lon, lat) <= pin) continue;
    let nearest = -1;
    let best = pin;
    for (let i = 1; i < n - 1; i++) {
      const d = squared(i, lon, lat);
      if (d <= best) {
        best = d;
        nearest = i;
      }
    }
    if (nearest >= 0) pinned.push(nearest);
  }
  for (const crossing of crossings) {
    const lon = crossing[0];
    const lat = crossing[1];
    let step = -1;
    let best = PIN_DEGREES;
    for (let i = 1; i < n; i++) {
      const lat0 = ground[2 * i - 1] as number;
      const lat1 = ground[2 * i + 1] as number;
      // A step wholly north or south of the crossing does not pass through it.
      if (Math.min(lat0, lat1) > lat + best || Math.max(lat0, lat1) < lat - best) continue;
      // Measured from the crossing's longitude, so the antimeridian does not matter.
      const d = distanceToSegment(
        0,
        lat,
        lonDelta(ground[2 * i - 2] as number, lon),
        lat0,
        lonDelta(ground[2 * i] as number, lon),
        lat1,
      );
      if (d <= best) {
        best = d;
        step = i;
      }
    }
    if (step > 0) pinned.push(step - 1, step);
  }
  return pinned;
}

/** The places a link's path passes (from, via, to) and where it crosses borders. */
function waypointsOf(
  link: LinkSegment["link"],
  positions: ReadonlyMap<string, readonly [number, number]>,
) {
  const points: (readonly [number, number])[] = [];
  for (const id of [link.from, ...(link.via ?? []), link.to]) {
    const p = positions.get(id);
    if (p) points.push(p);
  }
  return { points, crossings: link.crossings.map((c) => c.at as readonly [number, number]) };
}

/** The distinct parts of `geometry`'s active segments (a path's `ground` array is its part's own). */
interface Parts {
  readonly partOf: Map<Float64Array, number>;
  readonly grounds: Float64Array[];
  readonly stamps: Float32Array[];
  readonly firstSegments: LinkSegment[];
  readonly vertices: number;
}

function distinctParts(geometry: LinkGeometry): Parts {
  const partOf = new Map<Float64Array, number>();
  const grounds: Float64Array[] = [];
  const stamps: Float32Array[] = [];
  const firstSegments: LinkSegment[] = [];
  let vertices = 0;
  for (const segment of geometry.segments) {
    const ground = segment.ground;
    if (partOf.has(ground)) continue;
    partOf.set(ground, grounds.length);
    grounds.push(ground);
    stamps.push(segment.timestamps);
    firstSegments.push(segment);
    vertices += ground.length >> 1;
  }
  return { partOf, grounds, stamps, firstSegments, vertices };
}

/** `parts` packed for `computeDetailArrays`, with each part's pinned vertices if it `simplifies`. */
function detailSource(geometry: LinkGeometry, parts: Parts, simplifies: boolean): DetailSource {
  const { grounds, firstSegments, vertices } = parts;
  const packed = new Float64Array(2 * vertices);
  const starts = new Int32Array(grounds.length + 1);
  const pins: number[] = [];
  const pinStarts = new Int32Array(grounds.length + 1);
  const positions = new Map(geometry.nodes.map((d) => [d.node.id, d.node.coordinates] as const));
  let waypointsFor: LinkSegment["link"] | null = null;
  let waypoints = {
    points: [] as (readonly [number, number])[],
    crossings: [] as (readonly [number, number])[],
  };
  let at = 0;
  grounds.forEach((ground, part) => {
    starts[part] = at;
    pinStarts[part] = pins.length;
    packed.set(ground, 2 * at);
    at += ground.length >> 1;
    if (!simplifies) return;
    const link = (firstSegments[part] as LinkSegment).link;
    // A link's parts are one after another: its waypoints are looked up once.
    if (link !== waypointsFor) {
      waypointsFor = link;
      waypoints = waypointsOf(link, positions);
    }
    pinnedVertices(ground, waypoints.points, waypoints.crossings, pins);
  });
  starts[grounds.length] = at;
  pinStarts[grounds.length] = pins.length;
  return { grounds: packed, starts, pins: Int32Array.from(pins), pinStarts, simplifies };
}

/**
 * Builds the level of detail of `geometry`'s active segments, its arrays computed by `compute`
 * (given a function that makes its source, which it may make again: a worker's transfer empties it).
 */
export async function buildLinkDetail(
  geometry: LinkGeometry,
  compute: (source: () => DetailSource) => Promise<DetailArrays>,
  { simplifyAfter = SIMPLIFY_AFTER } = {},
): Promise<LinkDetail> {
  const parts = distinctParts(geometry);
  const simplifies = parts.vertices > simplifyAfter;
  const arrays = await compute(() => detailSource(geometry, parts, simplifies));
  return assemble(parts, arrays, simplifies);
}

/** Builds the level of detail of `geometry`'s active segments, here and now. */
export function createLinkDetail(
  geometry: LinkGeometry,
  { simplifyAfter = SIMPLIFY_AFTER } = {},
): LinkDetail {
  const parts = distinctParts(geometry);
  const simplifies = parts.vertices > simplifyAfter;
  return assemble(
    parts,
    computeDetailArrays(detailSource(geometry, parts, simplifies)),
    simplifies,
  );
}

function assemble(parts: Parts, arrays: DetailArrays, simplifies: boolean): LinkDetail {
  const { partOf, grounds, stamps, vertices } = parts;
  const { firstChunk, tree } = arrays;
  const chunks = firstChunk[grounds.length] as number;
  const importance: Float32Array[] = [];
  if (simplifies) {
    let at = 0;
    for (const ground of grounds) {
      const n = ground.length >> 1;
      importance.push(arrays.importance.subarray(at, at + n));
      at += n;
    }
  }
  const index = openBoxIndex(tree, chunks);
  /** By level, whether each part keeps every vertex there (1) or not (2); 0: not yet known. */
  const keepsAll = new Map<number, Uint8Array>();
  const wholeKept = (level: number, part: number, range: PathRange): boolean => {
    let known = keepsAll.get(level);
    if (!known) {
      known = new Uint8Array(grounds.length);
      keepsAll.set(level, known);
    }
    if (known[part] === 0) known[part] = keptVertices(range) === range.to + 1 ? 1 : 2;
    return known[part] === 1;
  };

  /**
   * Part `part`'s path at `level` (`null`: whole) from vertex `from` to `to` of its whole path,
   * widened to the level's vertices on either side (the ends are always kept), so the piece is
   * the level's path there, step for step.
   */
  const piece = (level: number | null, part: number, from: number, to: number) => {
    const ground = grounds[part] as Float64Array;
    const timestamps = stamps[part] as Float32Array;
    if (level === null) return { ground, timestamps, from, to, importance: null, tolerance: 0 };
    const own = importance[part] as Float32Array;
    const tolerance = levelTolerance(level);
    while ((own[from] as number) <= tolerance) from--;
    while ((own[to] as number) <= tolerance) to++;
    return { ground, timestamps, from, to, importance: own, tolerance };
  };

  return {
    parts: grounds.length,
    simplifies,
    vertices,
    view(asked, box) {
      // Without importances, paths are drawn whole at every level.
      const level = simplifies ? asked : null;
      let inView: Uint8Array | null = null;
      if (box) {
        inView = new Uint8Array(chunks);
        for (const i of index.search(box)) inView[i] = 1;
      }
      /** The part's whole path at the level, as a segment. */
      const whole = (segment: LinkSegment, part: number): LinkSegment => {
        if (level === null) return segment;
        const range = piece(level, part, 0, (segment.ground.length >> 1) - 1);
        return wholeKept(level, part, range) ? segment : new LevelSegment(segment, range);
      };
      return {
        level,
        box,
        select(segments) {
          if (level === null && !inView) return segments;
          const out: LinkSegment[] = [];
          for (const segment of segments) {
            const part = partOf.get(segment.ground);
            // Not one of the dataset's active parts: drawn as it is.
            if (part === undefined) {
              out.push(segment);
              continue;
            }
            if (!inView) {
              out.push(whole(segment, part));
              continue;
            }
            const first = firstChunk[part] as number;
            const last = firstChunk[part + 1] as number;
            let shown = 0;
            for (let k = first; k < last; k++) shown += inView[k] as number;
            if (shown === 0) continue;
            if (shown === last - first) {
              out.push(whole(segment, part));
              continue;
            }
            // Partly in view: each run of chunks in it. The steps beyond a run's ends lie in
            // chunks that miss the box (the view and its margin), so nothing drawn ends in sight.
            const n = segment.ground.length >> 1;
            for (let k = first; k < last; k++) {
              if (inView[k] === 0) continue;
              let end = k;
              while (end + 1 < last && inView[end + 1] === 1) end++;
              const from = (k - first) * CHUNK_STEPS;
              const to = Math.min(n - 1, (end + 1 - first) * CHUNK_STEPS);
              out.push(new LevelSegment(segment, piece(level, part, from, to)));
              k = end;
            }
          }
          return out;
        },
      };
    },
  };
}
