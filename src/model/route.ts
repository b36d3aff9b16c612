/** Routes along great circles: densify waypoints, unwrap longitudes, measure length. */
import { geoDistance, geoInterpolate } from "d3-geo";

/** `[lon, lat]` in degrees. */
export type LonLat = [number, number];

/** Mean Earth radius (IUGG), the radius all our distances use. */
export const EARTH_RADIUS_KM = 6371.0088;
/** The longest allowed step between consecutive vertices of a computed path. */
export const MAX_SEGMENT_KM = 50;
/** Decimal places kept in written coordinates: 1e-6° is about 0.1 m. */
const COORDINATE_DECIMALS = 6;

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** Great-circle distance between two points, in km. */
export function greatCircleKm(a: LonLat, b: LonLat): number {
  return geoDistance(a, b) * EARTH_RADIUS_KM;
}

/**
 * The great-circle route through `waypoints`, with intermediate vertices so that no step is longer
 * than `maxKm`. Waypoints stay exact vertices of the result.
 */
export function densifyRoute(waypoints: readonly LonLat[], maxKm = MAX_SEGMENT_KM): LonLat[] {
  const first = waypoints[0];
  if (!first) return [];
  const out: LonLat[] = [[first[0], first[1]]];
  for (let i = 1; i < waypoints.length; i++) {
    const a = waypoints[i - 1] as LonLat;
    const b = waypoints[i] as LonLat;
    // A margin under maxKm keeps each step within it after coordinates are rounded.
    const steps = Math.max(1, Math.ceil(greatCircleKm(a, b) / (maxKm * 0.99)));
    const at = geoInterpolate(a, b);
    for (let s = 1; s < steps; s++) {
      const [lon, lat] = at(s / steps);
      out.push([round(lon, COORDINATE_DECIMALS), round(lat, COORDINATE_DECIMALS)]);
    }
    out.push([b[0], b[1]]);
  }
  return unwrapLongitudes(out);
}

/**
 * `lon` moved by whole turns into [-180, 180); one already there is returned as it is (most are,
 * and the remainders are the cost where this runs per vertex).
 */
export const wrapLongitude = (lon: number): number =>
  lon >= -180 && lon < 180 ? lon : ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * Shifts longitudes by whole turns so each vertex lies within 180° of the previous one: a route
 * over the antimeridian then runs on (e.g. 179 → 181) instead of jumping across the map.
 */
export function unwrapLongitudes(path: readonly LonLat[]): LonLat[] {
  const out: LonLat[] = [];
  let previous: number | undefined;
  for (const [lon, lat] of path) {
    let x = lon;
    if (previous !== undefined) {
      while (x - previous > 180) x -= 360;
      while (x - previous < -180) x += 360;
    }
    out.push([x, lat]);
    previous = x;
  }
  return out;
}

/** Total length of a path along great circles, in km. */
export function pathLengthKm(path: readonly LonLat[]): number {
  let total = 0;
  for (let i = 1; i < path.length; i++)
    total += greatCircleKm(path[i - 1] as LonLat, path[i] as LonLat);
  return total;
}

/** Radians in a degree. */
export const RADIANS = Math.PI / 180;

/**
 * The angle between two points, in radians (haversine). d3's geoDistance sums exactly and is
 * ~20× slower; for the shares of a path's length, or a length to 0.1 km, this is enough.
 */
export function arcRadians(lon0: number, lat0: number, lon1: number, lat1: number): number {
  return haversine(lat0, lat1, lon1 - lon0, Math.cos(lat0 * RADIANS), Math.cos(lat1 * RADIANS));
}

/**
 * {@link arcRadians} of a step of `dLon` degrees between latitudes `lat0` and `lat1`, given their
 * cosines: a path's vertex then has its cosine computed once for its two steps.
 */
function haversine(lat0: number, lat1: number, dLon: number, cos0: number, cos1: number): number {
  const sinLat = Math.sin(((lat1 - lat0) * RADIANS) / 2);
  const sinLon = Math.sin((dLon * RADIANS) / 2);
  const h = sinLat * sinLat + cos0 * cos1 * sinLon * sinLon;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Total length along great circles, in km, of a path given as interleaved longitudes and
 * latitudes: the same figure as {@link pathLengthKm}, without an array per vertex. `start` and
 * `end` (vertices) measure a stretch of the array: one part of a path of several.
 */
export function coordinatesLengthKm(
  coordinates: ArrayLike<number>,
  start = 0,
  end: number = coordinates.length >> 1,
): number {
  let total = 0;
  let cosLat0 = Math.cos((coordinates[2 * start + 1] as number) * RADIANS);
  for (let i = 2 * start + 2; i + 1 < 2 * end; i += 2) {
    const lat1 = coordinates[i + 1] as number;
    const cosLat1 = Math.cos(lat1 * RADIANS);
    const dLon = (coordinates[i] as number) - (coordinates[i - 2] as number);
    total += haversine(coordinates[i - 1] as number, lat1, dLon, cosLat0, cosLat1);
    cosLat0 = cosLat1;
  }
  return total * EARTH_RADIUS_KM;
}

/**
 * The length in km of a path of parts packed one after another in `coordinates`, each starting
 * at a vertex of `starts` (see `path-coordinates.ts`): the sum of its parts' lengths, never the
 * jump from one part's end to the next one's start. Without `starts`, one part.
 */
export function packedPartsLengthKm(
  coordinates: ArrayLike<number>,
  starts?: ArrayLike<number>,
): number {
  if (!starts || starts.length <= 1) return coordinatesLengthKm(coordinates);
  const vertices = coordinates.length >> 1;
  let total = 0;
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : vertices;
    total += coordinatesLengthKm(coordinates, starts[i] as number, end);
  }
  return total;
}

/** The length in km of a path of several parts: the sum of its parts' {@link pathLengthKm}. */
export function partsLengthKm(parts: readonly (readonly LonLat[])[]): number {
  let total = 0;
  for (const part of parts) total += pathLengthKm(part);
  return total;
}
