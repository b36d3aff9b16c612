import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { greatCircleKm, type LonLat } from "../../src/model/route";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { importOfds } from "./ofds";

const SAMPLE = join(REPO_ROOT, "data/samples/ofds");
const sample = (crossBorderOnly = false) =>
  importOfds({
    nodesFile: join(SAMPLE, "nodes.geojson"),
    spansFile: join(SAMPLE, "spans.geojson"),
    crossBorderOnly,
  });

describe("importOfds", () => {
  it("turns a span that crosses a border into a terrestrial link with its crossing", async () => {
    const { topology } = await sample();
    const link = topology.links.find((l) => l.id === "accra-lome");
    expect(link).toMatchObject({
      kind: "terrestrial",
      from: "accra",
      to: "lome",
      countries: ["GH", "TG"],
    });
    expect(link?.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["GH>TG"]);
    // The crossing lies on the Ghana–Togo border at Aflao.
    expect(greatCircleKm(link?.crossings[0]?.at as LonLat, [1.19, 6.12])).toBeLessThan(5);
    expect(link?.active).toEqual([{ from: "2019-06-15", to: null }]);
    expect(link?.path).toContainEqual([0.6, 5.95]);
  });

  it("keeps only the spans that cross a border with --cross-border-only, counting the rest", async () => {
    const { topology, report } = await sample(true);
    expect(topology.links.map((l) => l.id)).toEqual(["accra-lome", "ho-kpalime"]);
    expect(topology.nodes.map((n) => n.id)).toEqual(["accra", "ho", "kpalime", "lome"]);
    expect(report.skippedCount("spans within one country (--cross-border-only)")).toBe(2);
    expect(report.skippedCount("decommissioned spans (OFDS gives no end date)")).toBe(1);
    expect(report.skippedCount("nodes on no kept span (--cross-border-only)")).toBe(2);
  });

  it("gives nodes their country from the coordinates", async () => {
    const { topology } = await sample();
    expect(Object.fromEntries(topology.nodes.map((n) => [n.id, n.country]))).toEqual({
      accra: "GH",
      aflao: "GH",
      ho: "GH",
      kpalime: "TG",
      kumasi: "GH",
      lome: "TG",
    });
  });

  it("shows a planned span from its RFS date, and one without dates from the publication date", async () => {
    const { topology } = await sample();
    expect(topology.updated).toBe("2024-03-01");
    const planned = topology.links.find((l) => l.id === "ho-kpalime");
    expect(planned?.active).toEqual([
      { from: "2027-03-01", to: null, note: "planned (RFS 2027-03-01; status planned)" },
    ]);
    const undated = topology.links.find((l) => l.id === "kumasi-ho");
    expect(undated?.active[0]).toMatchObject({ from: "2024-03-01", to: null });
    expect(undated?.active[0]?.note).toMatch(/^dates unknown/);
  });

  it("accepts start and end given as embedded node objects, and names operators in the note", async () => {
    const { topology } = await sample();
    const link = topology.links.find((l) => l.id === "kumasi-ho");
    expect([link?.from, link?.to]).toEqual(["kumasi", "ho"]);
    expect(link?.note).toContain("Network: Sample West Africa Fibre (synthetic).");
    expect(link?.note).toContain("Physical infrastructure provider: Example FibreCo (synthetic).");
    expect(topology.networks).toEqual([]);
  });

  it("cites the network's publisher and website", async () => {
    const { topology } = await sample();
    expect(topology.sources).toEqual([
      {
        id: "ofds-sample-west-africa-fibre-synthetic",
        title:
          "Sample West Africa Fibre (synthetic) (Open Fibre Data Standard GeoJSON: nodes.geojson, spans.geojson)",
        publisher: "Example Fibre Publisher (synthetic)",
        url: "https://example.com/sample-west-africa-fibre",
        date: "2024-03-01",
      },
    ]);
  });

  it("rejects a span whose end is not a known node, naming the feature and the value", async () => {
    const spansFile = join(SAMPLE, "broken-spans.geojson");
    await expect(
      importOfds({ nodesFile: join(SAMPLE, "nodes.geojson"), spansFile }),
    ).rejects.toThrow(
      `${spansFile}: features[1].properties.end: unknown node id (not in nodes.geojson) ("9")`,
    );
  });

  it("rejects an unknown status", async () => {
    const spans = JSON.parse(readFileSync(join(SAMPLE, "spans.geojson"), "utf8"));
    spans.features[0].properties.status = "live";
    const spansFile = join(mkdtempSync(join(tmpdir(), "uplinks-ofds-")), "spans.geojson");
    writeFileSync(spansFile, JSON.stringify(spans));
    await expect(
      importOfds({ nodesFile: join(SAMPLE, "nodes.geojson"), spansFile }),
    ).rejects.toThrow(`${spansFile}: features[0].properties.status: not an OFDS status`);
  });
});
