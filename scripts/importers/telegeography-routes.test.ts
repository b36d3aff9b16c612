import { describe, expect, it } from "vitest";
import type { LonLat } from "../../src/model/route";
import { joinAtAntimeridian, routeParts, sameRoute, shareNear } from "./telegeography-routes";

/** A line due east along latitude `lat`, from `west` to `east`, a vertex per degree. */
const eastward = (lat: number, west: number, east: number): LonLat[] => {
  const line: LonLat[] = [];
  for (let lon = west; lon <= east; lon++) line.push([lon, lat]);
  return line;
};
/** A kilometre of latitude, in degrees. */
const KM_IN_LATITUDE = 1 / 111.195;

describe("joinAtAntimeridian", () => {
  it("joins lines that meet at ±180°, in either direction, and leaves other lines apart", () => {
    const west: LonLat[] = [
      [170, 10],
      [180, 12],
    ];
    const east: LonLat[] = [
      [-170, 14],
      [-180, 12],
    ];
    const other: LonLat[] = [
      [0, 0],
      [1, 1],
    ];
    expect(joinAtAntimeridian([west, other, east])).toEqual([
      [
        [170, 10],
        [180, 12],
        [-170, 14],
      ],
      [
        [0, 0],
        [1, 1],
      ],
    ]);
  });
});

describe("routeParts", () => {
  it("drops a line drawn as two identical positions and unwraps a joined antimeridian line", () => {
    const parts = routeParts([
      [
        [179, 0],
        [180, 0],
      ],
      [
        [-180, 0],
        [-179, 0],
      ],
      [
        [5, 5],
        [5, 5],
      ],
    ]);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.[parts[0].length - 1]).toEqual([181, 0]);
  });
});

describe("sameRoute", () => {
  it("takes a route redrawn 8 km off (a landing moved along the coast) for the same one", () => {
    const route = [eastward(40, -30, -20)];
    const redrawn = [eastward(40 + 8 * KM_IN_LATITUDE, -30, -20)];
    expect(shareNear(route, redrawn, 5)).toBe(0);
    expect(sameRoute(route, redrawn)).toBe(true);
  });

  it("does not take a route 12 km away along its whole length for the same one", () => {
    const route = [eastward(40, -30, -20)];
    expect(sameRoute(route, [eastward(40 + 12 * KM_IN_LATITUDE, -30, -20)])).toBe(false);
  });

  it("counts distance to the other route's segments, not only to its vertices", () => {
    const sparse: LonLat[][] = [
      [
        [-30, 40],
        [-20, 40],
      ],
    ];
    // Vertices a degree apart, 2 km off the sparse line, far from its two vertices.
    expect(shareNear([eastward(40 + 2 * KM_IN_LATITUDE, -30, -20)], sparse, 5)).toBe(1);
  });

  it("needs 80% both ways: a cable cut down to a part of its old route is not the old route", () => {
    const whole = [eastward(40, -30, -20)];
    const part = [eastward(40, -30, -25)];
    expect(shareNear(part, whole, 5)).toBe(1);
    expect(shareNear(whole, part, 5)).toBeCloseTo(6 / 11);
    expect(sameRoute(whole, part)).toBe(false);
    expect(sameRoute(whole, [eastward(40, -30, -21)])).toBe(true);
  });

  it("compares routes across the antimeridian, whichever way their longitudes are written", () => {
    expect(
      sameRoute([eastward(0, 175, 185)], [[...eastward(0, 175, 180), ...eastward(0, -179, -175)]]),
    ).toBe(true);
  });
});
