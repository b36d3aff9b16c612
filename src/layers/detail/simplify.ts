/**
 * Paths simplified to the screen's resolution. Each vertex of a path gets an importance once
 * (Douglas–Peucker run to the end, in Web Mercator, where the map's pixels are square): the
 * distance from the line that would be drawn without it. A level of detail keeps the vertices
 * whose importance exceeds its tolerance, 0.03 pixel at its zoom, so no vertex it drops lies
 * farther than that from the line it draws. Pinned vertices (a link's landings, the step
 * through a border crossing) and a part's ends are kept at every level.
 */
/** Web Mercator's world, in the units used here (longitude degrees), at any zoom. */
const WORLD_UNITS = 360;
/** deck.gl's and MapLibre's world is 512 pixels wide at zoom 0. */
const WORLD_PIXELS_AT_ZOOM_0 = 512;
/** Latitudes beyond Web Mercator's square world are drawn at its edge. */
const MAX_LATITUDE = 85.051129;
/**
 * How far from the line drawn a dropped vertex may lie, in pixels at the level's zoom. Half a
 * pixel would be invisible as a shape, but a world view's hairlines are anti-aliased, and deck.gl
 * draws each step of a path on its own: a line moved by a tenth of a pixel, or a vertex fewer,
 * changes the shade of pixels along it. With thousands of lines, half a pixel changed 5% of the
 * map's pixels at gen-10000's world view, a twentieth 0.6%, a thirtieth-odd 0.4% (bench:
 * `pixelDiff`, whose target is 0.5%).
 */
export const TOLERANCE_PX = 0.03;

/** The Mercator y of `latitude`, in the same units as longitude (degrees at the equator). */
export function mercatorY(latitude: number): number {
  const s = Math.sin((Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, latitude)) * Math.PI) / 180);
  // ln(tan(π/4 + φ/2)), written with one sine and one logarithm.
  return (Math.log((1 + s) / (1 - s)) * 90) / Math.PI;
}

/** The tolerance of the level for `zoom`: TOLERANCE_PX there, in Mercator units. */
export const levelTolerance = (zoom: number): number =>
  (TOLERANCE_PX * WORLD_UNITS) / (WORLD_PIXELS_AT_ZOOM_0 * 2 ** zoom);

/**
 * `coordinates` (interleaved lon, lat) in Mercator units, interleaved x, y: longitudes unwrapped
 * (a step is never longer than half the world), so a path across the antimeridian stays whole.
 */
export function toMercator(
  coordinates: Float64Array,
  out: Float64Array = new Float64Array(coordinates.length),
): Float64Array {
  let previous = 0;
  for (let i = 0; i + 1 < coordinates.length; i += 2) {
    let x = coordinates[i] as number;
    if (i > 0) {
      while (x - previous > 180) x -= 360;
      while (x - previous < -180) x += 360;
    }
    previous = x;
    out[i] = x;
    out[i + 1] = mercatorY(coordinates[i + 1] as number);
  }
  return out;
}

/** Squared distance from point p to the segment a–b, all in the same plane units. */
function squaredDistanceToSegment(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  let t = length2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / length2 : 0;
  t = t < 0 ? 0 : Math.min(t, 1);
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}

/** The ranges `vertexImportance` has yet to split: three numbers each. */
const ranges: number[] = [];

/** Distance from point p to the segment a–b, all in the same plane units. */
export const distanceToSegment = (
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number => Math.sqrt(squaredDistanceToSegment(px, py, ax, ay, bx, by));

/**
 * Each vertex's importance: the ends and `pinned` vertices are Infinity (kept at every level);
 * between two kept vertices, the farthest from their chord gets its distance, capped by the
 * importance of the split above it, so the vertices kept at any tolerance are exactly those a
 * Douglas–Peucker simplification at that tolerance keeps. `xy`: interleaved Mercator x, y;
 * written into `out` (one value per vertex).
 */
export function vertexImportance(
  xy: Float64Array,
  pinned: readonly number[],
  out: Float32Array = new Float32Array(xy.length >> 1),
): Float32Array {
  const n = xy.length >> 1;
  const importance = out;
  if (n === 0) return importance;
  importance.fill(0);
  importance[0] = Infinity;
  importance[n - 1] = Infinity;
  for (const i of pinned) if (i >= 0 && i < n) importance[i] = Infinity;
  // Ranges between two kept vertices, with the importance of the split that made them (one
  // array for every path: at 100,000 links, one each would be as many for the collector).
  const stack = ranges;
  stack.length = 0;
  let start = 0;
  for (let i = 1; i < n; i++) {
    if (importance[i] === Infinity) {
      stack.push(start, i, Infinity);
      start = i;
    }
  }
  while (stack.length > 0) {
    const cap = stack.pop() as number;
    const b = stack.pop() as number;
    const a = stack.pop() as number;
    if (b - a < 2) continue;
    const ax = xy[2 * a] as number;
    const ay = xy[2 * a + 1] as number;
    const bx = xy[2 * b] as number;
    const by = xy[2 * b + 1] as number;
    let farthest = a + 1;
    let squared = -1;
    for (let i = a + 1; i < b; i++) {
      const d = squaredDistanceToSegment(
        xy[2 * i] as number,
        xy[2 * i + 1] as number,
        ax,
        ay,
        bx,
        by,
      );
      if (d > squared) {
        squared = d;
        farthest = i;
      }
    }
    const value = Math.min(Math.sqrt(squared), cap);
    importance[farthest] = value;
    stack.push(a, farthest, value, farthest, b, value);
  }
  return importance;
}

/** A part's path at one level: its kept vertices and their flow timestamps. */
export interface SimplifiedPath {
  /** Interleaved lon, lat of the kept vertices, as stored (not unwrapped). */
  readonly ground: Float64Array;
  /** The kept vertices' own timestamps: the flow passes each at the same time at every level. */
  readonly timestamps: Float32Array;
}

/**
 * The vertices of `ground` (with `timestamps`) whose importance exceeds `tolerance`. When every
 * vertex is kept, the arrays themselves.
 */
export function simplifyPath(
  ground: Float64Array,
  timestamps: Float32Array,
  importance: Float32Array,
  tolerance: number,
): SimplifiedPath {
  let kept = 0;
  for (let i = 0; i < importance.length; i++) if ((importance[i] as number) > tolerance) kept++;
  if (kept === importance.length) return { ground, timestamps };
  const outGround = new Float64Array(2 * kept);
  const outStamps = new Float32Array(kept);
  for (let i = 0, j = 0; i < importance.length; i++) {
    if ((importance[i] as number) <= tolerance) continue;
    outGround[2 * j] = ground[2 * i] as number;
    outGround[2 * j + 1] = ground[2 * i + 1] as number;
    outStamps[j] = timestamps[i] as number;
    j++;
  }
  return { ground: outGround, timestamps: outStamps };
}
