/** Which country a point lies in, from boundary polygons (e.g. Natural Earth admin-0). */

import { geoArea, geoBounds, geoContains } from "d3-geo";
import type { MultiPolygon, Polygon, Position } from "geojson";
import { type LonLat, wrapLongitude } from "./route";

/** One country's boundary: its ISO 3166-1 alpha-2 code and its (multi)polygon. */
export interface CountryShape {
  readonly code: string;
  readonly geometry: Polygon | MultiPolygon;
}

/** Answers point-in-country queries. */
export interface CountryIndex {
  /** The code of the country containing `point`, or `null` at sea or on unclaimed land. */
  countryAt(point: LonLat): string | null;
}

interface IndexedPolygon {
  code: string;
  polygon: Polygon;
  west: number;
  south: number;
  east: number;
  north: number;
}

function inBounds(p: IndexedPolygon, lon: number, lat: number): boolean {
  if (lat < p.south || lat > p.north) return false;
  // geoBounds reports a box over the antimeridian with west > east.
  return p.west <= p.east ? lon >= p.west && lon <= p.east : lon >= p.west || lon <= p.east;
}

/** Builds an index over `shapes`, one bounding box per polygon to skip most containment tests. */
export function createCountryIndex(shapes: readonly CountryShape[]): CountryIndex {
  const polygons: IndexedPolygon[] = [];
  for (const { code, geometry } of shapes) {
    const parts: Position[][][] =
      geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const coordinates of parts) {
      const polygon: Polygon = { type: "Polygon", coordinates };
      // A spherical polygon wider than a hemisphere is a degenerate sliver wound the wrong way
      // (some Natural Earth islands): as drawn it would contain the whole world.
      if (geoArea(polygon) > 2 * Math.PI) continue;
      const [[west, south], [east, north]] = geoBounds(polygon);
      polygons.push({ code, polygon, west, south, east, north });
    }
  }
  return {
    countryAt([lon, lat]) {
      const x = wrapLongitude(lon);
      for (const p of polygons) {
        if (inBounds(p, x, lat) && geoContains(p.polygon, [x, lat])) return p.code;
      }
      return null;
    },
  };
}
