import { describe, expect, it } from "vitest";
import { readHash } from "./hash-params";

describe("readHash", () => {
  it("reads dataset, date, selection, animation, theme and projection", () => {
    expect(
      readHash("#ds=cuba&t=2013-01-14&sel=link:alba-1&anim=0&theme=light&proj=globe").view,
    ).toEqual({
      dataset: "cuba",
      date: "2013-01-14",
      selection: { kind: "link", id: "alba-1" },
      animate: false,
      theme: "light",
      projection: "globe",
    });
  });

  it("reads the camera in MapLibre's order, zoom/lat/lon[/bearing/pitch]", () => {
    expect(readHash("#map=5.5/41.2/128.6").view.camera).toEqual({
      zoom: 5.5,
      center: [128.6, 41.2],
      bearing: 0,
      pitch: 0,
    });
    expect(readHash("#map=3/10/-20/45/30").view.camera).toEqual({
      zoom: 3,
      center: [-20, 10],
      bearing: 45,
      pitch: 30,
    });
    for (const bad of ["5/91/0", "5/0/181", "x/1/2", "5/1", "30/0/0", "5/0/0/0/90", "5/1e3/0"]) {
      expect(readHash(`#map=${bad}`).view.camera, bad).toBeUndefined();
    }
  });

  it("ignores a bad parameter, naming it, and keeps the rest", () => {
    const { view, problems } = readHash("#t=2017-02-30&sel=link:ttk-khasan&anim=maybe");
    expect(view).toEqual({ selection: { kind: "link", id: "ttk-khasan" } });
    expect(problems).toEqual([
      "t=2017-02-30: not a date (YYYY-MM-DD)",
      "anim=maybe: expected 0 or 1",
    ]);
  });
});
