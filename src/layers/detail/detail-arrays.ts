/**
 * The arrays a level of detail is built on (see `link-detail.ts`), computed from every part's
 * path: each vertex's importance and the bounds of each chunk of CHUNK_STEPS steps, indexed.
 * Plain arrays in, plain arrays out, so a worker computes them (`detail-worker.ts`) while the
 * page starts the map.
 */
import { buildBoxTree, type LonLatBox } from "./box-index";
import { toMercator, vertexImportance } from "./simplify";

/**
 * Steps per chunk: a part's bounds are indexed a chunk at a time, so a long link through the view
 * is drawn for the stretch in it (at a regional view of gen-10000, a third of the vertices of the
 * parts that meet it), not end to end.
 */
export const CHUNK_STEPS = 8;
/** How many chunks a part of `n` vertices has: one at least. */
export const chunkCount = (n: number) => Math.max(1, Math.ceil((n - 1) / CHUNK_STEPS));

/** Every distinct part's path, packed: what the arrays are computed from. */
export interface DetailSource {
  /** Each part's interleaved lon, lat, one part after another. */
  readonly grounds: Float64Array;
  /** Part `p`'s vertices are `starts[p]` up to `starts[p + 1]` (one more than the parts). */
  readonly starts: Int32Array;
  /** Each part's pinned vertices (indices in the part), part `p`'s from `pinStarts[p]`. */
  readonly pins: Int32Array;
  readonly pinStarts: Int32Array;
  /** Whether importances are computed (else only the bounds). */
  readonly simplifies: boolean;
}

export interface DetailArrays {
  /** Each vertex's importance (see `vertexImportance`), as `grounds`; empty if not simplified. */
  readonly importance: Float32Array;
  /** Part `p`'s chunks are `firstChunk[p]` up to `firstChunk[p + 1]`. */
  readonly firstChunk: Int32Array;
  /**
   * The packed tree (`buildBoxTree`) of the chunks' bounds (`pathBox`), built here: 0.2 s at
   * 100,000 links, best off the page.
   */
  readonly tree: ArrayBuffer;
}

/** The arrays for `source`: one array each, not one per part (at 100,000 links, the collector's). */
export function computeDetailArrays(source: DetailSource): DetailArrays {
  const { grounds, starts, pins, pinStarts, simplifies } = source;
  const parts = starts.length - 1;
  const firstChunk = new Int32Array(parts + 1);
  let chunks = 0;
  for (let p = 0; p < parts; p++) {
    firstChunk[p] = chunks;
    chunks += chunkCount((starts[p + 1] as number) - (starts[p] as number));
  }
  firstChunk[parts] = chunks;
  const boxes = new Float64Array(4 * chunks);
  const importance = new Float32Array(simplifies ? grounds.length >> 1 : 0);
  let scratch = new Float64Array(256);
  for (let p = 0; p < parts; p++) {
    const start = starts[p] as number;
    const n = (starts[p + 1] as number) - start;
    const ground = grounds.subarray(2 * start, 2 * (start + n));
    const first = firstChunk[p] as number;
    const count = (firstChunk[p + 1] as number) - first;
    for (let k = 0; k < count; k++) {
      const from = k * CHUNK_STEPS;
      pathBox(ground, boxes, 4 * (first + k), from, Math.min(n - 1, from + CHUNK_STEPS));
    }
    if (!simplifies) continue;
    if (scratch.length < ground.length) scratch = new Float64Array(2 * ground.length);
    const xy = toMercator(ground, scratch.subarray(0, ground.length));
    const pinned = Array.from(pins.subarray(pinStarts[p], pinStarts[p + 1]));
    vertexImportance(xy, pinned, importance.subarray(start, start + n));
  }
  return { importance, firstChunk, tree: buildBoxTree(boxes) };
}

/**
 * The bounds of `ground` (interleaved lon, lat), or of its vertices `from`…`to`, longitudes
 * unwrapped along the path, as `[west, south, east, north]`: written into `out` at `at` (4
 * numbers), or a new array.
 */
export function pathBox(
  ground: Float64Array,
  out: number[] | Float64Array = [],
  at = 0,
  from = 0,
  to = (ground.length >> 1) - 1,
): LonLatBox {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  let x = ground[2 * from] as number;
  for (let i = 2 * from; i <= 2 * to; i += 2) {
    const lon = ground[i] as number;
    // Unwrapped: a step is never longer than half the world.
    x = lon + Math.round((x - lon) / 360) * 360;
    const lat = ground[i + 1] as number;
    if (x < west) west = x;
    if (x > east) east = x;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  out[at] = west;
  out[at + 1] = south;
  out[at + 2] = east;
  out[at + 3] = north;
  return out.length === 4 ? (out as unknown as LonLatBox) : [west, south, east, north];
}
