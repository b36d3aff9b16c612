import { describe, expect, it } from "vitest";
import {
  antimeridiansWithin,
  containsPlanar,
  type Point,
  shiftHome,
  unroll,
  unrollPolygon,
} from "./basemap-planar";

describe("unroll", () => {
  it("runs on past 180° where a line crosses the antimeridian, instead of jumping back", () => {
    expect(
      unroll([
        [170, 0],
        [-170, 1],
        [-160, 2],
      ]),
    ).toEqual([
      [170, 0],
      [190, 1],
      [200, 2],
    ]);
  });

  it("keeps vertices exact: 180 stays 180 after many steps", () => {
    const line = Array.from({ length: 50 }, (_, i) => [i % 2 ? -179.9 : 179.9, i]);
    const last = unroll([...line, [180, 0]]).at(-1);
    expect(last?.[0]).toBe(180);
  });
});

describe("shiftHome", () => {
  it("is the whole number of turns that brings a longitude back into [-180, 180]", () => {
    expect(shiftHome(190)).toBe(-360);
    expect(shiftHome(-545)).toBe(720);
    expect(10 + shiftHome(10)).toBe(10);
  });
});

describe("antimeridiansWithin", () => {
  it("lists the antimeridians strictly between two longitudes", () => {
    expect(antimeridiansWithin(170, 190)).toEqual([180]);
    expect(antimeridiansWithin(-200, 560)).toEqual([-180, 180, 540]);
    expect(antimeridiansWithin(180, 200)).toEqual([]);
  });
});

describe("containsPlanar", () => {
  it("tells the points inside a ring from those outside", () => {
    const square: Point[] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    expect(containsPlanar(square, [5, 5])).toBe(true);
    expect(containsPlanar(square, [15, 5])).toBe(false);
  });
});

describe("unrollPolygon", () => {
  it("closes a ring that goes round the south pole along the pole, over one whole turn", () => {
    // Going east round the world at 70° S (world-atlas's winding for Antarctica).
    const ring = [-180, -90, 0, 90, 180].map((lon) => [lon, -70]);
    const [outline] = unrollPolygon([ring]);
    const lats = outline?.map(([, lat]) => lat) ?? [];
    expect(Math.min(...lats)).toBe(-90);
    expect(outline?.[0]).toEqual(outline?.at(-1));
    const lons = outline?.map(([lon]) => lon) ?? [];
    expect(Math.max(...lons) - Math.min(...lons)).toBe(360);
  });
});
