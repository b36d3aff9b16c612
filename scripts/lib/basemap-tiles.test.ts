import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import type { Topology as TopoJSON } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { BASEMAP_TILE_LAYERS, buildBasemapData } from "../../src/map/basemap";
import { cutBasemapTiles } from "./basemap-tiles";

const world = () =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-50m.json"), "utf8"),
  ) as TopoJSON;

/** The longitude and latitude of a point of tile z/x/y given in the tile's units. */
function lonLat(z: number, x: number, y: number, extent: number, px: number, py: number) {
  const n = 2 ** z;
  const lon = ((x + px / extent) / n) * 360 - 180;
  const mercator = Math.PI * (1 - (2 * (y + py / extent)) / n);
  return [lon, (Math.atan(Math.sinh(mercator)) * 180) / Math.PI] as const;
}

describe("cutBasemapTiles", () => {
  const data = buildBasemapData(world());
  const MAXZOOM = 4;
  const tiles = cutBasemapTiles(data, MAXZOOM, BASEMAP_TILE_LAYERS);
  const read = (key: string) => {
    const bytes = tiles.get(key);
    if (!bytes) throw new Error(`no tile ${key}`);
    return new VectorTile(new PbfReader(bytes));
  };

  it("cuts every zoom down to maxzoom, and only tiles with something in them", () => {
    for (const key of tiles.keys()) {
      const [z, x, y] = key.split("/").map(Number) as [number, number, number];
      expect(z).toBeLessThanOrEqual(MAXZOOM);
      expect(Math.max(x, y)).toBeLessThan(2 ** z);
    }
    for (let z = 0; z <= MAXZOOM; z++)
      expect([...tiles.keys()].some((k) => k.startsWith(`${z}/`))).toBe(true);
    // The South Pacific at 140°W, 30°S: open ocean.
    expect(tiles.has("4/1/9")).toBe(false);
  });

  it("holds the three layers, and the countries with their code and name", () => {
    const top = read("0/0/0");
    expect(Object.keys(top.layers).sort()).toEqual([...BASEMAP_TILE_LAYERS].sort());
    const countries = top.layers.countries;
    if (!countries) throw new Error("no countries layer");
    const codes = new Set<unknown>();
    for (let i = 0; i < countries.length; i++) codes.add(countries.feature(i).properties.code);
    for (const code of ["KP", "RU", "CN", "BR", "AQ"]) expect(codes).toContain(code);
  });

  it("puts a country where it is: North Korea, across the two tiles over it", () => {
    // Zoom 4, tiles 13/5 and 13/6: 112.5°–135°E, 41.0°–55.8°N and 21.9°–41.0°N.
    const points = ["4/13/5", "4/13/6"].flatMap((key) => {
      const [z, x, y] = key.split("/").map(Number) as [number, number, number];
      const layer = read(key).layers.countries;
      if (!layer) throw new Error(`no countries layer in ${key}`);
      const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
      const kp = features.filter((f) => f.properties.code === "KP");
      expect(kp.map((f) => f.properties.name)).toEqual(["North Korea"]);
      return kp.flatMap((f) =>
        f
          .loadGeometry()
          .flatMap((ring) => ring.map((p) => lonLat(z, x, y, layer.extent, p.x, p.y))),
      );
    });
    const lons = points.map(([lon]) => lon);
    const lats = points.map(([, lat]) => lat);
    // North Korea spans about 124.2°–130.7°E, 37.7°–43.0°N.
    expect(Math.min(...lons)).toBeCloseTo(124.2, 0);
    expect(Math.max(...lons)).toBeCloseTo(130.7, 0);
    expect(Math.min(...lats)).toBeCloseTo(37.7, 0);
    expect(Math.max(...lats)).toBeCloseTo(43.0, 0);
  });
});
