/**
 * Arithmetic on the unrolled plane the basemap's rings are made planar-safe on: longitudes made
 * continuous (they run on past ±180), rings closed around a pole, whole turns shifted back home.
 */
import type { Position } from "geojson";

/** `[longitude, latitude]` on the unrolled plane. */
export type Point = [number, number];
/** A closed ring: its last point is its first. */
export type Ring = Point[];

/** Degrees of longitude once round the world. */
export const FULL_TURN = 360;
/** Rings whose every vertex is this close to a pole are the cap Natural Earth cuts out to close Antarctica. */
const POLAR_CAP_LATITUDE = 89.9;
/** Longitude step of the vertices that close a ring along a pole. */
const POLE_EDGE_STEP = 10;

/**
 * Longitudes made continuous: each step goes the short way round, so a ring over the antimeridian
 * runs on past ±180 instead of jumping back. Whole turns are counted rather than deltas summed,
 * so vertices stay exact (180 stays 180, not 180.00000000000003).
 */
export function unroll(line: readonly Position[]): Point[] {
  const points: Point[] = [];
  let turns = 0;
  let previous: number | undefined;
  for (const [lon = 0, lat = 0] of line) {
    if (previous !== undefined) turns += Math.round((previous - lon) / FULL_TURN);
    previous = lon;
    points.push([lon + FULL_TURN * turns, lat]);
  }
  return points;
}

/** Whether every vertex of the line lies within POLAR_CAP_LATITUDE of a pole. */
export const isPolarCap = (line: readonly Position[]) =>
  line.every(([, lat = 0]) => Math.abs(lat) > POLAR_CAP_LATITUDE);

/** How many times an unrolled closed ring goes round the pole: 0, or ±1 eastward/westward. */
function turnsAroundPole(ring: readonly Point[]): number {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last ? Math.round((last[0] - first[0]) / FULL_TURN) : 0;
}

/** The closed ring restarted at its widest longitude jump, so once unrolled it spans ≈ [-180, 180]. */
function startAtJump(ring: readonly Position[]): Position[] {
  const open = ring.slice(0, -1);
  let start = 0;
  let widest = -1;
  open.forEach(([lon = 0], i) => {
    const jump = Math.abs(lon - (open.at(i - 1)?.[0] ?? lon));
    if (jump > widest) [start, widest] = [i, jump];
  });
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const first = rotated[0];
  return first ? [...rotated, first] : rotated;
}

/**
 * Closes a ring that goes round a pole along that pole, so the planar polygon is the land between
 * the ring and the pole. world-atlas winds rings clockwise (interior on the right, d3's rule), so
 * a ring going east encloses the south pole and one going west the north pole.
 */
function closeAroundPole(ring: Ring, turns: number): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  const pole = turns > 0 ? -90 : 90;
  // Vertices along the pole keep every edge short: a 360° edge looks like an antimeridian jump.
  const count = Math.ceil(Math.abs(first[0] - last[0]) / POLE_EDGE_STEP);
  const edge = Array.from({ length: count + 1 }, (_, i): Point => {
    return [last[0] + ((first[0] - last[0]) * i) / count, pole];
  });
  return [...ring, ...edge, first];
}

/** Shoelace area: positive for a counter-clockwise ring (x east, y north). */
function planarArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i - 1] ?? [];
    const [bx = 0, by = 0] = ring[i] ?? [];
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

/** RFC 7946 winding: outlines counter-clockwise, holes clockwise. */
export function rewind<P extends Position>(ring: readonly P[], counterClockwise: boolean): P[] {
  return planarArea(ring) > 0 === counterClockwise ? [...ring] : [...ring].reverse();
}

/** Whether some step of the line goes more than half way round: it crosses the antimeridian. */
export function crossesAntimeridian(line: readonly Position[]): boolean {
  for (let i = 1; i < line.length; i++) {
    if (Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0)) > 180) return true;
  }
  return false;
}

/** The least and greatest x of the points. */
export function extentX(points: readonly Point[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [x] of points) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return [min, max];
}

/** The middle of the points' x extent. */
export function centreX(points: readonly Point[]): number {
  const [min, max] = extentX(points);
  return (min + max) / 2;
}

/** The points moved by dx along x (a copy, even for dx 0). */
export const shiftX = (points: readonly Point[], dx: number): Point[] =>
  dx === 0 ? [...points] : points.map(([x, y]) => [x + dx, y]);

/** The copy of the world x lies in: 0 for [-180, 180], 1 for [180, 540]… */
export const copyOf = (x: number) => Math.round(x / FULL_TURN);

/** The whole number of turns that brings x back into [-180, 180]. */
export const shiftHome = (x: number) => -FULL_TURN * copyOf(x);

/** The antimeridians (180 + 360k) strictly between min and max. */
export function antimeridiansWithin(min: number, max: number): number[] {
  const cuts: number[] = [];
  for (
    let cut = 180 + FULL_TURN * Math.ceil((min - 180) / FULL_TURN);
    cut < max;
    cut += FULL_TURN
  ) {
    if (cut > min) cuts.push(cut);
  }
  return cuts;
}

/**
 * Where segment a–b crosses the meridian x = cut. `slope` orders crossings that meet at one point
 * (a vertex on the cut) as they would lie just east of it.
 */
export function crossing(a: Point, b: Point, cut: number): { point: Point; slope: number } {
  const slope = (b[1] - a[1]) / (b[0] - a[0]);
  return { point: [cut, a[1] + (cut - a[0]) * slope], slope };
}

/** Even–odd ray casting on the plane. */
export function containsPlanar(ring: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (
      a &&
      b &&
      a[1] > y !== b[1] > y &&
      x < a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0])
    ) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * The rings of one polygon unrolled into one copy of the world: the largest ring first as the
 * outline (after a pole is closed, that may not be world-atlas's ring 0), then the holes, moved
 * by whole turns next to the outline.
 */
export function unrollPolygon(polygon: readonly Position[][]): Ring[] {
  const rings: { ring: Ring; area: number }[] = [];
  for (const raw of polygon) {
    if (raw.length < 4 || isPolarCap(raw)) continue;
    let ring = unroll(raw);
    const turns = turnsAroundPole(ring);
    if (turns !== 0) ring = closeAroundPole(unroll(startAtJump(raw)), turns);
    rings.push({ ring, area: Math.abs(planarArea(ring)) });
  }
  rings.sort((a, b) => b.area - a.area);
  const [outline, ...holes] = rings.map(({ ring }) => ring);
  if (!outline) return [];
  const centre = centreX(outline);
  return [
    rewind(outline, true),
    ...holes.map((hole) => rewind(shiftX(hole, -shiftHome(centre - centreX(hole))), false)),
  ];
}
