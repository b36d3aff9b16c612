import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { importCsv } from "./csv";

const HEADER =
  "from_name,from_lon,from_lat,to_name,to_lon,to_lat,kind,start,end,network,source_url";
const tempCsv = (...rows: string[]) => {
  const file = join(mkdtempSync(join(tmpdir(), "uplinks-csv-")), "links.csv");
  writeFileSync(file, `${[HEADER, ...rows].join("\n")}\n`);
  return file;
};
const SINUIJU_DANDONG =
  "Sinuiju,124.39806,40.10056,Dandong,124.39472,40.12917,terrestrial,2010-11-18,,AS4837 China Unicom,https://example.com/a";

describe("importCsv", () => {
  it("imports the sample: links across borders with networks, crossings and cited pages", async () => {
    const { topology } = await importCsv({ file: join(REPO_ROOT, "data/samples/csv/links.csv") });
    const unicom = topology.links.find((l) => l.id === "sinuiju-dandong");
    expect(unicom).toMatchObject({
      name: "Sinuiju – Dandong (China Unicom)",
      kind: "terrestrial",
      networks: [4837],
      active: [{ from: "2010-11-18", to: null }],
      countries: ["KP", "CN"],
      sources: ["research-dyn-com-2014-12-who-disconnected-north-korea"],
    });
    expect(unicom?.crossings.map((c) => `${c.from}>${c.to}`)).toEqual(["KP>CN"]);
    expect(topology.networks.map((n) => [n.asn, n.name])).toEqual([
      [4837, "China Unicom"],
      [20485, "TransTeleCom"],
    ]);
    expect(topology.updated).toBe("2018-03-01");
  });

  it("merges rows of the same link into intervals, reading partial dates and quoted names", async () => {
    const { topology } = await importCsv({ file: join(REPO_ROOT, "data/samples/csv/links.csv") });
    const link = topology.links.find((l) => l.from === "example-town-north-synthetic");
    expect(link?.name).toBe(
      "Example Town, North (synthetic) – Example Town South (synthetic) (Example Radio Co (synthetic))",
    );
    expect(link?.active).toEqual([
      { from: "2015-01-01", to: "2016-06-01" },
      { from: "2018-03-01", to: null },
    ]);
    expect(link?.assumptions).toHaveLength(2);
    expect(link?.note).toBe("Network: Example Radio Co (synthetic) (no AS number given).");
    expect(link?.networks).toBeUndefined();
  });

  it("reports a coordinate off the globe with its file, line, column and value", async () => {
    const file = join(REPO_ROOT, "data/samples/csv/broken.csv");
    await expect(importCsv({ file })).rejects.toThrow(
      `${file}:3: from_lat: latitude is off the globe (-90…90) ("91.5")`,
    );
  });

  it("reports every bad row at once", async () => {
    const file = tempCsv(
      "A,1,1,B,2,2,fibre,2010-01-01,,,https://example.com/x",
      "A,1,1,B,2,2,terrestrial,2010-02-30,,,https://example.com/x",
      "A,1,1,B,2,2,terrestrial,2010-01-01,,,ftp://example.com/x",
    );
    await expect(importCsv({ file })).rejects.toThrow(
      [
        `${file}:2: kind: not a link kind (terrestrial, submarine, satellite, microwave, peering) ("fibre")`,
        `${file}:3: start: not a date (expected YYYY-MM-DD, YYYY-MM or YYYY) ("2010-02-30")`,
        `${file}:4: source_url: not an http(s) URL ("ftp://example.com/x")`,
      ].join("\n"),
    );
  });

  it("rejects one name at two places, and overlapping periods of one link", async () => {
    const twoPlaces = tempCsv(SINUIJU_DANDONG, SINUIJU_DANDONG.replace("124.39806", "124.5"));
    await expect(importCsv({ file: twoPlaces })).rejects.toThrow(
      `${twoPlaces}:3: from_lon: "Sinuiju" is at [124.39806, 40.10056] on line 2; one name, one place ("124.5,40.10056")`,
    );
    const overlap = tempCsv(SINUIJU_DANDONG, SINUIJU_DANDONG.replace("2010-11-18", "2012-01-01"));
    await expect(importCsv({ file: overlap })).rejects.toThrow(
      `${overlap}:3: start: overlaps the period on line 2 (2010-11-18 to still active) of the same link ("2012-01-01")`,
    );
  });

  it("rejects a header with a missing or unknown column", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "uplinks-csv-")), "bad-header.csv");
    writeFileSync(file, `${HEADER.replace("source_url", "url")}\n`);
    await expect(importCsv({ file })).rejects.toThrow(`${file}:1: missing column "source_url"`);
  });
});
