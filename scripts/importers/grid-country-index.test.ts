import { describe, expect, it } from "vitest";
import { createCountryIndex } from "../../src/model/country-index";
import type { LonLat } from "../../src/model/route";
import { loadNaturalEarthCountries } from "../lib/natural-earth";
import { createRandom } from "../lib/random";
import { createGridCountryIndex } from "./grid-country-index";

// The linear index is the slow reference here.
describe("createGridCountryIndex", { timeout: 180_000 }, () => {
  it("answers exactly as createCountryIndex, at random points and along borders", () => {
    const shapes = loadNaturalEarthCountries();
    const linear = createCountryIndex(shapes);
    const grid = createGridCountryIndex(shapes);
    const random = createRandom(42);
    const points: LonLat[] = [];
    for (let i = 0; i < 1000; i++)
      points.push([random() * 360 - 180, Math.asin(2 * random() - 1) * (180 / Math.PI)]);
    // Points a few hundred metres from the vertices of borders, where cells are tested exactly.
    for (const { geometry } of shapes.filter((_, i) => i % 6 === 0)) {
      const ring =
        geometry.type === "Polygon" ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
      for (const [lon = 0, lat = 0] of (ring ?? []).filter((_, i) => i % 97 === 0)) {
        points.push([lon + (random() - 0.5) * 0.01, lat + (random() - 0.5) * 0.01]);
      }
    }
    points.push([180, 65], [-180, 65], [179.999, -16.5], [0, 90], [0, -89.9]);
    const differences = points.filter((p) => grid.countryAt(p) !== linear.countryAt(p));
    expect(differences).toEqual([]);
    expect(points.length).toBeGreaterThan(1200);
  });
});
