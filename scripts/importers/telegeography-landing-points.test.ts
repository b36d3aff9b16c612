import { describe, expect, it } from "vitest";
import type { LonLat } from "../../src/model/route";
import { trackLandingPoints } from "./telegeography-landing-points";
import type { LandingPoint, Snapshot } from "./telegeography-snapshot";

const snapshot = (date: string, points: [string, string, LonLat][]): Snapshot => ({
  date,
  landingPoints: new Map(
    points.map(([id, name, coordinates]): [string, LandingPoint] => [
      id,
      { id, name, coordinates, tbd: false },
    ]),
  ),
  cables: new Map(),
  details: new Map(),
});
const summary = (snapshots: Snapshot[]) =>
  trackLandingPoints(snapshots).points.map((p) => [p.ids, p.latest.coordinates, p.snapshots]);

describe("trackLandingPoints", () => {
  it("keeps one landing point under one id, taking its latest position", () => {
    expect(
      summary([
        snapshot("2020-01-01", [["bude", "Bude, United Kingdom", [-4.5444, 50.8282]]]),
        snapshot("2021-01-01", [["bude", "Bude, United Kingdom", [-4.5445, 50.8283]]]),
      ]),
    ).toEqual([[["bude"], [-4.5445, 50.8283], [0, 1]]]);
  });

  it("follows a point re-keyed within 1 km under the same name (ignoring case and accents)", () => {
    const identities = trackLandingPoints([
      snapshot("2020-01-01", [["cancun", "Cancun, Mexico", [-86.85, 21.16]]]),
      snapshot("2021-01-01", [["cancn-mexico", "Cancún, Mexico", [-86.853, 21.161]]]),
    ]);
    expect(identities.points).toHaveLength(1);
    expect(identities.byId.get("cancun")).toBe(identities.byId.get("cancn-mexico"));
    expect(identities.points[0]?.latest.id).toBe("cancn-mexico");
  });

  it("follows a point re-keyed when its country or state is renamed, or its spelling fixed in place", () => {
    expect(
      summary([
        snapshot("2020-01-01", [
          [
            "kwajalein-republic-of-marshall-islands",
            "Kwajalein, Republic of Marshall Islands",
            [167.73, 8.72],
          ],
          ["perth-australia", "Perth, Australia", [115.86, -31.95]],
          ["lavagulin-united-kingdom", "Lavagulin, United Kingdom", [-6.12, 55.63]],
        ]),
        snapshot("2021-01-01", [
          ["kwajalein-marshall-islands", "Kwajalein, Marshall Islands", [167.73, 8.72]],
          ["perth-wa-australia", "Perth, WA, Australia", [115.861, -31.951]],
          ["lagavulin-united-kingdom", "Lagavulin, United Kingdom", [-6.12, 55.63]],
        ]),
      ]).map(([ids]) => ids),
    ).toEqual([
      ["kwajalein-republic-of-marshall-islands", "kwajalein-marshall-islands"],
      ["perth-australia", "perth-wa-australia"],
      ["lavagulin-united-kingdom", "lagavulin-united-kingdom"],
    ]);
  });

  it("keeps apart a new id of the same place name 2 km away, or of another name 500 m away", () => {
    expect(
      summary([
        snapshot("2020-01-01", [
          ["a", "Esbjerg, Denmark", [8.45, 55.47]],
          ["b", "Houstrup, Denmark", [8.2, 55.7]],
        ]),
        snapshot("2021-01-01", [
          ["a2", "Esbjerg, Denmark", [8.48, 55.47]],
          ["b2", "Henne, Denmark", [8.2, 55.7045]],
        ]),
      ]).map(([ids]) => ids),
    ).toEqual([["a"], ["b"], ["a2"], ["b2"]]);
  });

  it("does not take a point still listed for one under a new id", () => {
    expect(
      summary([
        snapshot("2020-01-01", [["x", "Same, Place", [0, 0]]]),
        snapshot("2021-01-01", [
          ["x", "Same, Place", [0, 0]],
          ["y", "Same, Place", [0.001, 0]],
        ]),
      ]).map(([ids]) => ids),
    ).toEqual([["x"], ["y"]]);
  });
});
