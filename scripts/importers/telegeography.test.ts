import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { greatCircleKm, type LonLat, MAX_SEGMENT_KM } from "../../src/model/route";
import type { Topology } from "../../src/model/schema";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { importTelegeography, joinAtAntimeridian } from "./telegeography";

const SAMPLE = join(REPO_ROOT, "data/samples/telegeography");
const sample = (overrides: { detailsDir?: string | undefined; updated?: string } = {}) =>
  importTelegeography({
    cablesFile: join(SAMPLE, "cable-geo.json"),
    landingPointsFile: join(SAMPLE, "landing-point-geo.json"),
    detailsDir: join(SAMPLE, "cable"),
    updated: "2025-06-01",
    ...overrides,
  });

const linkOf = (topology: Topology, id: string) => {
  const link = topology.links.find((l) => l.id === id);
  if (!link) throw new Error(`no link ${id}`);
  return link;
};

describe("importTelegeography", () => {
  it("keeps an antimeridian cable as one continuous path with steps of at most 50 km", async () => {
    const { topology } = await sample();
    const link = linkOf(topology, "sample-pacific-cable");
    expect([link.from, link.to]).toEqual(["maruyama-japan", "makaha-hi-united-states"]);
    expect(link.path[0]).toEqual([139.816956, 35.037517]);
    // Unwrapped: the path runs on past 180° instead of jumping back to -180°.
    expect(link.path[link.path.length - 1]).toEqual([360 - 158.220649, 21.463439]);
    for (let i = 1; i < link.path.length; i++) {
      const step = greatCircleKm(link.path[i - 1] as LonLat, link.path[i] as LonLat);
      expect(step).toBeLessThanOrEqual(MAX_SEGMENT_KM);
      expect(Math.abs((link.path[i] as LonLat)[0] - (link.path[i - 1] as LonLat)[0])).toBeLessThan(
        10,
      );
    }
    expect(link.countries).toEqual(["JP", "US"]);
    expect(link.lengthKm).toBeGreaterThan(6000);
  });

  it('starts an RFS of "2014 April" on April 1st and an RFS of "2019" on January 1st, saying so', async () => {
    const { topology } = await sample();
    const pacific = linkOf(topology, "sample-pacific-cable");
    expect(pacific.active).toEqual([{ from: "2014-04-01", to: null }]);
    expect(pacific.assumptions?.[0]).toContain("taken as the first of the month");
    const finland = linkOf(topology, "sample-gulf-of-finland");
    expect(finland.active).toEqual([{ from: "2019-01-01", to: null }]);
    expect(finland.assumptions?.[0]).toContain("taken as January 1st");
  });

  it("names the owners in the note, since owners have no AS number for networks", async () => {
    const { topology } = await sample();
    expect(linkOf(topology, "sample-pacific-cable").note).toContain(
      "Owners: Example Carrier One, Example Carrier Two.",
    );
    expect(topology.networks).toEqual([]);
  });

  it("reads older files (slug instead of id) and finds the border a short cable crosses", async () => {
    const { topology } = await sample();
    const finland = linkOf(topology, "sample-gulf-of-finland");
    expect([finland.from, finland.to]).toEqual(["helsinki-finland", "tallinn-estonia"]);
    expect(finland.countries).toEqual(["FI", "EE"]);
    expect(finland.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["FI>EE"]);
  });

  it("shows a cable whose RFS is after --updated as planned from its RFS", async () => {
    const { topology, report } = await sample();
    const branch = linkOf(topology, "sample-mediterranean-branch-s2");
    expect(branch.active).toEqual([
      { from: "2029-12-01", to: null, note: "planned (RFS 2029 December)" },
    ]);
    expect(branch.note).toMatch(/^Planned: ready for service expected 2029 December/);
    expect(report.remarkCount("planned cables (RFS after --updated)")).toBe(1);
  });

  it("keeps the segments of a MultiLineString as separate links meeting at a junction waypoint", async () => {
    const { topology } = await sample();
    const segments = topology.links.filter((l) => l.id.startsWith("sample-mediterranean-branch"));
    expect(segments.map((l) => [l.id, l.from, l.to])).toEqual([
      [
        "sample-mediterranean-branch-s1",
        "marseille-france",
        "sample-mediterranean-branch-junction-1",
      ],
      [
        "sample-mediterranean-branch-s2",
        "sample-mediterranean-branch-junction-1",
        "bizerte-tunisia",
      ],
      [
        "sample-mediterranean-branch-s3",
        "sample-mediterranean-branch-junction-1",
        "mazara-del-vallo-italy",
      ],
    ]);
    const junction = topology.nodes.find((n) => n.id === "sample-mediterranean-branch-junction-1");
    expect(junction).toMatchObject({ kind: "waypoint", coordinates: [7, 39] });
    expect(junction?.country).toBeUndefined();
  });

  it("keeps a cable without a details file, its geometry intact, with dates unknown from --updated", async () => {
    const { topology, report } = await sample();
    const link = linkOf(topology, "sample-no-details");
    expect(link.active).toEqual([
      {
        from: "2025-06-01",
        to: null,
        note: "dates unknown: no details file for this cable; shown from 2025-06-01, the date of the import, when it is on TeleGeography's map",
      },
    ]);
    expect(link.path[0]).toEqual([1.8587, 50.9513]);
    expect(link.path).toContainEqual([1.55, 51.05]);
    expect(link.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["FR>GB"]);
    expect(report.remarkCount("cables without a details file (dates unknown)")).toBe(1);
  });

  it("keeps a cable whose RFS it cannot read, with dates unknown, and reports it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-tg-rfs-"));
    writeFileSync(
      join(dir, "sample-no-details.json"),
      JSON.stringify({ rfs: "soon", owners: "X" }),
    );
    const { topology, report } = await sample({ detailsDir: dir });
    const link = linkOf(topology, "sample-no-details");
    expect(link.active[0]?.from).toBe("2025-06-01");
    expect(link.active[0]?.note).toContain(
      'its ready-for-service date "soon" is not a date this importer reads',
    );
    expect(report.format()).toContain(
      'cables whose RFS is not a date read here (dates unknown) (e.g. sample-no-details: "soon")',
    );
  });

  it("treats every cable as dates unknown when no details directory is given", async () => {
    const { topology } = await sample({ detailsDir: undefined });
    for (const link of topology.links) expect(link.active[0]?.note).toMatch(/^dates unknown/);
  });

  it("gives landing points their country, from the details or the name, and flags TBD ones", async () => {
    const { topology } = await sample();
    const country = Object.fromEntries(topology.nodes.map((n) => [n.id, n.country]));
    expect(country).toMatchObject({
      "makaha-hi-united-states": "US",
      "maruyama-japan": "JP",
      "tallinn-estonia": "EE",
      "bizerte-tunisia": "TN",
      "dover-united-kingdom": "GB",
    });
    const mazara = topology.nodes.find((n) => n.id === "mazara-del-vallo-italy");
    expect(mazara?.note).toContain("TBD");
  });

  it("uses the cables file's modification date when --updated is not given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-tg-"));
    const cables = join(dir, "cable-geo.json");
    copyFileSync(join(SAMPLE, "cable-geo.json"), cables);
    const when = new Date("2024-02-03T12:00:00Z");
    utimesSync(cables, when, when);
    const { topology, report } = await importTelegeography({
      cablesFile: cables,
      landingPointsFile: join(SAMPLE, "landing-point-geo.json"),
    });
    expect(topology.updated).toBe("2024-02-03");
    expect(report.format()).toContain("using 2024-02-03, the modification date of cable-geo.json");
  });
});

describe("importTelegeography with older files", () => {
  it("matches landing points by slug when the files also carry numeric ids", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-tg-old-"));
    const point = (id: number, slug: string, name: string, coordinates: LonLat) => ({
      type: "Feature",
      properties: { id, slug, name },
      geometry: { type: "Point", coordinates },
    });
    writeFileSync(
      join(dir, "landing-point-geo.json"),
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          point(5883, "shima-japan", "Shima, Japan", [136.87438, 34.336834]),
          point(
            3687,
            "manchester-ca-united-states",
            "Manchester, CA, United States",
            [-123.686946, 38.969205],
          ),
        ],
      }),
    );
    writeFileSync(
      join(dir, "cable-geo.json"),
      JSON.stringify({
        type: "FeatureCollection",
        features: [
          {
            type: "Feature",
            properties: {
              id: 1010,
              slug: "sample-old-cable",
              name: "Sample Old Cable (synthetic)",
            },
            geometry: {
              type: "MultiLineString",
              coordinates: [
                [
                  [136.87438, 34.336834],
                  [160, 40],
                  [180, 42],
                ],
                [
                  [-180, 42],
                  [-123.686946, 38.969205],
                ],
              ],
            },
          },
        ],
      }),
    );
    mkdirSync(join(dir, "cable"));
    writeFileSync(
      join(dir, "cable", "sample-old-cable.json"),
      JSON.stringify({
        id: "sample-old-cable",
        landing_points: [
          {
            landing_point_id: 5883,
            id: "shima-japan",
            name: "Shima, Japan",
            latlon: "34.336834,136.874380",
          },
          {
            landing_point_id: 3687,
            id: "manchester-ca-united-states",
            name: "Manchester, CA, United States",
          },
        ],
        rfs: "2001 September",
        owners: "Example Owner",
      }),
    );
    const { topology } = await importTelegeography({
      cablesFile: join(dir, "cable-geo.json"),
      landingPointsFile: join(dir, "landing-point-geo.json"),
      detailsDir: join(dir, "cable"),
      updated: "2020-01-01",
    });
    expect(topology.links.map((l) => [l.id, l.from, l.to, l.active[0]?.from])).toEqual([
      ["sample-old-cable", "shima-japan", "manchester-ca-united-states", "2001-09-01"],
    ]);
  });
});

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
