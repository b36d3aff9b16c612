/** Natural Earth admin-0 boundaries (the `world-atlas` package) as a country index. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology as TopoJSON } from "topojson-specification";
import {
  type CountryIndex,
  type CountryShape,
  createCountryIndex,
} from "../../src/model/country-index";
import { NATURAL_EARTH_CODES_BY_NAME } from "../../src/model/natural-earth-codes";

const require = createRequire(import.meta.url);
const WORLD_ATLAS = "world-atlas/countries-10m.json";

/** What the computed countries and crossings rest on, written into each topology. */
export const BOUNDARIES_NOTE =
  "Countries and border crossings are computed from Natural Earth 1:10m admin-0 boundaries " +
  "(world-atlas 2.0.2), which follow de facto control; disputed areas are noted on their nodes.";

/** Country shapes with ISO 3166-1 alpha-2 codes. */
export function loadNaturalEarthCountries(): CountryShape[] {
  const topology = JSON.parse(readFileSync(require.resolve(WORLD_ATLAS), "utf8")) as TopoJSON;
  const object = topology.objects.countries as GeometryCollection<{ name: string }>;
  const collection = feature(topology, object);
  const shapes: CountryShape[] = [];
  for (const f of collection.features) {
    const name = f.properties?.name ?? "";
    const code =
      (f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : undefined) ??
      (Object.hasOwn(NATURAL_EARTH_CODES_BY_NAME, name)
        ? NATURAL_EARTH_CODES_BY_NAME[name]
        : undefined);
    const geometry = f.geometry;
    if (!code || !geometry || (geometry.type !== "Polygon" && geometry.type !== "MultiPolygon"))
      continue;
    shapes.push({ code, geometry });
  }
  return shapes.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

let cached: CountryIndex | undefined;

/** The Natural Earth country index, built once per process. */
export function naturalEarthIndex(): CountryIndex {
  cached ??= createCountryIndex(loadNaturalEarthCountries());
  return cached;
}
