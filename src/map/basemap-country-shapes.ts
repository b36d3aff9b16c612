/** Natural Earth's units (world-atlas features) as country shapes: a code, a name, polygons. */
import { geoArea } from "d3-geo";
import type { Feature, Geometry, Position } from "geojson";
import isoCountries from "i18n-iso-countries";
import { NATURAL_EARTH_CODES_BY_NAME } from "../model/natural-earth-codes";

/** A spherical polygon larger than a hemisphere is a sliver wound the wrong way round. */
const HEMISPHERE = 2 * Math.PI;

/** One Natural Earth unit, still spherical, with the polygons that are not wound inside out. */
export interface CountryShape {
  code: string | null;
  name: string;
  /** True when the code came from an ISO numeric id: such a unit names the country in labels. */
  iso: boolean;
  polygons: { coordinates: Position[][]; area: number }[];
}

/**
 * A world-atlas feature as a country shape, or none if all its polygons are slivers wound inside
 * out. Its code comes from its ISO numeric id or, for an area without one, from its name (see
 * `NATURAL_EARTH_CODES_BY_NAME`); `null` for an area that belongs to no country.
 */
export function toCountryShape(f: Feature<Geometry | null>): CountryShape[] {
  const geometry = f.geometry;
  if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon") return [];
  const rawName: unknown = f.properties?.name;
  const name = typeof rawName === "string" ? rawName : "";
  const isoCode = f.id === undefined ? undefined : isoCountries.numericToAlpha2(f.id);
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const polygons = parts
    .map((coordinates) => ({ coordinates, area: geoArea({ type: "Polygon", coordinates }) }))
    .filter(({ area }) => area <= HEMISPHERE);
  if (polygons.length === 0) return [];
  return [{ code: isoCode ?? codeByName(name), name, iso: isoCode !== undefined, polygons }];
}

function codeByName(name: string): string | null {
  return Object.hasOwn(NATURAL_EARTH_CODES_BY_NAME, name)
    ? (NATURAL_EARTH_CODES_BY_NAME[name] ?? null)
    : null;
}
