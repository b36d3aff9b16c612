import { describe, expect, it } from "vitest";
import { coordinatesExtent, pathCoordinates, toVertices, withPackedPath } from "./path-coordinates";

describe("pathCoordinates", () => {
  it("gives a plain path as interleaved longitudes and latitudes, the same array each time", () => {
    const link = {
      path: [
        [125.7, 39],
        [124.4, 40.1],
      ] as [number, number][],
    };
    const coordinates = pathCoordinates(link);
    expect(coordinates).toBeInstanceOf(Float64Array);
    expect([...coordinates]).toEqual([125.7, 39, 124.4, 40.1]);
    expect(pathCoordinates(link)).toBe(coordinates);
  });
});

describe("withPackedPath", () => {
  it("copies a record whose path reads as vertices of the packed coordinates, fields in order", () => {
    const coordinates = new Float64Array([1, 2, 3, 4]);
    const link = withPackedPath({ id: "x", path: "q5:…", lengthKm: 3 }, coordinates);
    expect(pathCoordinates(link)).toBe(coordinates);
    expect(Object.keys(link)).toEqual(["id", "path", "lengthKm"]);
    expect(link.path).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(link.path).toBe(link.path);
    expect(JSON.parse(JSON.stringify(link))).toEqual({
      id: "x",
      path: [
        [1, 2],
        [3, 4],
      ],
      lengthKm: 3,
    });
  });

  it("spreads and compares like a plain record", () => {
    const link = withPackedPath({ id: "x", path: "" }, new Float64Array([1, 2, 3, 4]));
    expect({ ...link }).toEqual({
      id: "x",
      path: [
        [1, 2],
        [3, 4],
      ],
    });
  });

  it("lets an assignment replace the path and its coordinates", () => {
    const link = withPackedPath({ id: "x", path: "" }, new Float64Array([1, 2, 3, 4]));
    link.path = [
      [5, 6],
      [7, 8],
    ];
    expect(link.path).toEqual([
      [5, 6],
      [7, 8],
    ]);
    expect([...pathCoordinates(link)]).toEqual([5, 6, 7, 8]);
  });
});

describe("toVertices and coordinatesExtent", () => {
  it("read interleaved coordinates as vertices and as their extent", () => {
    const coordinates = [179, 10, 181, -5, 185, 2];
    expect(toVertices(coordinates)).toEqual([
      [179, 10],
      [181, -5],
      [185, 2],
    ]);
    expect(coordinatesExtent(coordinates)).toEqual([
      [179, -5],
      [185, 10],
    ]);
    expect(coordinatesExtent([])).toBeNull();
  });
});
