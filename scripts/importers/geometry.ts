/** Paths, lengths, countries and placements shared by the importers. */
import { geoArea, geoCentroid, geoContains } from "d3-geo";
import type { Polygon, Position } from "geojson";
import type { CountryIndex, CountryShape } from "../../src/model/country-index";
import { computeCrossings } from "../../src/model/crossings";
import { densifyRoute, EARTH_RADIUS_KM, type LonLat, pathLengthKm } from "../../src/model/route";
import type { Crossing, LinkKind } from "../../src/model/schema";

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** A coordinate rounded to 1e-6° (about 0.1 m), as the pipeline writes them. */
export const roundLonLat = ([lon, lat]: LonLat): LonLat => [round6(lon), round6(lat)];

/**
 * A drawn line kept as given: its vertices (rounded to 1e-6°) joined by great circles, densified
 * to steps of at most 50 km, longitudes unwrapped across the antimeridian.
 */
export function pathAlong(vertices: readonly LonLat[]): LonLat[] {
  const rounded: LonLat[] = [];
  for (const vertex of vertices) {
    const v = roundLonLat(vertex);
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== v[0] || last[1] !== v[1]) rounded.push(v);
  }
  return densifyRoute(rounded);
}

/** The computed fields of a link: length, the countries it runs through, its border crossings. */
export interface LinkMeasures {
  lengthKm: number;
  countries: string[];
  crossings: Crossing[];
}

/**
 * Measures `path`. Physical links get the countries and crossings of the boundary index; a
 * satellite hop or a BGP adjacency (`peering`) is not a route on the ground, so it crosses no
 * border on the way and lists only the countries of its ends.
 */
export function measureLink(
  path: readonly LonLat[],
  kind: LinkKind,
  endCountries: readonly (string | undefined)[],
  boundaries: CountryIndex,
): LinkMeasures {
  const onGround = kind !== "satellite" && kind !== "peering";
  const computed = onGround ? computeCrossings(path, boundaries) : { countries: [], crossings: [] };
  const countries = [...computed.countries];
  for (const code of endCountries) if (code && !countries.includes(code)) countries.push(code);
  return {
    lengthKm: Math.round(pathLengthKm(path) * 10) / 10,
    countries,
    crossings: computed.crossings,
  };
}

/** One point per country, computed when first asked for. */
export interface CountryAnchors {
  /** The anchor of `code`, or `undefined` when the boundary data has no such country. */
  get(code: string): LonLat | undefined;
}

/**
 * One point per country to place symbolic nodes at: the centroid of the country's largest
 * polygon (its mainland), moved inside it when the centroid falls outside (a crescent-shaped
 * country). This is a country centroid, not the capital.
 */
export function createCountryAnchors(shapes: readonly CountryShape[]): CountryAnchors {
  const byCode = new Map<string, CountryShape[]>();
  for (const shape of shapes) byCode.set(shape.code, [...(byCode.get(shape.code) ?? []), shape]);
  const cache = new Map<string, LonLat>();
  return {
    get(code) {
      const cached = cache.get(code);
      if (cached) return cached;
      const own = byCode.get(code);
      if (!own) return undefined;
      let largest: Polygon | undefined;
      let largestArea = -1;
      for (const { geometry } of own) {
        const parts: Position[][][] =
          geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
        for (const coordinates of parts) {
          const polygon: Polygon = { type: "Polygon", coordinates };
          const area = geoArea(polygon);
          // Wider than a hemisphere: a sliver wound the wrong way (see country-index.ts).
          if (area > 2 * Math.PI || area <= largestArea) continue;
          largest = polygon;
          largestArea = area;
        }
      }
      if (!largest) return undefined;
      const anchor = roundLonLat(insidePoint(largest));
      cache.set(code, anchor);
      return anchor;
    },
  };
}

function insidePoint(polygon: Polygon): LonLat {
  const centroid = geoCentroid(polygon) as LonLat;
  if (geoContains(polygon, centroid)) return centroid;
  // The polygon's vertex nearest the centroid, nudged towards the centroid until inside.
  let best: LonLat | undefined;
  let bestDistance = Infinity;
  for (const position of polygon.coordinates[0] ?? []) {
    const [lon, lat] = position as LonLat;
    const d = (lon - centroid[0]) ** 2 + (lat - centroid[1]) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = [lon, lat];
    }
  }
  if (!best) return centroid;
  for (const t of [0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5]) {
    const p: LonLat = [
      best[0] + (centroid[0] - best[0]) * t,
      best[1] + (centroid[1] - best[1]) * t,
    ];
    if (geoContains(polygon, p)) return p;
  }
  return best;
}

/** Spacing of the rings that symbolic nodes of one country are spread on. */
export const RING_SPACING_KM = 15;

/**
 * The position of the `index`-th of several nodes placed around `center`: the first at the
 * centre, the next 6 on a ring 15 km out, the next 12 on a ring 30 km out, and so on, so nodes of
 * one country do not sit on top of each other.
 */
export function ringPosition(center: LonLat, index: number): LonLat {
  if (index === 0) return center;
  let ring = 1;
  let first = 1;
  while (index >= first + 6 * ring) {
    first += 6 * ring;
    ring++;
  }
  const slots = 6 * ring;
  const bearing = (2 * Math.PI * (index - first)) / slots;
  return roundLonLat(destination(center, bearing, ring * RING_SPACING_KM));
}

/** The point `km` away from `start` on the initial `bearing` (radians from north). */
function destination([lon, lat]: LonLat, bearing: number, km: number): LonLat {
  const rad = Math.PI / 180;
  const d = km / EARTH_RADIUS_KM;
  const phi1 = lat * rad;
  const lambda1 = lon * rad;
  const phi2 = Math.asin(
    Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(bearing),
  );
  const lambda2 =
    lambda1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(d) * Math.cos(phi1),
      Math.cos(d) - Math.sin(phi1) * Math.sin(phi2),
    );
  const lon2 = ((((lambda2 / rad + 180) % 360) + 360) % 360) - 180;
  return [lon2, Math.max(-90, Math.min(90, phi2 / rad))];
}
