import { geoContains } from "d3-geo";
import type { Polygon } from "geojson";
import { describe, expect, it } from "vitest";
import { createPolygonContains } from "./polygon-contains";

/** A ring of many vertices around the antimeridian, with a notch, like Russia's far east. */
function jaggedPolygon(): Polygon {
  const ring: [number, number][] = [];
  for (let i = 0; i <= 720; i++) {
    const t = (i / 720) * 2 * Math.PI;
    const r = 8 + 2 * Math.sin(7 * t) + (i % 2) * 0.05;
    ring.push([((180 + r * Math.cos(t) + 540) % 360) - 180, 60 + 0.6 * r * Math.sin(t)]);
  }
  ring[720] = ring[0] as [number, number];
  const hole: [number, number][] = [
    [178, 60],
    [178, 61],
    [179, 61],
    [179, 60],
    [178, 60],
  ];
  return { type: "Polygon", coordinates: [ring.reverse(), hole] };
}

describe("createPolygonContains", () => {
  it("gives d3's geoContains answer, across the antimeridian and in a hole", () => {
    const polygon = jaggedPolygon();
    const contains = createPolygonContains(polygon);
    const points: [number, number][] = [
      [178.5, 60.5],
      [180, 60],
      [-179.99, 60],
      [0, 0],
      [0, 90],
      [0, -90],
    ];
    for (let lon = -180; lon <= 180; lon += 1.1) {
      for (let lat = 48; lat <= 72; lat += 0.9) points.push([lon, lat]);
    }
    const differences = points.filter(
      ([lon, lat]) => contains(lon, lat) !== geoContains(polygon, [lon, lat]),
    );
    expect(differences).toEqual([]);
    expect(points.filter(([lon, lat]) => contains(lon, lat)).length).toBeGreaterThan(50);
  });
});
