import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Position } from "geojson";
import type { Topology as TopoJSON } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { type BasemapData, buildBasemapData } from "../../src/map/basemap";
import { BASEMAP_MODULE, basemapJson, prebuiltBasemap } from "./basemap-plugin";

const world = () =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-50m.json"), "utf8"),
  ) as TopoJSON;

/** Every position of the countries, borders and coastlines, in order. */
function positions(data: BasemapData): Position[] {
  const out: Position[] = [];
  for (const f of data.countries.features) {
    const polygons =
      f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) out.push(...ring);
  }
  for (const f of [...data.borders.features, ...data.coastlines.features])
    for (const line of f.geometry.coordinates) out.push(...line);
  return out;
}

describe("the prebuilt basemap", () => {
  const built = buildBasemapData(world());
  const prebuilt = JSON.parse(basemapJson(buildBasemapData(world()))) as BasemapData;

  it("is the basemap the browser would build, with coordinates to 4 decimal places", () => {
    expect(prebuilt.countries.features.map((f) => f.properties)).toEqual(
      built.countries.features.map((f) => f.properties),
    );
    const before = positions(built);
    const after = positions(prebuilt);
    expect(after).toHaveLength(before.length);
    let largest = 0;
    after.forEach(([x, y], i) => {
      const [x0, y0] = before[i] as Position;
      largest = Math.max(largest, Math.abs((x as number) - (x0 as number)));
      largest = Math.max(largest, Math.abs((y as number) - (y0 as number)));
      expect(Math.round((x as number) * 1e4) / 1e4).toBe(x);
    });
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThanOrEqual(0.00005 + 1e-12);
  });

  it("keeps the labels' areas whole and rounds only their positions", () => {
    expect(prebuilt.labels.map((l) => [l.code, l.name, l.area])).toEqual(
      built.labels.map((l) => [l.code, l.name, l.area]),
    );
    prebuilt.labels.forEach((label, i) => {
      const [lon, lat] = built.labels[i]?.position ?? [];
      expect(label.position[0]).toBeCloseTo(lon as number, 4);
      expect(label.position[1]).toBeCloseTo(lat as number, 4);
    });
  });

  it("is a module that only the plugin answers", () => {
    const plugin = prebuiltBasemap();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    expect(resolveId(BASEMAP_MODULE)).toBe(`\0${BASEMAP_MODULE}`);
    expect(resolveId("virtual:something-else")).toBeUndefined();
  });
});
