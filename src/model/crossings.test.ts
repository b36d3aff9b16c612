import { describe, expect, it } from "vitest";
import { createCountryIndex } from "./country-index";
import { computeCrossings, measureParts } from "./crossings";
import { densifyRoute, greatCircleKm, type LonLat, pathLengthKm } from "./route";

/** Two countries side by side along the equator, split at longitude 10, and an island at 30. */
const index = () =>
  createCountryIndex([
    {
      code: "AA",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [0, -5],
            [0, 5],
            [10, 5],
            [10, -5],
            [0, -5],
          ],
        ],
      },
    },
    {
      code: "BB",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [10, -5],
            [10, 5],
            [20, 5],
            [20, -5],
            [10, -5],
          ],
        ],
      },
    },
    {
      code: "CC",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [30, -5],
            [30, 5],
            [35, 5],
            [35, -5],
            [30, -5],
          ],
        ],
      },
    },
  ]);

describe("createCountryIndex", () => {
  it("finds the country containing a point, and none at sea", () => {
    const countries = index();
    expect(countries.countryAt([5, 0])).toBe("AA");
    expect(countries.countryAt([15, 1])).toBe("BB");
    expect(countries.countryAt([25, 0])).toBeNull();
    expect(countries.countryAt([15 + 360, 1])).toBe("BB");
  });
});

describe("computeCrossings", () => {
  it("locates a land border crossing to within 1 km", () => {
    const path = densifyRoute([
      [2, 1],
      [18, 1],
    ]);
    const { countries, crossings } = computeCrossings(path, index());
    expect(countries).toEqual(["AA", "BB"]);
    expect(crossings).toHaveLength(1);
    const [crossing] = crossings;
    expect(crossing?.from).toBe("AA");
    expect(crossing?.to).toBe("BB");
    // The border is the meridian 10°E: the crossing lies within 1 km of it.
    const at = crossing?.at as LonLat;
    expect(greatCircleKm(at, [10, at[1]])).toBeLessThan(1);
    expect(at[1]).toBeGreaterThan(1);
    expect(at[1]).toBeLessThan(1.1);
  });

  it("counts a crossing over the sea, placed where the path enters the next country", () => {
    const { countries, crossings } = computeCrossings(
      densifyRoute([
        [15, 0],
        [33, 0],
      ]),
      index(),
    );
    expect(countries).toEqual(["BB", "CC"]);
    expect(crossings.map((c) => [c.from, c.to])).toEqual([["BB", "CC"]]);
    expect(greatCircleKm(crossings[0]?.at as LonLat, [30, 0])).toBeLessThan(1);
  });

  it("finds no crossing on a path inside one country", () => {
    const { countries, crossings } = computeCrossings(
      densifyRoute([
        [1, 0],
        [9, 4],
      ]),
      index(),
    );
    expect(countries).toEqual(["AA"]);
    expect(crossings).toEqual([]);
  });

  it("finds both crossings of a path that leaves a country and comes back", () => {
    const { crossings } = computeCrossings(
      densifyRoute([
        [5, 0],
        [15, 0],
        [5, 1],
      ]),
      index(),
    );
    expect(crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["AA>BB", "BB>AA"]);
  });
});

describe("measureParts", () => {
  it("gives each part's crossings in part order, and their countries once each, in order", () => {
    const trunk = densifyRoute([
      [15, 0],
      [33, 0],
    ]);
    const branch = densifyRoute([
      [2, 1],
      [18, 1],
    ]);
    const { countries, crossings, lengthKm } = measureParts([trunk, branch], index());
    expect(crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["BB>CC", "AA>BB"]);
    expect(countries).toEqual(["BB", "CC", "AA"]);
    expect(lengthKm).toBe(Math.round((pathLengthKm(trunk) + pathLengthKm(branch)) * 10) / 10);
  });

  it("counts no crossing on the jump from one part's end to the next part's start", () => {
    // The trunk ends in AA; the branch starts in CC: no AA>CC crossing between them.
    const { crossings, countries } = measureParts(
      [
        densifyRoute([
          [1, 0],
          [9, 0],
        ]),
        densifyRoute([
          [31, 0],
          [34, 0],
        ]),
      ],
      index(),
    );
    expect(crossings).toEqual([]);
    expect(countries).toEqual(["AA", "CC"]);
  });

  it("measures a part over the antimeridian, its longitudes unwrapped", () => {
    const part = densifyRoute([
      [179, 0],
      [-179, 0],
    ]);
    expect(part[part.length - 1]?.[0]).toBe(181);
    const { lengthKm, countries } = measureParts([part], index());
    expect(lengthKm).toBe(Math.round(greatCircleKm([179, 0], [181, 0]) * 10) / 10);
    expect(countries).toEqual([]);
  });

  it("gives for one part what computeCrossings and pathLengthKm give", () => {
    const path = densifyRoute([
      [5, 0],
      [15, 0],
      [5, 1],
    ]);
    const measured = measureParts([path], index());
    expect({ countries: measured.countries, crossings: measured.crossings }).toEqual(
      computeCrossings(path, index()),
    );
    expect(measured.lengthKm).toBe(Math.round(pathLengthKm(path) * 10) / 10);
  });
});
