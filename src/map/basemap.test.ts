import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { validateStyleMin } from "@maplibre/maplibre-gl-style-spec";
import { geoContains } from "d3-geo";
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from "geojson";
import isoCountries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { Topology as TopoJSON } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { NATURAL_EARTH_CODES_BY_NAME } from "../model/natural-earth-codes";
import {
  BASEMAP_PALETTES,
  type BasemapData,
  basemapThemePaint,
  buildBasemapData,
  buildBasemapStyle,
  type ThemeName,
  withTilesFrom,
} from "./basemap";

const require = createRequire(import.meta.url);
const WORLD_50M = require.resolve("world-atlas/countries-50m.json");
const THEMES: readonly ThemeName[] = ["dark", "light"];

/** A fresh parse per call, so no test sees what another did to it. */
function loadWorld(): TopoJSON {
  return JSON.parse(readFileSync(WORLD_50M, "utf8")) as TopoJSON;
}

/** The original spherical features with their ISO alpha-2 code, or null. */
function sphericalFeatures(world: TopoJSON): { code: string | null; feature: Feature }[] {
  const object = world.objects.countries;
  if (object?.type !== "GeometryCollection") throw new Error("no countries object");
  return feature(world, object).features.map((f) => {
    const name: unknown = f.properties?.name;
    const byName = typeof name === "string" ? NATURAL_EARTH_CODES_BY_NAME[name] : undefined;
    const byId = f.id === undefined ? undefined : isoCountries.numericToAlpha2(f.id);
    return { code: byId ?? byName ?? null, feature: f };
  });
}

/** A topology with one unit and no transform, so arcs hold plain [lon, lat] positions. */
function oneUnitTopology(ring: Position[], id = "242", name = "Fiji"): TopoJSON {
  return {
    type: "Topology",
    arcs: [ring],
    objects: {
      countries: {
        type: "GeometryCollection",
        geometries: [{ type: "Polygon", arcs: [[0]], id, properties: { name } }],
      },
    },
  };
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
}

function countryGeometries(data: BasemapData, code: string): (Polygon | MultiPolygon)[] {
  return data.countries.features.filter((f) => f.properties.code === code).map((f) => f.geometry);
}

/** Every ring and line of the data, as MapLibre will read them. */
function allLines(data: BasemapData): Position[][] {
  const lines = (collection: FeatureCollection<Geometry>): Position[][] =>
    collection.features.flatMap(({ geometry }) => {
      if (geometry.type === "Polygon" || geometry.type === "MultiLineString") {
        return geometry.coordinates;
      }
      return geometry.type === "MultiPolygon" ? geometry.coordinates.flat() : [];
    });
  return [...lines(data.countries), ...lines(data.borders), ...lines(data.coastlines)];
}

/** Even–odd ray casting on the plane, over all rings: what a planar renderer fills. */
function fillsPlanar(
  geometries: readonly (Polygon | MultiPolygon)[],
  [x = 0, y = 0]: Position,
): boolean {
  let inside = false;
  for (const ring of geometries.flatMap(polygonsOf).flat()) {
    for (let i = 1; i < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i - 1] ?? [];
      const [bx = 0, by = 0] = ring[i] ?? [];
      if (ay > y !== by > y && x < ax + (y - ay) * ((bx - ax) / (by - ay))) {
        inside = !inside;
      }
    }
  }
  return inside;
}

function longitudes(geometries: readonly (Polygon | MultiPolygon)[]): number[] {
  return geometries
    .flatMap(polygonsOf)
    .flat(2)
    .map(([lon = 0]) => lon);
}

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe("buildBasemapData", () => {
  it("leaves no ring or line with consecutive vertices more than 180° apart in longitude", () => {
    const data = buildBasemapData(loadWorld());
    const jumps = allLines(data).filter((line) =>
      line.some(([lon = 0], i) => i > 0 && Math.abs(lon - (line[i - 1]?.[0] ?? lon)) > 180),
    );
    expect(jumps).toEqual([]);
  });

  it("keeps every longitude within [-180, 180]", () => {
    const data = buildBasemapData(loadWorld());
    const outside = allLines(data)
      .flat()
      .filter(([lon = 0]) => lon < -180 || lon > 180);
    expect(outside).toEqual([]);
  });

  it("draws no coastline or border along the antimeridian, where Natural Earth cut islands", () => {
    const data = buildBasemapData(loadWorld());
    const lines = [data.borders, data.coastlines].flatMap((c) =>
      c.features.flatMap((f) => f.geometry.coordinates),
    );
    const onCut = lines.filter((line) =>
      line.some(
        ([lon = 0], i) => i > 0 && Math.abs(lon) === 180 && Math.abs(line[i - 1]?.[0] ?? 0) === 180,
      ),
    );
    expect(onCut).toEqual([]);
  });

  it("splits Russia and Fiji into parts on both sides of the antimeridian", () => {
    const data = buildBasemapData(loadWorld());
    for (const code of ["RU", "FJ"]) {
      const lons = longitudes(countryGeometries(data, code));
      expect(
        lons.some((lon) => lon > 179),
        code,
      ).toBe(true);
      expect(
        lons.some((lon) => lon < -179),
        code,
      ).toBe(true);
    }
  });

  it("closes Antarctica along the south pole so it fills the continent and nothing else", () => {
    const antarctica = countryGeometries(buildBasemapData(loadWorld()), "AQ");
    expect(fillsPlanar(antarctica, [0, -80])).toBe(true);
    expect(fillsPlanar(antarctica, [-179.9, -88])).toBe(true);
    expect(fillsPlanar(antarctica, [179.9, -88])).toBe(true);
    expect(fillsPlanar(antarctica, [0, 0])).toBe(false);
    expect(fillsPlanar(antarctica, [0, -50])).toBe(false);
  });

  it("fills no open ocean: no country is inside out on the plane", () => {
    const countries = buildBasemapData(loadWorld()).countries.features;
    const oceans: Position[] = [
      [-140, 0],
      [-30, 30],
      [80, -30],
      [179.9, 0],
      [-179.9, 0],
      [0, 0],
    ];
    for (const point of oceans) {
      const covering = countries.filter((f) => fillsPlanar([f.geometry], point));
      expect(
        covering.map((f) => f.properties.name),
        `${point}`,
      ).toEqual([]);
    }
  });

  it("winds outlines counter-clockwise and holes clockwise, as RFC 7946 asks", () => {
    const signedArea = (ring: Position[]) =>
      ring.reduce((sum, [x = 0, y = 0], i) => {
        const [nx = 0, ny = 0] = ring[(i + 1) % ring.length] ?? [];
        return sum + x * ny - nx * y;
      }, 0);
    const polygons = buildBasemapData(loadWorld()).countries.features.flatMap((f) =>
      polygonsOf(f.geometry),
    );
    const wrong = polygons.filter(([outline = [], ...holes]) => {
      return signedArea(outline) <= 0 || holes.some((hole) => signedArea(hole) >= 0);
    });
    expect(wrong).toEqual([]);
  });

  it("gives Natural Earth units without an ISO id the code of the state that holds them", () => {
    const codes = new Map(
      buildBasemapData(loadWorld()).countries.features.map((f) => [
        f.properties.name,
        f.properties.code,
      ]),
    );
    expect(codes.get("Kosovo")).toBe("XK");
    expect(codes.get("Somaliland")).toBe("SO");
    expect(codes.get("N. Cyprus")).toBe("CY");
    expect(codes.get("Siachen Glacier")).toBeNull();
    expect(codes.get("France")).toBe("FR");
  });

  it("cuts a square across the antimeridian into two polygons at the edges of the map", () => {
    const square = [
      [170, 10],
      [-170, 10],
      [-170, -10],
      [170, -10],
      [170, 10],
    ];
    const [fiji] = buildBasemapData(oneUnitTopology(square)).countries.features;
    const parts = fiji ? polygonsOf(fiji.geometry) : [];
    const extents = parts.map((polygon) => {
      const lons = polygon.flat().map(([lon = 0]) => lon);
      return [Math.min(...lons), Math.max(...lons)];
    });
    expect(extents.sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([
      [-180, -170],
      [170, 180],
    ]);
  });

  it("closes a ring that goes round the south pole along the pole", () => {
    const eastward = [
      [-180, -60],
      [-90, -60],
      [0, -60],
      [90, -60],
      [180, -60],
      [-180, -60],
    ];
    const data = buildBasemapData(oneUnitTopology(eastward, "010", "Antarctica"));
    const cap = countryGeometries(data, "AQ");
    expect(fillsPlanar(cap, [0, -70])).toBe(true);
    expect(fillsPlanar(cap, [179, -89])).toBe(true);
    expect(fillsPlanar(cap, [0, -50])).toBe(false);
  });

  it("drops a polygon wound inside out (larger than a hemisphere on the sphere)", () => {
    const counterClockwise = [
      [10, 10],
      [10, 11],
      [11, 11],
      [11, 10],
      [10, 10],
    ].reverse();
    const data = buildBasemapData(oneUnitTopology(counterClockwise, "462", "Maldives"));
    expect(data.countries.features).toEqual([]);
    expect(data.labels).toEqual([]);
  });

  it("rejects a topology without a countries collection", () => {
    const world: TopoJSON = { type: "Topology", arcs: [], objects: {} };
    expect(() => buildBasemapData(world)).toThrow(/objects\.countries/);
  });
});

describe("basemap labels", () => {
  it("puts the labels of Chile, Croatia, Indonesia, Norway and the US inside their country", () => {
    const world = loadWorld();
    const labels = buildBasemapData(world).labels;
    const originals = sphericalFeatures(world);
    for (const code of ["CL", "HR", "ID", "NO", "US"]) {
      const label = labels.find((l) => l.code === code);
      const country = originals.find((o) => o.code === code)?.feature;
      expect(label && country && geoContains(country, label.position), code).toBe(true);
    }
  });

  it("puts every label inside a unit of its own country", () => {
    const world = loadWorld();
    const originals = sphericalFeatures(world);
    const outside = buildBasemapData(world).labels.filter(
      (label) =>
        !originals.some(
          (o) =>
            o.code === label.code &&
            (label.code !== null || o.feature.properties?.name === label.name) &&
            geoContains(o.feature, label.position),
        ),
    );
    expect(outside.map((l) => l.name)).toEqual([]);
  });

  it("names North Korea as such", () => {
    const label = buildBasemapData(loadWorld()).labels.find((l) => l.code === "KP");
    expect(label?.name).toBe("North Korea");
  });

  it("gives one label per country, sorted by area, largest first", () => {
    const labels = buildBasemapData(loadWorld()).labels;
    const codes = labels.flatMap((l) => (l.code === null ? [] : [l.code]));
    expect(new Set(codes).size).toBe(codes.length);
    expect(labels.map((l) => l.area)).toEqual(labels.map((l) => l.area).sort((a, b) => b - a));
    expect(labels.slice(0, 3).map((l) => l.code)).toEqual(["RU", "AQ", "CA"]);
  });

  it("names a country after its ISO unit, not a unit the state holds elsewhere", () => {
    const labels = buildBasemapData(loadWorld()).labels;
    expect(labels.find((l) => l.code === "CY")?.name).toBe("Cyprus");
    expect(labels.find((l) => l.code === "SO")?.name).toBe("Somalia");
    expect(labels.find((l) => l.code === "GB")?.name).toBe("United Kingdom");
  });
});

describe("buildBasemapStyle", () => {
  it("needs no network: no URL anywhere, no glyphs, no sprite", () => {
    for (const theme of THEMES) {
      const style = buildBasemapStyle(buildBasemapData(loadWorld()), theme);
      expect(JSON.stringify(style)).not.toContain("http");
      expect(style).not.toHaveProperty("glyphs");
      expect(style).not.toHaveProperty("sprite");
    }
  });

  it("is a valid MapLibre style in both themes", () => {
    for (const theme of THEMES) {
      const errors = validateStyleMin(buildBasemapStyle(buildBasemapData(loadWorld()), theme));
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });

  it("keeps stable layer ids and inline GeoJSON sources", () => {
    const style = buildBasemapStyle(buildBasemapData(loadWorld()), "dark");
    expect(style.layers.map((l) => l.id)).toEqual([
      "ocean",
      "graticule",
      "countries-fill",
      "coastlines",
      "borders",
    ]);
    expect(Object.keys(style.sources).sort()).toEqual([
      "borders",
      "coastlines",
      "countries",
      "graticule",
    ]);
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe("geojson");
      expect(source.type === "geojson" && typeof source.data).toBe("object");
    }
  });

  it("draws a tiled basemap from one vector source, each line and fill from its layer", () => {
    const tiled = {
      tiles: "http://127.0.0.1:5173/assets/basemap-abc/{z}/{x}/{y}.pbf",
      maxzoom: 6,
      labels: [],
    };
    for (const theme of THEMES) {
      const style = buildBasemapStyle(tiled, theme);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
      expect(Object.keys(style.sources).sort()).toEqual(["basemap", "graticule"]);
      expect(style.sources.basemap).toEqual({
        type: "vector",
        tiles: [tiled.tiles],
        maxzoom: 6,
        attribution: "Natural Earth",
      });
      const from = Object.fromEntries(
        style.layers.flatMap((l) =>
          "source-layer" in l ? [[l.id, `${l.source}/${l["source-layer"]}`]] : [],
        ),
      );
      expect(from).toEqual({
        "countries-fill": "basemap/countries",
        coastlines: "basemap/coastlines",
        borders: "basemap/borders",
      });
    }
  });

  it("paints the ocean and the land in the theme's colours", () => {
    const style = buildBasemapStyle(buildBasemapData(loadWorld()), "light");
    const paint = (id: string) => style.layers.find((l) => l.id === id)?.paint;
    expect(paint("ocean")).toEqual({ "background-color": BASEMAP_PALETTES.light.ocean });
    expect(paint("countries-fill")).toEqual({ "fill-color": BASEMAP_PALETTES.light.land });
  });
});

describe("withTilesFrom", () => {
  const basemap = { tiles: "basemap-abc/{z}/{x}/{y}.pbf", maxzoom: 6, labels: [] };

  it("makes the tiles' address absolute, from the file's, keeping the placeholders", () => {
    expect(withTilesFrom(basemap, "http://example.test/app/assets/basemap-abc.json").tiles).toBe(
      "http://example.test/app/assets/basemap-abc/{z}/{x}/{y}.pbf",
    );
    expect(withTilesFrom(basemap, "http://example.test/@uplinks/basemap.json").tiles).toBe(
      "http://example.test/@uplinks/basemap-abc/{z}/{x}/{y}.pbf",
    );
  });

  it("leaves an absolute address as it is", () => {
    const absolute = { ...basemap, tiles: "http://other.test/t/{z}/{x}/{y}.pbf" };
    expect(withTilesFrom(absolute, "http://example.test/a.json").tiles).toBe(absolute.tiles);
  });
});

describe("BASEMAP_PALETTES", () => {
  it("keeps bright link colours at least 4.5:1 against dark land and ocean", () => {
    const { land, ocean } = BASEMAP_PALETTES.dark;
    for (const link of ["#22d3ee", "#f59e0b", "#e040fb", "#22c55e"]) {
      expect(contrast(link, land), link).toBeGreaterThanOrEqual(4.5);
      expect(contrast(link, ocean), link).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("keeps borders and coastlines visible against land in both themes", () => {
    for (const theme of THEMES) {
      const { land, border, coastline } = BASEMAP_PALETTES[theme];
      expect(contrast(border, land), theme).toBeGreaterThanOrEqual(1.5);
      expect(contrast(coastline, land), theme).toBeGreaterThanOrEqual(1.5);
    }
  });
});

describe("basemapThemePaint", () => {
  it("names only layers and colours that the style of that theme has", () => {
    const data = buildBasemapData(loadWorld());
    for (const theme of ["dark", "light"] as const) {
      const style = buildBasemapStyle(data, theme);
      for (const [layerId, property, value] of basemapThemePaint(theme)) {
        const layer = style.layers.find((l) => l.id === layerId) as
          | { paint?: Record<string, unknown> }
          | undefined;
        expect(layer?.paint?.[property], `${layerId} ${property}`).toBe(value);
      }
    }
  });
});
