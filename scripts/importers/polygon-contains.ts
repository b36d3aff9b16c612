/**
 * `geoContains(polygon, point)` of d3-geo, answered faster for many points in one large polygon.
 *
 * d3's spherical test (`polygonContains`) is `C xor (winding & 1)`, where `C` depends on the
 * polygon only and `winding` counts the edges that straddle the point's meridian below it. Here
 * `C` is found once, and each query looks only at the edges filed under its 1° of longitude,
 * with d3's own arithmetic, so the answers are d3's.
 */
import { geoContains } from "d3-geo";
import type { Polygon } from "geojson";

const { PI: pi, sin, cos, sqrt, abs } = Math;
const tau = pi * 2;
const halfPi = pi / 2;
const epsilon = 1e-6;
const radians = pi / 180;
const COLUMNS = 360;

// The helpers below copy d3-geo (longitude.js, cartesian.js, math.js) so the numbers match.
const longitude = (lambda: number) =>
  abs(lambda) <= pi ? lambda : Math.sign(lambda) * (((abs(lambda) + pi) % tau) - pi);
const asin = (x: number) => (x > 1 ? halfPi : x < -1 ? -halfPi : Math.asin(x));
const cartesian = (lambda: number, phi: number): [number, number, number] => {
  const cosPhi = cos(phi);
  return [cosPhi * cos(lambda), cosPhi * sin(lambda), sin(phi)];
};
const cross = (a: readonly number[], b: readonly number[]): [number, number, number] => [
  (a[1] ?? 0) * (b[2] ?? 0) - (a[2] ?? 0) * (b[1] ?? 0),
  (a[2] ?? 0) * (b[0] ?? 0) - (a[0] ?? 0) * (b[2] ?? 0),
  (a[0] ?? 0) * (b[1] ?? 0) - (a[1] ?? 0) * (b[0] ?? 0),
];
const normalise = (d: [number, number, number]) => {
  const l = sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
  d[0] /= l;
  d[1] /= l;
  d[2] /= l;
  return d;
};

/** Per edge: lambda0, lambda1, delta, antimeridian (0/1), arc x, y, z. */
const FIELDS = 7;

const columnOf = (lambda: number) =>
  Math.min(COLUMNS - 1, Math.max(0, Math.floor(lambda / radians + 180)));

/** A point-in-polygon test equal to `geoContains(polygon, [lon, lat])`, for degrees. */
export function createPolygonContains(polygon: Polygon): (lon: number, lat: number) => boolean {
  const edges: number[] = [];
  for (const ring of polygon.coordinates) {
    // As d3's ringRadians: the closing point is dropped.
    const points = ring.slice(0, -1).map(([lon = 0, lat = 0]) => [lon * radians, lat * radians]);
    const m = points.length;
    if (m === 0) continue;
    let point0 = points[m - 1] as number[];
    for (const point1 of points) {
      const lambda0 = longitude(point0[0] ?? 0);
      const lambda1 = longitude(point1[0] ?? 0);
      const delta = lambda1 - lambda0;
      const antimeridian = (delta >= 0 ? delta : -delta) > pi;
      const arc = normalise(
        cross(cartesian(point0[0] ?? 0, point0[1] ?? 0), cartesian(point1[0] ?? 0, point1[1] ?? 0)),
      );
      edges.push(lambda0, lambda1, delta, antimeridian ? 1 : 0, arc[0], arc[1], arc[2]);
      point0 = point1;
    }
  }

  // File each edge under every 1° column of longitude where it can straddle the meridian (with a
  // column to spare on each side; the exact test is made per query).
  const columns: number[][] = Array.from({ length: COLUMNS }, () => []);
  for (let e = 0; e < edges.length; e += FIELDS) {
    const l0 = edges[e] as number;
    const l1 = edges[e + 1] as number;
    const lo = columnOf(Math.min(l0, l1));
    const hi = columnOf(Math.max(l0, l1));
    const file = (from: number, to: number) => {
      for (let c = Math.max(0, from); c <= Math.min(COLUMNS - 1, to); c++) columns[c]?.push(e);
    };
    if (edges[e + 3] === 1) {
      file(0, lo + 1);
      file(hi - 1, COLUMNS - 1);
    } else file(lo - 1, hi + 1);
  }

  const winding = (lon: number, lat: number): number => {
    const lambda = longitude(lon * radians);
    let phi = lat * radians;
    const sinPhi = sin(phi);
    if (sinPhi === 1) phi = halfPi + epsilon;
    else if (sinPhi === -1) phi = -halfPi - epsilon;
    const normal = [sin(lambda), -cos(lambda), 0];
    let count = 0;
    for (const e of columns[columnOf(lambda)] ?? []) {
      const lambda0 = edges[e] as number;
      const lambda1 = edges[e + 1] as number;
      const delta = edges[e + 2] as number;
      const antimeridian = edges[e + 3] === 1;
      if (!((antimeridian !== lambda0 >= lambda) !== lambda1 >= lambda)) continue;
      const arc = [edges[e + 4] as number, edges[e + 5] as number, edges[e + 6] as number];
      const intersection = normalise(cross(normal, arc));
      const forward = antimeridian !== delta >= 0;
      const phiArc = (forward ? -1 : 1) * asin(intersection[2]);
      if (phi > phiArc || (phi === phiArc && (arc[0] || arc[1]))) count += forward ? 1 : -1;
    }
    return count;
  };

  // C (is the south pole inside?) from one answer of d3 itself.
  const southPoleInside = geoContains(polygon, [0, 0]) !== ((winding(0, 0) & 1) === 1);
  return (lon, lat) => southPoleInside !== ((winding(lon, lat) & 1) === 1);
}
