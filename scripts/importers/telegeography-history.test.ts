import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { LonLat } from "../../src/model/route";
import type { Topology } from "../../src/model/schema";
import {
  type FixtureCable,
  type FixturePoint,
  HISTORY_FIXTURE,
  writeSnapshots,
} from "./fixtures/telegeography-history";
import { importTelegeography } from "./telegeography";

/** The three snapshots of the fixture (see its table), written afresh for each test. */
const importHistory = (
  order: (files: ReturnType<typeof writeSnapshots>) => typeof files = (f) => f,
) =>
  importTelegeography({
    snapshots: order(writeSnapshots(mkdtempSync(join(tmpdir(), "uplinks-tg-history-")))),
  });

const linkOf = (topology: Topology, id: string) => {
  const link = topology.links.find((l) => l.id === id);
  if (!link) throw new Error(`no link ${id}`);
  return link;
};

describe("importTelegeography, several snapshots", () => {
  it("makes one link per cable history, under its newest id, citing the snapshots that list it", async () => {
    const { topology } = await importHistory();
    expect(topology.links.map((l) => l.id)).toEqual([
      "flicker-cable",
      "fresh-cable",
      "future-cable",
      "new-name-cable",
      "north-route-2",
      "old-cable",
      "parallel-cable",
      "steady-cable",
      "vapour-cable",
    ]);
    expect(linkOf(topology, "fresh-cable").sources).toEqual([
      "telegeography-2020-07-01",
      "telegeography-2021-01-01",
    ]);
    expect(topology.sources.map((s) => [s.id, s.date])).toEqual([
      ["telegeography-2020-01-01", "2020-01-01"],
      ["telegeography-2020-07-01", "2020-07-01"],
      ["telegeography-2021-01-01", "2021-01-01"],
    ]);
    expect(topology.updated).toBe("2021-01-01");
  });

  it("reads the same history whatever order the snapshots are given in", async () => {
    const inOrder = await importHistory();
    const reversed = await importHistory((files) => [...files].reverse());
    expect(reversed.topology).toEqual(inOrder.topology);
  });

  it("keeps a cable listed throughout active from its RFS, with the latest details", async () => {
    const { topology } = await importHistory();
    const steady = linkOf(topology, "steady-cable");
    expect(steady.active).toEqual([{ from: "2010-03-01", to: null }]);
    expect(steady.planned).toBeUndefined();
    expect(steady.formerNames).toBeUndefined();
    expect(steady.assumptions).toEqual([
      'Ready-for-service date given as a month ("2010 March"): taken as the first of the month, 2010-03-01.',
    ]);
  });

  it("dates a cable new to a later snapshot from its RFS, not from when it first appears", async () => {
    const { topology } = await importHistory();
    expect(linkOf(topology, "fresh-cable").active).toEqual([{ from: "2015-01-01", to: null }]);
    expect(linkOf(topology, "parallel-cable").active).toEqual([{ from: "2020-10-01", to: null }]);
  });

  it("follows a cable renamed over the same landing points: one link, newest id and name, former name kept", async () => {
    const { topology } = await importHistory();
    const link = linkOf(topology, "new-name-cable");
    expect(link.name).toBe("New Name Cable (NNC)");
    expect(link.formerNames).toEqual([{ name: "Old Name Cable", until: "2020-07-01" }]);
    expect(link.active).toEqual([{ from: "2012-01-01", to: null }]);
    expect(link.note).toContain(
      'TeleGeography listed it as "Old Name Cable" (old-name-cable) until 2020-07-01 and as "New Name Cable (NNC)" (new-name-cable) from 2021-01-01: taken as one cable renamed, since both land at the same places.',
    );
    expect(link.sources).toHaveLength(3);
    expect(topology.links.some((l) => l.id === "old-name-cable")).toBe(false);
  });

  it("follows a cable renamed along the same route though one landing point changed", async () => {
    const { topology } = await importHistory();
    const link = linkOf(topology, "north-route-2");
    expect(link.formerNames).toEqual([{ name: "North Route", until: "2020-01-01" }]);
    expect([link.from, link.to]).toEqual(["echo", "golf"]);
    expect(link.note).toContain("since most of each route runs within 10 km of the other");
    expect(topology.links.some((l) => l.id === "north-route")).toBe(false);
  });

  it("ends a cable at the first snapshot missing it, saying so, and does not take a neighbour for it", async () => {
    const { topology } = await importHistory();
    const old = linkOf(topology, "old-cable");
    expect(old.active).toEqual([{ from: "1999-01-01", to: "2021-01-01" }]);
    expect(old.assumptions).toContain(
      "Last listed on 2020-07-01; absent from 2021-01-01 (retired or removed from the map).",
    );
    // parallel-cable, new in 2021, shares only half of the route and one landing point.
    expect(linkOf(topology, "parallel-cable").formerNames).toBeUndefined();
  });

  it("never makes active a cable that went missing while still planned", async () => {
    const { topology } = await importHistory();
    const vapour = linkOf(topology, "vapour-cable");
    expect(vapour.active).toEqual([]);
    expect(vapour.planned).toEqual([{ from: "2020-01-01", to: "2020-07-01" }]);
    expect(vapour.assumptions).toContain(
      "Listed as planned until 2020-01-01; absent from 2020-07-01, before its ready-for-service date: taken as withdrawn, never in service.",
    );
  });

  it("shows a cable as planned from its first listing to its RFS, then active", async () => {
    const { topology } = await importHistory();
    const future = linkOf(topology, "future-cable");
    expect(future.planned).toEqual([{ from: "2020-01-01", to: "2020-09-01" }]);
    expect(future.active).toEqual([{ from: "2020-09-01", to: null }]);
  });

  it("keeps a cable missing from one snapshot only in service throughout, saying so", async () => {
    const { topology } = await importHistory();
    const flicker = linkOf(topology, "flicker-cable");
    expect(flicker.active).toEqual([{ from: "2001-01-01", to: null }]);
    expect(flicker.assumptions).toContain(
      "Missing from the 2020-07-01 snapshot, listed before and after: taken as a gap in the map, not a time out of service.",
    );
  });

  it("keeps one node for a landing point moved by metres or re-keyed nearby under the same name", async () => {
    const { topology } = await importHistory();
    const ids = topology.nodes.map((n) => n.id);
    expect(ids).toContain("bravo-new");
    expect(ids).not.toContain("bravo");
    const bravo = topology.nodes.find((n) => n.id === "bravo-new");
    expect(bravo?.coordinates).toEqual([-25.003, 40.001]);
    expect(bravo?.sources).toHaveLength(3);
    expect(topology.nodes.find((n) => n.id === "alpha")?.coordinates).toEqual([-30.0002, 40.0001]);
    expect(linkOf(topology, "steady-cable").to).toBe("bravo-new");
    // A point of another name 4.5 km away is another landing point; one listed once stays a node.
    expect(ids).toEqual(expect.arrayContaining(["foxtrot", "golf", "india", "juliet"]));
  });

  it("makes one network of an owner shared by two cables, named by its most frequent spelling", async () => {
    const { topology } = await importHistory();
    expect(linkOf(topology, "steady-cable").networks).toEqual(["shared-telecom", "acme-cables"]);
    expect(linkOf(topology, "fresh-cable").networks).toEqual(["shared-telecom"]);
    expect(topology.networks.find((n) => n.id === "shared-telecom")?.name).toBe("Shared Telecom");
    expect(topology.networks.map((n) => n.id)).toEqual([
      "acme-cables",
      "old-owner",
      "shared-telecom",
    ]);
  });

  it("reports per pair of snapshots how many cables were new, renamed, retired and withdrawn", async () => {
    const { report } = await importHistory();
    const text = report.format();
    expect(text).toContain(
      "cables from 2020-01-01 to 2020-07-01: 1 new, 1 renamed, 0 retired, 1 withdrawn while planned, 1 missing but listed again later, 4 kept",
    );
    expect(text).toContain(
      "cables from 2020-07-01 to 2021-01-01: 1 new, 1 renamed, 1 retired, 0 withdrawn while planned, 1 listed again after a gap, 4 kept",
    );
    expect(report.remarkCount("cables renamed (one link; the earlier names kept)")).toBe(2);
  });

  it("refuses several snapshots of which one has no date, or two the same date", async () => {
    const files = writeSnapshots(mkdtempSync(join(tmpdir(), "uplinks-tg-dates-")));
    const [a, b] = files as [(typeof files)[number], (typeof files)[number]];
    await expect(
      importTelegeography({ snapshots: [a, { ...b, date: undefined }] }),
    ).rejects.toThrow("each of several snapshots needs its date (YYYY-MM-DD)");
    await expect(importTelegeography({ snapshots: [a, { ...b, date: a.date }] })).rejects.toThrow(
      "another snapshot has the same date",
    );
  });

  it("keeps the former name of a cable renamed under its id, but not a change of case", async () => {
    const points: FixturePoint[] = [
      { id: "a", name: "A, Testland", at: [0, 0] },
      { id: "b", name: "B, Testland", at: [1, 0] },
    ];
    const cable = (name: string): FixtureCable => ({
      id: "one-id",
      name,
      rfs: "2000",
      landings: ["a", "b"],
      lines: [[points[0]?.at as LonLat, points[1]?.at as LonLat]],
    });
    const names = ["NATITUA", "Natitua", "Natitua Nord", "NATITUA NORD"];
    const snapshots = names.map((name, i) => ({
      date: `202${i}-01-01`,
      points,
      cables: [cable(name)],
    }));
    const { topology } = await importTelegeography({
      snapshots: writeSnapshots(mkdtempSync(join(tmpdir(), "uplinks-tg-names-")), snapshots),
    });
    expect(topology.links.map((l) => [l.name, l.formerNames])).toEqual([
      ["NATITUA NORD", [{ name: "NATITUA", until: "2021-01-01" }]],
    ]);
  });

  it("has a fixture whose every cable lands on points of its own snapshot", () => {
    for (const snapshot of HISTORY_FIXTURE) {
      const ids = new Set(snapshot.points.map((p) => p.id));
      for (const cable of snapshot.cables)
        for (const id of cable.landings) expect(ids).toContain(id);
    }
  });
});
