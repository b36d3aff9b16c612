/**
 * A cable's drawing as route parts, and how close two drawings run: what tells a renamed cable
 * (a new id over the same route) from a new one.
 */
import { EARTH_RADIUS_KM, type LonLat } from "../../src/model/route";
import { pathAlong } from "./geometry";

const ANTIMERIDIAN_EPSILON = 1e-6;
const onAntimeridian = ([lon]: LonLat) => Math.abs(Math.abs(lon) - 180) < ANTIMERIDIAN_EPSILON;
const meetAcrossAntimeridian = (a: LonLat, b: LonLat) =>
  onAntimeridian(a) && onAntimeridian(b) && Math.abs(a[1] - b[1]) < 1e-3;

/**
 * Drawings split a cable where it crosses the antimeridian (one line ends at 180°, the next starts
 * at -180°). Such pieces are joined back into one line, so the crossing is kept as one route;
 * other lines stay separate.
 */
export function joinAtAntimeridian(lines: readonly LonLat[][]): LonLat[][] {
  const out = lines.map((line) => [...line]);
  for (let joined = true; joined; ) {
    joined = false;
    search: for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < out.length; j++) {
        if (i === j) continue;
        const a = out[i] as LonLat[];
        const b = out[j] as LonLat[];
        const aEnd = a[a.length - 1] as LonLat;
        const bStart = b[0] as LonLat;
        const bEnd = b[b.length - 1] as LonLat;
        let merged: LonLat[] | undefined;
        if (meetAcrossAntimeridian(aEnd, bStart)) merged = [...a, ...b.slice(1)];
        else if (meetAcrossAntimeridian(aEnd, bEnd)) merged = [...a, ...[...b].reverse().slice(1)];
        if (merged) {
          out[i] = merged;
          out.splice(j, 1);
          joined = true;
          break search;
        }
      }
    }
  }
  return out;
}

/**
 * The parts of a cable's route: its drawn lines joined at the antimeridian, each densified to
 * steps of at most 50 km. A line that shrinks to one point once rounded (drawn as two identical
 * positions) is no part.
 */
export function routeParts(lines: readonly LonLat[][]): LonLat[][] {
  return joinAtAntimeridian(lines)
    .map((line) => pathAlong(line))
    .filter((part) => part.length >= 2);
}

const RAD = Math.PI / 180;

/** The distance from `p` to the segment `a`–`b` in km, on a plane tangent at `p` (steps ≤ 50 km). */
function segmentKm(p: LonLat, a: LonLat, b: LonLat, cosLat: number): number {
  const wrap = (d: number) => d - 360 * Math.round(d / 360);
  const ax = wrap(a[0] - p[0]) * cosLat;
  const ay = a[1] - p[1];
  const bx = wrap(b[0] - p[0]) * cosLat;
  const by = b[1] - p[1];
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy) * RAD * EARTH_RADIUS_KM;
}

/** West, south, east, north of the parts, longitudes taken within -180…180 (a box per route). */
interface Box {
  south: number;
  north: number;
  /** Longitude cells (whole degrees, -180…179) the route touches, for a quick overlap test. */
  cells: Set<number>;
}

function boxOf(parts: readonly LonLat[][]): Box {
  let south = 90;
  let north = -90;
  const cells = new Set<number>();
  for (const part of parts) {
    for (const [lon, lat] of part) {
      if (lat < south) south = lat;
      if (lat > north) north = lat;
      cells.add(Math.floor(lon - 360 * Math.round(lon / 360)));
    }
  }
  return { south, north, cells };
}

/**
 * The share of the vertices of `a` (0…1) that lie within `km` of the route `b`; it stops counting
 * once the share cannot reach `atLeast` any more, and then answers less than `atLeast`.
 */
export function shareNear(
  a: readonly LonLat[][],
  b: readonly LonLat[][],
  km: number,
  atLeast = 0,
): number {
  const total = a.reduce((n, part) => n + part.length, 0);
  if (total === 0) return 0;
  const allowedMisses = Math.floor(total * (1 - atLeast));
  let near = 0;
  let misses = 0;
  for (const part of a) {
    for (const p of part) {
      if (isNear(p, b, km)) near++;
      else if (++misses > allowedMisses) return near / total;
    }
  }
  return near / total;
}

function isNear(p: LonLat, route: readonly LonLat[][], km: number): boolean {
  const cosLat = Math.cos(p[1] * RAD);
  for (const part of route) {
    for (let i = 1; i < part.length; i++) {
      if (segmentKm(p, part[i - 1] as LonLat, part[i] as LonLat, cosLat) <= km) return true;
    }
    if (part.length === 1 && segmentKm(p, part[0] as LonLat, part[0] as LonLat, cosLat) <= km)
      return true;
  }
  return false;
}

/** How close a drawing must run to another to be the same route. */
export const SAME_ROUTE = { km: 10, share: 0.8 } as const;

/**
 * True when at least 80% of the vertices of each route lie within 10 km of the other: the same
 * cable drawn again (a point moved, a branch added or dropped), not a neighbour along part of
 * its way.
 */
export function sameRoute(a: readonly LonLat[][], b: readonly LonLat[][]): boolean {
  const boxA = boxOf(a);
  const boxB = boxOf(b);
  const margin = 1;
  if (boxA.south > boxB.north + margin || boxB.south > boxA.north + margin) return false;
  let shared = 0;
  for (const cell of boxA.cells) if (boxB.cells.has(cell)) shared++;
  if (shared === 0) return false;
  return (
    shareNear(a, b, SAME_ROUTE.km, SAME_ROUTE.share) >= SAME_ROUTE.share &&
    shareNear(b, a, SAME_ROUTE.km, SAME_ROUTE.share) >= SAME_ROUTE.share
  );
}
