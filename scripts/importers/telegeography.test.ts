import { copyFileSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isPartsPath } from "../../src/model/path-coordinates";
import { greatCircleKm, type LonLat, MAX_SEGMENT_KM } from "../../src/model/route";
import type { Link, Topology } from "../../src/model/schema";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { importTelegeography } from "./telegeography";

const SAMPLE = join(REPO_ROOT, "data/samples/telegeography");
const sample = (overrides: { detailsDir?: string | undefined; date?: string } = {}) =>
  importTelegeography({
    snapshots: [
      {
        cablesFile: join(SAMPLE, "cable-geo.json"),
        landingPointsFile: join(SAMPLE, "landing-point-geo.json"),
        detailsDir: join(SAMPLE, "cable"),
        date: "2025-06-01",
        ...overrides,
      },
    ],
  });

const linkOf = (topology: Topology, id: string) => {
  const link = topology.links.find((l) => l.id === id);
  if (!link) throw new Error(`no link ${id}`);
  return link;
};
/** The vertices of a link of one part. */
const vertices = (link: Link) => {
  if (isPartsPath(link.path)) throw new Error(`${link.id} has several parts`);
  return link.path as LonLat[];
};

describe("importTelegeography, one snapshot", () => {
  it("keeps an antimeridian cable as one continuous path with steps of at most 50 km", async () => {
    const { topology } = await sample();
    const link = linkOf(topology, "sample-pacific-cable");
    const path = vertices(link);
    expect([link.from, link.to]).toEqual(["maruyama-japan", "makaha-hi-united-states"]);
    expect(path[0]).toEqual([139.816956, 35.037517]);
    // Unwrapped: the path runs on past 180° instead of jumping back to -180°.
    expect(path[path.length - 1]).toEqual([360 - 158.220649, 21.463439]);
    for (let i = 1; i < path.length; i++) {
      const step = greatCircleKm(path[i - 1] as LonLat, path[i] as LonLat);
      expect(step).toBeLessThanOrEqual(MAX_SEGMENT_KM);
      expect(Math.abs((path[i] as LonLat)[0] - (path[i - 1] as LonLat)[0])).toBeLessThan(10);
    }
    expect(link.countries).toEqual(["JP", "US"]);
    expect(link.lengthKm).toBeGreaterThan(6000);
  });

  it('starts an RFS of "2014 April" on April 1st and an RFS of "2019" on January 1st, saying so', async () => {
    const { topology } = await sample();
    const pacific = linkOf(topology, "sample-pacific-cable");
    expect(pacific.active).toEqual([{ from: "2014-04-01", to: null }]);
    expect(pacific.planned).toBeUndefined();
    expect(pacific.assumptions?.[0]).toContain("taken as the first of the month");
    const finland = linkOf(topology, "sample-gulf-of-finland");
    expect(finland.active).toEqual([{ from: "2019-01-01", to: null }]);
    expect(finland.assumptions?.[0]).toContain("taken as January 1st");
  });

  it("names a link as its details do and makes its owners networks, not a note", async () => {
    const { topology } = await sample();
    const pacific = linkOf(topology, "sample-pacific-cable");
    expect(pacific.name).toBe("Sample Pacific Cable (synthetic)");
    expect(pacific.networks).toEqual(["example-carrier-one", "example-carrier-two"]);
    expect(pacific.note).not.toContain("Owners");
    expect(topology.networks).toContainEqual({
      id: "example-carrier-one",
      name: "Example Carrier One",
      sources: ["telegeography-2025-06-01"],
    });
    expect(topology.networks.every((n) => n.asn === undefined)).toBe(true);
  });

  it("reads older files (slug instead of id) and finds the border a short cable crosses", async () => {
    const { topology } = await sample();
    const finland = linkOf(topology, "sample-gulf-of-finland");
    expect([finland.from, finland.to]).toEqual(["helsinki-finland", "tallinn-estonia"]);
    expect(finland.countries).toEqual(["FI", "EE"]);
    expect(finland.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["FI>EE"]);
  });

  it("shows a cable whose RFS is after the snapshot as planned from the snapshot's date to its RFS", async () => {
    const { topology, report } = await sample();
    const branch = linkOf(topology, "sample-mediterranean-branch");
    expect(branch.planned).toEqual([{ from: "2025-06-01", to: "2029-12-01" }]);
    expect(branch.active).toEqual([{ from: "2029-12-01", to: null }]);
    expect(branch.note).toMatch(
      /^Planned: ready for service expected 2029 December \(as of 2025-06-01\)\./,
    );
    expect(report.remarkCount("planned cables (RFS after the last snapshot)")).toBe(1);
  });

  it("makes a cable of three drawn lines one link of three parts between its landing points", async () => {
    const { topology } = await sample();
    const cables = topology.links.filter((l) => l.id.startsWith("sample-mediterranean-branch"));
    expect(cables).toHaveLength(1);
    const [branch] = cables as [Link];
    expect(branch.name).not.toContain("segment");
    expect([branch.from, branch.via, branch.to]).toEqual([
      "marseille-france",
      ["bizerte-tunisia"],
      "mazara-del-vallo-italy",
    ]);
    expect(isPartsPath(branch.path)).toBe(true);
    expect((branch.path as LonLat[][]).map((part) => part[0])).toEqual([
      [5.3725, 43.2936],
      [7, 39],
      [7, 39],
    ]);
    // No waypoint for the branching unit at sea: the parts need no node at their ends.
    expect(topology.nodes.filter((n) => n.kind === "waypoint")).toEqual([]);
    expect(branch.countries).toEqual(expect.arrayContaining(["FR", "TN", "IT"]));
  });

  it("keeps a cable without a details file, its ends snapped to landing points, dates unknown", async () => {
    const { topology, report } = await sample();
    const link = linkOf(topology, "sample-no-details");
    expect(link.active).toEqual([
      {
        from: "2025-06-01",
        to: null,
        note: "dates unknown: no details file for this cable; shown from 2025-06-01, the date of the import, when it is on TeleGeography's map",
      },
    ]);
    expect([link.from, link.to]).toEqual(["calais-france", "dover-united-kingdom"]);
    expect(vertices(link)[0]).toEqual([1.8587, 50.9513]);
    expect(vertices(link)).toContainEqual([1.55, 51.05]);
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

  it("cites the snapshot as a source under TeleGeography's license, which the topology carries too", async () => {
    const { topology } = await sample();
    const license = {
      spdx: "CC-BY-NC-SA-3.0",
      name: "CC BY-NC-SA 3.0",
      url: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
      attribution: "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
    };
    expect(topology.sources).toEqual([
      expect.objectContaining({
        id: "telegeography-2025-06-01",
        date: "2025-06-01",
        publisher: "TeleGeography",
        url: "https://www.submarinecablemap.com/",
        license,
      }),
    ]);
    expect(topology.license).toEqual(license);
    expect(linkOf(topology, "sample-pacific-cable").sources).toEqual(["telegeography-2025-06-01"]);
  });

  it("uses the cables file's modification date when the snapshot has no date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-tg-"));
    const cables = join(dir, "cable-geo.json");
    copyFileSync(join(SAMPLE, "cable-geo.json"), cables);
    const when = new Date("2024-02-03T12:00:00Z");
    utimesSync(cables, when, when);
    const { topology, report } = await importTelegeography({
      snapshots: [
        { cablesFile: cables, landingPointsFile: join(SAMPLE, "landing-point-geo.json") },
      ],
    });
    expect(topology.updated).toBe("2024-02-03");
    expect(report.format()).toContain("using 2024-02-03, the modification date of cable-geo.json");
  });
});

describe("importTelegeography without details", () => {
  it("makes waypoints only for drawn ends with no landing point within 25 km", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-tg-ends-"));
    const collection = (features: object[]) =>
      JSON.stringify({ type: "FeatureCollection", features });
    writeFileSync(
      join(dir, "landing-point-geo.json"),
      collection([
        {
          type: "Feature",
          properties: { slug: "far-away", name: "Far Away" },
          geometry: { type: "Point", coordinates: [40, 40] },
        },
      ]),
    );
    writeFileSync(
      join(dir, "cable-geo.json"),
      collection([
        {
          type: "Feature",
          properties: { slug: "lost-cable" },
          geometry: {
            type: "LineString",
            coordinates: [
              [-30, 0],
              [-20, 0],
            ],
          },
        },
      ]),
    );
    const { topology } = await importTelegeography({
      snapshots: [
        {
          cablesFile: join(dir, "cable-geo.json"),
          landingPointsFile: join(dir, "landing-point-geo.json"),
          date: "2020-01-01",
        },
      ],
    });
    const link = linkOf(topology, "lost-cable");
    expect([link.from, link.to]).toEqual(["lost-cable-end", "lost-cable-end-2"]);
    expect(topology.nodes.filter((n) => n.kind === "waypoint").map((n) => n.coordinates)).toEqual([
      [-30, 0],
      [-20, 0],
    ]);
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
            properties: { id: 1010, slug: "sample-old-cable" },
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
        name: "Sample Old Cable",
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
        owners: "Example Owner,  Example Holdings, Inc.",
      }),
    );
    const { topology } = await importTelegeography({
      snapshots: [
        {
          cablesFile: join(dir, "cable-geo.json"),
          landingPointsFile: join(dir, "landing-point-geo.json"),
          detailsDir: join(dir, "cable"),
          date: "2020-01-01",
        },
      ],
    });
    expect(topology.links.map((l) => [l.id, l.name, l.from, l.to, l.active[0]?.from])).toEqual([
      [
        "sample-old-cable",
        "Sample Old Cable",
        "shima-japan",
        "manchester-ca-united-states",
        "2001-09-01",
      ],
    ]);
    expect(topology.networks.map((n) => n.name)).toEqual([
      "Example Holdings, Inc.",
      "Example Owner",
    ]);
  });
});
