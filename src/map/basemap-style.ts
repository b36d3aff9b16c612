/**
 * The basemap's MapLibre style and its two themes' colours. It needs no network at all: no
 * glyphs (deck.gl draws the labels), no sprite, no URL but the basemap's own tiles.
 */
import type { FeatureCollection, MultiLineString, Position } from "geojson";
import type { StyleSpecification } from "maplibre-gl";
import type { BASEMAP_TILE_LAYERS, Basemap } from "./basemap-tiled";

/** The two looks of the basemap: `dark` (default, dim rooms, projection) and `light` (print). */
export type ThemeName = "dark" | "light";

/** The colours of one theme. `label` and `labelHalo` are for the deck.gl text layer. */
export interface BasemapPalette {
  ocean: string;
  land: string;
  border: string;
  coastline: string;
  graticule: string;
  label: string;
  labelHalo: string;
}

/**
 * Both palettes keep land and ocean far from the bright link colours (cyan, amber, magenta,
 * green): near-black blue and slate in the dark theme, near-white and pale grey in the light one.
 */
export const BASEMAP_PALETTES: Readonly<Record<ThemeName, BasemapPalette>> = {
  dark: {
    ocean: "#0b1220",
    land: "#1c2636",
    border: "#3b4a5f",
    coastline: "#4b5e78",
    graticule: "#152033",
    label: "#94a3b8",
    labelHalo: "#0b1220",
  },
  light: {
    ocean: "#f8fafc",
    land: "#e3e7ec",
    border: "#8b95a1",
    coastline: "#aab3be",
    graticule: "#e6ebf1",
    label: "#374151",
    labelHalo: "#ffffff",
  },
};

const GRATICULE_STEP = 10;
const GRATICULE_EXTENT = 80;

/**
 * A complete MapLibre style: background (ocean), a subtle 10° graticule, land fill, coastline and
 * border lines. No glyphs, no sprite, no URL but the basemap's own tiles: it works offline.
 *
 * Layer ids, bottom to top, are stable so other layers can be placed between them: `"ocean"`
 * (background), `"graticule"`, `"countries-fill"`, `"coastlines"`, `"borders"`. Sources: for inline
 * data, GeoJSON `"countries"`, `"borders"` and `"coastlines"`; for a tiled basemap, one vector
 * source `"basemap"` with those layers; either way GeoJSON `"graticule"`.
 */
export function buildBasemapStyle(data: Basemap, theme: ThemeName): StyleSpecification {
  const palette = BASEMAP_PALETTES[theme];
  const from = (layer: (typeof BASEMAP_TILE_LAYERS)[number]) =>
    "tiles" in data ? { source: "basemap", "source-layer": layer } : { source: layer };
  const attribution = "Natural Earth";
  return {
    version: 8,
    name: `Uplinks offline basemap (${theme})`,
    sources: {
      ...("tiles" in data
        ? {
            basemap: {
              type: "vector" as const,
              tiles: [data.tiles],
              maxzoom: data.maxzoom,
              attribution,
            },
          }
        : {
            countries: { type: "geojson" as const, data: data.countries, attribution },
            borders: { type: "geojson" as const, data: data.borders },
            coastlines: { type: "geojson" as const, data: data.coastlines },
          }),
      graticule: { type: "geojson", data: buildGraticule() },
    },
    layers: [
      { id: "ocean", type: "background", paint: { "background-color": palette.ocean } },
      {
        id: "graticule",
        type: "line",
        source: "graticule",
        paint: { "line-color": palette.graticule, "line-width": 0.6 },
      },
      {
        id: "countries-fill",
        type: "fill",
        ...from("countries"),
        paint: { "fill-color": palette.land },
      },
      {
        id: "coastlines",
        type: "line",
        ...from("coastlines"),
        layout: { "line-join": "round", "line-cap": "round" },
        paint: {
          "line-color": palette.coastline,
          "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.6, 6, 1.4],
        },
      },
      {
        id: "borders",
        type: "line",
        ...from("borders"),
        layout: { "line-join": "round", "line-cap": "round" },
        paint: {
          "line-color": palette.border,
          "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.5, 6, 1.2],
        },
      },
    ],
  };
}

/** The paint properties that differ between themes, by layer id: switching theme sets only these. */
export function basemapThemePaint(
  theme: ThemeName,
): [layer: string, property: string, value: string][] {
  const palette = BASEMAP_PALETTES[theme];
  return [
    ["ocean", "background-color", palette.ocean],
    ["graticule", "line-color", palette.graticule],
    ["countries-fill", "fill-color", palette.land],
    ["coastlines", "line-color", palette.coastline],
    ["borders", "line-color", palette.border],
  ];
}

// ---------------------------------------------------------------------------------------------
// Graticule.

/** Meridians and parallels every 10°, stopping at ±80° where meridians crowd together. */
function buildGraticule(): FeatureCollection<MultiLineString> {
  const lines: Position[][] = [];
  for (let lon = -180; lon < 180; lon += GRATICULE_STEP) {
    lines.push(steps(-GRATICULE_EXTENT, GRATICULE_EXTENT).map((lat) => [lon, lat]));
  }
  for (let lat = -GRATICULE_EXTENT; lat <= GRATICULE_EXTENT; lat += GRATICULE_STEP) {
    lines.push(steps(-180, 180).map((lon) => [lon, lat]));
  }
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiLineString", coordinates: lines },
      },
    ],
  };
}

function steps(from: number, to: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += GRATICULE_STEP) values.push(v);
  return values;
}
