/**
 * The offline basemap's data: Natural Earth countries (the `world-atlas` package) turned into
 * GeoJSON that MapLibre can draw, with a label point for each country.
 *
 * `world-atlas` is spherical (made for d3-geo), MapLibre's GeoJSON sources are planar: a ring edge
 * from 179.9° to -180° is one short step on the sphere but a streak across the whole map for
 * MapLibre. So every ring and line is unrolled (longitudes made continuous), cut at the
 * antimeridian and shifted back into [-180, 180]; the ring that encircles the south pole
 * (Antarctica) is closed along the pole so it fills the continent, not the rest of the world.
 */

import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from "geojson";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology as TopoJSON } from "topojson-specification";
import type { CountryLabel } from "../layers/country-label";
import { planarLines, planarPolygons } from "./basemap-antimeridian";
import { buildLabels } from "./basemap-country-labels";
import { type CountryShape, toCountryShape } from "./basemap-country-shapes";

/** The countries, their borders and coastlines, as planar-safe GeoJSON: no edge spans > 180° of longitude. */
export interface BasemapData {
  /** One feature per Natural Earth admin-0 unit; `code` is ISO 3166-1 alpha-2 or `null`. */
  countries: FeatureCollection<Polygon | MultiPolygon, { code: string | null; name: string }>;
  /** Land borders between countries. */
  borders: FeatureCollection<MultiLineString>;
  /** Coastlines: the outer boundaries of the countries. */
  coastlines: FeatureCollection<MultiLineString>;
  /** One label per country code (plus one per area without a code), sorted by area, largest first. */
  labels: CountryLabel[];
}

/** world-atlas countries TopoJSON (object `countries`) → GeoJSON for MapLibre's planar sources. */
export function buildBasemapData(world: TopoJSON): BasemapData {
  const object = world.objects.countries;
  if (object?.type !== "GeometryCollection") {
    throw new Error(
      `invalid world topology: objects.countries: ${object?.type ?? "missing"} is not a GeometryCollection`,
    );
  }
  const shapes = feature(world, object).features.flatMap(toCountryShape);
  // topojson-client's types want `{}` properties where ours may be null; mesh never reads them.
  const arcs = object as GeometryCollection;
  return {
    countries: {
      type: "FeatureCollection",
      features: shapes.flatMap(toPlanarCountry),
    },
    borders: lineCollection(mesh(world, arcs, (a, b) => a !== b)),
    coastlines: lineCollection(mesh(world, arcs, (a, b) => a === b)),
    labels: buildLabels(shapes),
  };
}

function toPlanarCountry(
  shape: CountryShape,
): Feature<Polygon | MultiPolygon, { code: string | null; name: string }>[] {
  const parts = shape.polygons.flatMap(({ coordinates }) => planarPolygons(coordinates));
  const [only] = parts;
  if (only === undefined) return [];
  return [
    {
      type: "Feature",
      properties: { code: shape.code, name: shape.name },
      geometry:
        parts.length === 1
          ? { type: "Polygon", coordinates: only }
          : { type: "MultiPolygon", coordinates: parts },
    },
  ];
}

function lineCollection(lines: MultiLineString): FeatureCollection<MultiLineString> {
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiLineString", coordinates: lines.coordinates.flatMap(planarLines) },
      },
    ],
  };
}
