import { describe, expect, it } from "vitest";
import {
  checkMapTargets,
  formatMapReport,
  type InkViewResult,
  labelsPlaced,
  type MapBaseline,
  type MapResults,
  type PlaceViewResult,
  parseLabelsMark,
} from "./cartography-report";

const inkView = (
  view: string,
  ink: number | null,
  labels: InkViewResult["labels"] = { places: 20, countries: 4, clusters: 100 },
): InkViewResult => ({
  view,
  label: view,
  viewport: { width: 1280, height: 720 },
  hash: `#ds=world-cables&${view}`,
  emptyHash: "#data=bench-map/empty.topology.json",
  ink,
  inkPixels: ink === null ? null : Math.round(ink * 1000),
  mapPixels: 1000,
  labels,
});

const placeView = (status: PlaceViewResult["status"], detail: string): PlaceViewResult => ({
  view: "nk-z5",
  label: "north-korea 5/41/127",
  hash: "#ds=north-korea&map=5/41/127",
  visible: ["Pyongyang"],
  labels: { places: 1, countries: 1, clusters: 0 },
  status,
  detail,
  missing: [],
});

const baseline = (europe: number | null): MapBaseline => ({
  date: "2026-12-05",
  build: "abc1234",
  views: { "europe-1280": { ink: europe, labels: { places: 39, countries: 3, clusters: 279 } } },
  places: {},
});

describe("parseLabelsMark", () => {
  it("reads the place, country and cluster counts of the mark's detail", () => {
    expect(parseLabelsMark({ places: 27, countries: 5, clusters: 112 })).toEqual({
      places: 27,
      countries: 5,
      clusters: 112,
    });
  });

  it("keeps the ids of the places named when the mark gives them", () => {
    expect(
      parseLabelsMark({ places: 2, countries: 0, clusters: 0, placeIds: ["a", "b"] })?.placeIds,
    ).toEqual(["a", "b"]);
    expect(parseLabelsMark({ places: 2, countries: 0, clusters: 0, placeIds: [1] })).toEqual({
      places: 2,
      countries: 0,
      clusters: 0,
    });
  });

  it("gives null for no mark, or a detail that is not three whole counts", () => {
    expect(parseLabelsMark(null)).toBeNull();
    expect(parseLabelsMark(undefined)).toBeNull();
    expect(parseLabelsMark("27")).toBeNull();
    expect(parseLabelsMark({ places: 27, countries: 5 })).toBeNull();
    expect(parseLabelsMark({ places: -1, countries: 5, clusters: 0 })).toBeNull();
    expect(parseLabelsMark({ places: 2.5, countries: 5, clusters: 0 })).toBeNull();
  });
});

describe("labelsPlaced", () => {
  it("counts place names and country names together", () => {
    expect(labelsPlaced({ places: 27, countries: 5, clusters: 112 })).toBe(32);
    expect(labelsPlaced(null)).toBeNull();
  });
});

describe("checkMapTargets", () => {
  const status = (checks: ReturnType<typeof checkMapTargets>, start: string) =>
    checks.find((c) => c.target.startsWith(start))?.status;

  it("holds the world views to 10% ink and the regional view to its baseline", () => {
    const checks = checkMapTargets(
      {
        views: [
          inkView("world-1920", 0.092),
          inkView("world-1280", 0.144),
          inkView("europe-1280", 0.12),
        ],
        places: [],
      },
      baseline(0.12),
    );
    expect(status(checks, "ink at world-1920 ≤ 10.0%")).toBe("PASS");
    expect(status(checks, "ink at world-1280 ≤ 10.0%")).toBe("FAIL");
    expect(checks.find((c) => c.target.startsWith("ink at europe-1280"))).toEqual({
      target: "ink at europe-1280 ≤ baseline (12.0%, 2026-12-05)",
      status: "PASS",
      detail: "12.0%",
    });
    expect(
      status(
        checkMapTargets({ views: [inkView("europe-1280", 0.121)], places: [] }, baseline(0.12)),
        "ink at europe-1280",
      ),
    ).toBe("FAIL");
  });

  it("counts place and country names against 60 at the large world view", () => {
    const at = (places: number, countries: number) =>
      checkMapTargets(
        { views: [inkView("world-1920", 0.05, { places, countries, clusters: 0 })], places: [] },
        baseline(null),
      ).find((c) => c.target.startsWith("names placed"));
    expect(at(55, 5)).toEqual({
      target: "names placed at world-1920 ≤ 60",
      status: "PASS",
      detail: "60 (55 places, 5 countries)",
    });
    expect(at(55, 6)?.status).toBe("FAIL");
  });

  it("marks n/a what was not measured: a failed view, no mark, no baseline", () => {
    const failed: InkViewResult = { ...inkView("world-1280", null), error: "timed out" };
    const checks = checkMapTargets(
      {
        views: [inkView("world-1920", 0.05, null), failed, inkView("europe-1280", 0.1)],
        places: [],
      },
      baseline(null),
    );
    expect(status(checks, "ink at world-1280")).toBe("n/a");
    expect(status(checks, "ink at europe-1280")).toBe("n/a");
    expect(checks.find((c) => c.target.startsWith("names placed"))).toMatchObject({
      status: "n/a",
      detail: "n/a (no uplinks:labels mark)",
    });
  });

  it("passes on each place view's verdict, and n/a for one that failed", () => {
    const failed: PlaceViewResult = { ...placeView("n/a", "x"), error: "not ready" };
    const checks = checkMapTargets(
      { views: [], places: [placeView("FAIL", "7 of 8 labelled"), failed] },
      baseline(null),
    );
    const named = checks.filter((c) => c.target.endsWith("every visible place named"));
    expect(named.map((c) => [c.status, c.detail])).toEqual([
      ["FAIL", "7 of 8 labelled"],
      ["n/a", "not measured: not ready"],
    ]);
  });
});

describe("formatMapReport", () => {
  it("has a row per view with the ink and the names beside the baseline's, then the targets", () => {
    const views = [inkView("europe-1280", 0.105)];
    const places = [placeView("PASS", "all 1 labelled")];
    const results: MapResults = {
      machine: { nproc: 2, chromium: "1", gl: "llvmpipe" },
      date: "2026-12-05T00:00:00Z",
      threshold: 24,
      views,
      places,
      targets: checkMapTargets({ views, places }, baseline(0.12)),
    };
    const text = formatMapReport(results, baseline(0.12));
    const row = text.split("\n").find((line) => line.startsWith("europe-1280"));
    expect(row?.split(/\s{2,}/)).toEqual([
      "europe-1280",
      "10.5%",
      "12.0%",
      "0.1%",
      "—",
      "20",
      "4",
      "100",
      "24",
      "42",
    ]);
    expect(text).toContain(
      "  PASS  north-korea 5/41/127: every visible place named: all 1 labelled",
    );
    expect(text).toContain("  PASS  ink at europe-1280 ≤ baseline (12.0%, 2026-12-05): 10.5%");
    expect(text).toContain("|ΔR|+|ΔG|+|ΔB| > 24");
  });
});
