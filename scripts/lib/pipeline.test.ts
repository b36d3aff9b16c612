import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCatalog, parseTopology } from "../../src/model/parse-topology";
import { greatCircleKm, type LonLat, MAX_SEGMENT_KM } from "../../src/model/route";
import type { Topology } from "../../src/model/schema";
import { stampFileName } from "./build-imported";
import { buildTopology } from "./build-topology";
import { REPO_ROOT, runScript } from "./cli.test-helper";
import { parseDatasetSource } from "./load-dataset";
import { BOUNDARIES_NOTE, naturalEarthIndex } from "./natural-earth";
import { type BuildOutput, buildAll, DEFAULT_DATASET, STAMPS_DIR } from "./pipeline";

let output: BuildOutput;
let all: Topology[];
/** The curated datasets: routed by the pipeline through their waypoints (not imported). */
let topologies: Topology[];

// An imported dataset whose inputs changed since the last `npm run build:data` is imported again.
beforeAll(async () => {
  output = await buildAll(join(REPO_ROOT, "data/datasets"));
  all = [...output]
    .filter(([file]) => file.endsWith(".topology.json"))
    .map(([file, text]) => parseTopology(JSON.parse(text), file));
  topologies = all.filter((t) => !output.has(stampFileName(STAMPS_DIR, t.id)));
}, 300_000);

const linkOf = (datasetId: string, linkId: string) => {
  const link = topologies.find((t) => t.id === datasetId)?.links.find((l) => l.id === linkId);
  if (!link) throw new Error(`no link ${datasetId}/${linkId}`);
  return link;
};

describe("the data pipeline", () => {
  it("routes every link with steps of at most 50 km, through its waypoints as exact vertices", () => {
    for (const topology of topologies) {
      const coordinates = new Map(topology.nodes.map((n) => [n.id, n.coordinates]));
      for (const link of topology.links) {
        for (let i = 1; i < link.path.length; i++) {
          expect(
            greatCircleKm(link.path[i - 1] as LonLat, link.path[i] as LonLat),
          ).toBeLessThanOrEqual(MAX_SEGMENT_KM);
        }
        for (const id of [link.from, ...(link.via ?? []), link.to]) {
          const [lon, lat] = coordinates.get(id) as LonLat;
          // Path longitudes may be unwrapped by whole turns; the vertex is otherwise exact.
          // Curated links are routed through their waypoints: one part each.
          const passes = (link.path as LonLat[]).some(
            ([x, y]) => y === lat && (x === lon || Math.abs(Math.abs(x - lon) - 360) < 1e-9),
          );
          expect(passes, `${link.id} passes ${id}`).toBe(true);
        }
      }
    }
  });

  it("gives each link a length within 1% of the great circles between its waypoints", () => {
    for (const topology of topologies) {
      const coordinates = new Map(topology.nodes.map((n) => [n.id, n.coordinates as LonLat]));
      for (const link of topology.links) {
        const stops = [link.from, ...(link.via ?? []), link.to].map(
          (id) => coordinates.get(id) as LonLat,
        );
        let expected = 0;
        for (let i = 1; i < stops.length; i++)
          expected += greatCircleKm(stops[i - 1] as LonLat, stops[i] as LonLat);
        expect(Math.abs(link.lengthKm - expected) / expected, link.id).toBeLessThan(0.01);
      }
    }
  });

  it("finds the China Unicom link crossing from KP into CN at the Sinuiju–Dandong bridge", () => {
    const link = linkOf("north-korea", "unicom-sinuiju-dandong");
    expect(link.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["KP>CN"]);
    expect(greatCircleKm(link.crossings[0]?.at as LonLat, [124.396, 40.115])).toBeLessThan(15);
    expect(link.countries).toEqual(["KP", "CN"]);
  });

  it("finds the TransTeleCom link crossing from KP into RU at the Tumen river bridge", () => {
    const link = linkOf("north-korea", "ttk-khasan");
    expect(link.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["KP>RU"]);
    expect(greatCircleKm(link.crossings[0]?.at as LonLat, [130.63, 42.42])).toBeLessThan(15);
    expect(link.countries).toEqual(["KP", "RU"]);
  });

  it("finds no crossing on a link that stays inside one country", () => {
    const source = parseDatasetSource(
      `id: domestic
title: Domestic
description: One link inside North Korea
updated: 2020-01-01
sources: [{ id: s, title: S }]
networks: []
nodes:
  - { id: pyongyang, name: Pyongyang, kind: city, coordinates: [125.75432, 39.03385], sources: [s] }
  - { id: sinuiju, name: Sinuiju, kind: city, coordinates: [124.39806, 40.10056], sources: [s] }
links:
  - { id: l, name: L, kind: terrestrial, from: pyongyang, to: sinuiju, active: [{ from: 2010-01-01, to: null }], sources: [s] }
events: []
stories: []
`,
      "domestic.yaml",
    );
    const [link] = buildTopology(source, naturalEarthIndex(), BOUNDARIES_NOTE).links;
    expect(link?.crossings).toEqual([]);
    expect(link?.countries).toEqual(["KP"]);
  });

  it("sorts networks by AS number, then those without one by id; keeps the license; counts planned dates", () => {
    const source = parseDatasetSource(
      `id: owners
title: Owners
description: A cable and its owners
updated: 2020-01-01
license: { spdx: CC-BY-4.0, name: CC BY 4.0 }
sources: [{ id: s, title: S }]
networks:
  - { id: orange, name: Orange }
  - { asn: 20485, name: TransTeleCom }
  - { id: google, name: Google }
  - { id: ttk, asn: 4837, name: Unicom }
nodes:
  - { id: pyongyang, name: Pyongyang, kind: city, coordinates: [125.75432, 39.03385], sources: [s] }
  - { id: sinuiju, name: Sinuiju, kind: city, coordinates: [124.39806, 40.10056], sources: [s] }
links:
  - { id: l, name: L, kind: submarine, from: pyongyang, to: sinuiju, networks: [orange, 20485], active: [], planned: [{ from: 2005-01-01, to: 2006-01-01 }], sources: [s] }
events: []
stories: []
`,
      "owners.yaml",
    );
    const topology = buildTopology(source, naturalEarthIndex(), BOUNDARIES_NOTE);
    expect(topology.networks.map((n) => n.id ?? n.asn)).toEqual(["ttk", 20485, "google", "orange"]);
    expect(topology.timeRange).toEqual(["2005-01-01", "2020-01-01"]);
    expect(topology.license).toEqual({ spdx: "CC-BY-4.0", name: "CC BY 4.0" });
    expect(parseTopology(topology).links[0]?.networks).toEqual(["orange", 20485]);
  });

  it("is deterministic: two builds give identical bytes", async () => {
    const again = await buildAll(join(REPO_ROOT, "data/datasets"));
    expect([...again.keys()]).toEqual([...output.keys()]);
    for (const [file, text] of output) expect(again.get(file), file).toBe(text);
  });

  it("builds world-cables from the snapshots, listed with its license but not the default", () => {
    const catalog = parseCatalog(JSON.parse(output.get("public/data/index.json") ?? ""));
    const entry = catalog.datasets.find((d) => d.id === "world-cables");
    const topology = all.find((t) => t.id === "world-cables");
    expect(catalog.default).toBe(DEFAULT_DATASET);
    expect(entry?.title).toBe("World submarine cables, 1989–2021");
    expect(entry?.updated).toBe("2021-06-29");
    expect(entry?.license?.attribution).toBe(
      "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
    );
    expect(entry?.license).toEqual(topology?.license);
    expect(topology?.timeRange[0].slice(0, 4)).toBe("1989");
    expect(topology?.stories[0]?.steps.length).toBeGreaterThanOrEqual(4);
    expect(topology?.stories[0]?.steps.length).toBeLessThanOrEqual(6);
    // Written compact: the link table with compact paths.
    const doc = JSON.parse(output.get("public/data/world-cables.topology.json") ?? "");
    expect(doc.linkTable.id.length).toBeGreaterThan(400);
  });

  it("has written the files in public/ that it would write now (schema and data are up to date)", () => {
    for (const [file, text] of output) {
      expect(
        readFileSync(join(REPO_ROOT, file), "utf8"),
        `${file} is stale: run npm run build:data`,
      ).toBe(text);
    }
  });
});

describe("npm run build:data", () => {
  it("fails on a typo in a node id, naming the file and the id, and writes nothing", () => {
    const dir = mkdtempSync(join(tmpdir(), "uplinks-build-"));
    mkdirSync(join(dir, "data/datasets"), { recursive: true });
    const good = readFileSync(join(REPO_ROOT, "data/datasets/north-korea.yaml"), "utf8");
    writeFileSync(
      join(dir, "data/datasets/north-korea.yaml"),
      good.replace("to: vladivostok", "to: vladivostk"),
    );
    const { status, stderr } = runScript("build-data.ts", [], dir);
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /data\/datasets\/north-korea\.yaml:\d+: links\[\d\]\.to: unknown node id \("vladivostk"\)/,
    );
    expect(stderr).toContain("nothing was written");
    expect(existsSync(join(dir, "public"))).toBe(false);
  });
});
