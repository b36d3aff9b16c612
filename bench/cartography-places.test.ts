import { describe, expect, it } from "vitest";
import { mercatorPixel, type PlaceNode, placeVerdict, visiblePlaces } from "./cartography-places";

const camera = (zoom: number, lon: number, lat: number) => ({
  zoom,
  center: [lon, lat] as const,
  bearing: 0,
  pitch: 0,
});
const size = { width: 1280, height: 720 };
const place = (id: string, lon: number, lat: number, kind = "city"): PlaceNode => ({
  id,
  name: id[0]?.toUpperCase() + id.slice(1),
  kind,
  coordinates: [lon, lat],
});

describe("mercatorPixel", () => {
  it("puts the camera's centre in the middle of the map", () => {
    expect(mercatorPixel([127, 41], camera(5, 127, 41), size)).toEqual({ x: 640, y: 360 });
  });

  it("moves 512 × 2^zoom pixels for the world's width, east to the right, north up", () => {
    // At zoom 0 the world is 512 px wide: 90° is 128 px.
    const p = mercatorPixel([90, 0], camera(0, 0, 0), size);
    expect(p.x).toBeCloseTo(640 + 128);
    expect(p.y).toBeCloseTo(360);
    const north = mercatorPixel([0, 45], camera(1, 0, 0), size);
    // y of 45°N in Web Mercator: ln(tan(67.5°)) / 2π of the world (1024 px at zoom 1).
    expect(north.y).toBeCloseTo(
      360 - (Math.log(Math.tan((67.5 * Math.PI) / 180)) / (2 * Math.PI)) * 1024,
    );
  });

  it("takes the copy of the world nearest the centre across the antimeridian", () => {
    const p = mercatorPixel([-179, 0], camera(2, 179, 0), size);
    expect(p.x).toBeCloseTo(640 + (2 / 360) * 2048);
  });

  it("refuses a rotated or tilted camera", () => {
    expect(() => mercatorPixel([0, 0], { ...camera(1, 0, 0), bearing: 30 }, size)).toThrow(
      "invalid camera: bearing 30, pitch 0",
    );
  });
});

describe("visiblePlaces", () => {
  it("keeps the places in the map and outside the panels, never waypoints", () => {
    const nodes = [
      place("pyongyang", 125.75, 39.03),
      place("beijing", 116.4, 39.9),
      place("junction", 126, 40, "waypoint"),
      place("cairo", 31.2, 30),
    ];
    // At zoom 5 around 127°E, Beijing is about 480 px west of the centre: under a sidebar.
    const sidebar = { x0: 0, y0: 0, x1: 350, y1: 720 };
    const shown = visiblePlaces(nodes, camera(5, 127, 41), size, [sidebar]);
    expect(shown.map((p) => p.id)).toEqual(["pyongyang"]);
    expect(visiblePlaces(nodes, camera(5, 127, 41), size, []).map((p) => p.id)).toEqual([
      "pyongyang",
      "beijing",
    ]);
  });
});

describe("placeVerdict", () => {
  const visible = [place("khasan", 130.6, 42.4), place("tumangang", 130.6, 42.4)];

  it("says all are labelled when the page named as many places as are visible", () => {
    expect(placeVerdict(visible, 2)).toEqual({
      status: "PASS",
      detail: "all 2 labelled",
      missing: [],
    });
  });

  it("names the missing places when the mark gives the ids of those it named", () => {
    expect(placeVerdict(visible, 1, ["khasan"])).toEqual({
      status: "FAIL",
      detail: "1 of 2 labelled; missing: Tumangang",
      missing: ["Tumangang"],
    });
  });

  it("says how many are missing, and lists the visible ones, when the mark gives counts only", () => {
    expect(placeVerdict(visible, 1)).toEqual({
      status: "FAIL",
      detail: "1 of 2 labelled (the mark does not say which; visible: Khasan, Tumangang)",
      missing: null,
    });
  });

  it("is n/a without a mark", () => {
    expect(placeVerdict(visible, null).status).toBe("n/a");
  });
});
