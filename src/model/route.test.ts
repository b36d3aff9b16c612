import { describe, expect, it } from "vitest";
import {
  coordinatesLengthKm,
  densifyRoute,
  greatCircleKm,
  type LonLat,
  MAX_SEGMENT_KM,
  packedPartsLengthKm,
  partsLengthKm,
  pathLengthKm,
  unwrapLongitudes,
  wrapLongitude,
} from "./route";

const PYONGYANG: LonLat = [125.75432, 39.03385];
const BEIJING: LonLat = [116.39723, 39.9075];
const VLADIVOSTOK: LonLat = [131.87353, 43.10562];
const ANCHORAGE: LonLat = [-149.90028, 61.21806];

describe("densifyRoute", () => {
  it("keeps every step within 50 km", () => {
    const path = densifyRoute([PYONGYANG, BEIJING, VLADIVOSTOK]);
    for (let i = 1; i < path.length; i++) {
      expect(greatCircleKm(path[i - 1] as LonLat, path[i] as LonLat)).toBeLessThanOrEqual(
        MAX_SEGMENT_KM,
      );
    }
  });

  it("keeps the endpoints and waypoints as exact vertices", () => {
    const path = densifyRoute([PYONGYANG, BEIJING, VLADIVOSTOK]);
    expect(path[0]).toEqual(PYONGYANG);
    expect(path).toContainEqual(BEIJING);
    expect(path[path.length - 1]).toEqual(VLADIVOSTOK);
  });

  it("measures the same length as the great circles between its waypoints", () => {
    const path = densifyRoute([PYONGYANG, BEIJING, VLADIVOSTOK]);
    const direct = greatCircleKm(PYONGYANG, BEIJING) + greatCircleKm(BEIJING, VLADIVOSTOK);
    expect(pathLengthKm(path)).toBeCloseTo(direct, 0);
  });

  it("runs over the antimeridian without jumping across the map", () => {
    const path = densifyRoute([VLADIVOSTOK, ANCHORAGE]);
    for (let i = 1; i < path.length; i++) {
      expect(Math.abs((path[i] as LonLat)[0] - (path[i - 1] as LonLat)[0])).toBeLessThan(5);
    }
    expect(path[path.length - 1]?.[0]).toBeCloseTo(ANCHORAGE[0] + 360, 6);
  });

  it("returns no vertex for no waypoint and the point itself for one", () => {
    expect(densifyRoute([])).toEqual([]);
    expect(densifyRoute([PYONGYANG])).toEqual([PYONGYANG]);
  });
});

describe("wrapLongitude", () => {
  it("moves a longitude by whole turns into [-180, 180), and leaves one there as it is", () => {
    expect([0, -180, 179.5, 1e-20].map(wrapLongitude)).toEqual([0, -180, 179.5, 1e-20]);
    expect([180, 190, 540, -190, -540, 725].map(wrapLongitude)).toEqual([
      -180, -170, -180, 170, -180, 5,
    ]);
  });
});

describe("unwrapLongitudes", () => {
  it("shifts each longitude to within 180° of the previous one", () => {
    expect(
      unwrapLongitudes([
        [179, 0],
        [-179, 0],
        [-170, 1],
      ]),
    ).toEqual([
      [179, 0],
      [181, 0],
      [190, 1],
    ]);
  });
});

describe("coordinatesLengthKm", () => {
  it("is the length along great circles of interleaved coordinates, as pathLengthKm gives it", () => {
    const path = densifyRoute([PYONGYANG, BEIJING, VLADIVOSTOK, ANCHORAGE]);
    const coordinates = new Float64Array(path.flat());
    expect(coordinatesLengthKm(coordinates)).toBeCloseTo(pathLengthKm(path), 6);
    expect(coordinatesLengthKm(new Float64Array([...PYONGYANG, ...BEIJING]))).toBeCloseTo(
      greatCircleKm(PYONGYANG, BEIJING),
      9,
    );
  });

  it("is 0 for a single vertex or none", () => {
    expect(coordinatesLengthKm(new Float64Array(PYONGYANG))).toBe(0);
    expect(coordinatesLengthKm(new Float64Array(0))).toBe(0);
  });
});

describe("the length of a path of several parts", () => {
  it("is the sum of its parts' lengths, not counting the jump from one part to the next", () => {
    const trunk = densifyRoute([PYONGYANG, BEIJING]);
    const branch = densifyRoute([VLADIVOSTOK, ANCHORAGE]);
    const sum = pathLengthKm(trunk) + pathLengthKm(branch);
    expect(partsLengthKm([trunk, branch])).toBeCloseTo(sum, 9);
    expect(partsLengthKm([trunk, branch])).toBeLessThan(pathLengthKm([...trunk, ...branch]) - 500);
    const coordinates = new Float64Array([...trunk.flat(), ...branch.flat()]);
    expect(packedPartsLengthKm(coordinates, [0, trunk.length])).toBeCloseTo(sum, 6);
  });

  it("measures over the antimeridian in a part whose longitudes run past 180", () => {
    const part: LonLat[] = [
      [179.5, 0],
      [180.5, 0],
    ];
    expect(partsLengthKm([part])).toBeCloseTo(greatCircleKm([179.5, 0], [-179.5, 0]), 9);
  });

  it("is the length of the whole path for one part, with or without starts", () => {
    const path = densifyRoute([PYONGYANG, BEIJING, VLADIVOSTOK]);
    const coordinates = new Float64Array(path.flat());
    expect(packedPartsLengthKm(coordinates)).toBe(coordinatesLengthKm(coordinates));
    expect(packedPartsLengthKm(coordinates, [0])).toBe(coordinatesLengthKm(coordinates));
    expect(coordinatesLengthKm(coordinates, 1, 3)).toBeCloseTo(pathLengthKm(path.slice(1, 3)), 6);
  });
});
