import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { greatCircleKm, type LonLat } from "../../src/model/route";
import type { Topology } from "../../src/model/schema";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { importCaidaAsRel, parseRelationshipLine, snapshotDate } from "./caida-asrel";

const SAMPLE = join(REPO_ROOT, "data/samples/caida");
const SNAPSHOTS = [
  // Given out of order on purpose: snapshots are ordered by the dates in their names.
  "20180101.as-rel2.txt.bz2",
  "20110101.as-rel.txt",
  "20150101.as-rel2.txt",
  "20130101.as-rel.txt.gz",
].map((name) => join(SAMPLE, name));
const AS2ORG = join(SAMPLE, "20180101.as-org2info.txt");

const intervalsOf = (topology: Topology) =>
  Object.fromEntries(topology.links.map((l) => [l.id, l.active.map((a) => [a.from, a.to])]));

const tempDir = () => mkdtempSync(join(tmpdir(), "uplinks-caida-"));

describe("importCaidaAsRel", () => {
  it("shows North Korea's upstreams over time: China Unicom from 2011, Intelsat 2013–2015, TransTeleCom from 2018", async () => {
    const { topology } = await importCaidaAsRel({
      snapshots: SNAPSHOTS,
      as2org: AS2ORG,
      countries: ["KP"],
    });
    expect(intervalsOf(topology)).toEqual({
      "as4837-as131279": [["2011-01-01", null]],
      "as22351-as131279": [["2013-01-01", "2015-01-01"]],
      "as20485-as131279": [["2018-01-01", null]],
    });
    const unicom = topology.links.find((l) => l.id === "as4837-as131279");
    expect(unicom).toMatchObject({
      kind: "peering",
      from: "as4837",
      to: "as131279",
      networks: [4837, 131279],
      countries: ["CN", "KP"],
      crossings: [],
    });
    expect(unicom?.note).toBe(
      "BGP relationship inferred by CAIDA: AS4837 is a provider (upstream) of AS131279.",
    );
    expect(topology.nodes.map((n) => [n.id, n.country])).toEqual([
      ["as131279", "KP"],
      ["as20485", "RU"],
      ["as22351", "US"],
      ["as4837", "CN"],
    ]);
  });

  it("ends an interval at the snapshot a relationship is missing from, and opens another when it returns", async () => {
    const { topology } = await importCaidaAsRel({ snapshots: SNAPSHOTS, as2org: AS2ORG });
    const peers = topology.links.find((l) => l.id === "as64496-as64500");
    expect(peers?.active).toEqual([
      {
        from: "2011-01-01",
        to: "2013-01-01",
        note: "seen in the 2011-01-01 snapshot (peers); absent from the 2013-01-01 snapshot",
      },
      {
        from: "2015-01-01",
        to: null,
        note: "seen in 2 consecutive snapshots, 2015-01-01 to 2018-01-01 (peers); still in the latest snapshot",
      },
    ]);
    expect(peers?.name).toContain("⇄");
  });

  it("reads serial-1 and serial-2 lines, plain, gzipped and bzip2ped, and counts comments and every skip", async () => {
    const { report } = await importCaidaAsRel({ snapshots: SNAPSHOTS, as2org: AS2ORG });
    expect(report.readCount("snapshot files")).toBe(4);
    expect(report.readCount("comment lines")).toBe(8);
    expect(report.readCount("relationship lines")).toBe(13);
    expect(report.skippedCount("relationship lines inside one country (not cross-border)")).toBe(2);
    expect(report.skippedCount("relationship lines with an AS of unknown country")).toBe(1);
    expect(
      report.skippedCount(
        "relationship lines with an AS whose country code has no Natural Earth boundary",
      ),
    ).toBe(1);
    expect(report.importedCount("links (relationships)")).toBe(4);
    expect(report.format()).toContain("(e.g. AS64511)");
  });

  it("dates the topology by the latest snapshot and cites CAIDA for every record", async () => {
    const { topology } = await importCaidaAsRel({ snapshots: SNAPSHOTS, as2org: AS2ORG });
    expect(topology.updated).toBe("2018-01-01");
    expect(topology.timeRange).toEqual(["2011-01-01", "2018-01-01"]);
    expect(topology.sources.map((s) => s.id)).toEqual([
      "caida-as-organizations",
      "caida-as-relationships",
    ]);
    for (const record of [...topology.nodes, ...topology.links]) {
      expect(record.sources).toContain("caida-as-relationships");
    }
  });

  it("places the ASes of one country on a ring around its centroid, none on top of another", async () => {
    const dir = tempDir();
    const as2org = join(dir, "as2org.txt");
    writeFileSync(
      as2org,
      [
        "# format:org_id|changed|org_name|country|source",
        "O-DE|x|German networks|DE|RIPE",
        "O-FR|x|French network|FR|RIPE",
        "# format:aut|changed|aut_name|org_id|opaque_id|source",
        ...[64496, 64497, 64498, 64499, 64500, 64501, 64502, 64503].map(
          (a) => `${a}|x|N${a}|O-DE|x|RIPE`,
        ),
        "64510|x|F|O-FR|x|RIPE",
      ].join("\n"),
    );
    const snapshot = join(dir, "20200101.as-rel.txt");
    writeFileSync(
      snapshot,
      [64496, 64497, 64498, 64499, 64500, 64501, 64502, 64503]
        .map((a) => `64510|${a}|-1`)
        .join("\n"),
    );
    const { topology } = await importCaidaAsRel({ snapshots: [snapshot], as2org });
    const german = topology.nodes
      .filter((n) => n.country === "DE")
      .map((n) => n.coordinates as LonLat);
    expect(german).toHaveLength(8);
    for (const [i, a] of german.entries()) {
      for (const b of german.slice(i + 1)) expect(greatCircleKm(a, b)).toBeGreaterThan(5);
      expect(greatCircleKm(a, german[0] as LonLat)).toBeLessThan(40);
    }
  });

  it("falls back to ip-location-db's ASN and country ranges when no as2org file is given", async () => {
    const dir = tempDir();
    const asnCsv = join(dir, "asn-ipv4.csv");
    const countryCsv = join(dir, "asn-country-ipv4.csv");
    writeFileSync(
      asnCsv,
      [
        "175.45.176.0,175.45.179.255,131279,Ryugyong-dong",
        '1.24.0.0,1.31.255.255,4837,"CHINA UNICOM China169 Backbone"',
      ].join("\n"),
    );
    writeFileSync(
      countryCsv,
      ["1.24.0.0,1.31.255.255,CN", "175.45.176.0,175.45.179.255,KP"].join("\n"),
    );
    const snapshot = join(dir, "20110101.as-rel.txt");
    writeFileSync(snapshot, "4837|131279|-1\n");
    const { topology } = await importCaidaAsRel({
      snapshots: [snapshot],
      ipLocationDb: { asnCsv, countryCsv },
    });
    expect(topology.networks).toEqual([
      {
        asn: 4837,
        name: "CHINA UNICOM China169 Backbone",
        country: "CN",
        sources: ["ip-location-db-asn-country"],
      },
      {
        asn: 131279,
        name: "Ryugyong-dong",
        country: "KP",
        sources: ["ip-location-db-asn-country"],
      },
    ]);
    expect(topology.links.map((l) => l.id)).toEqual(["as4837-as131279"]);
  });

  it("rejects a malformed line, naming the file, the line, the field and the value", async () => {
    await expect(
      importCaidaAsRel({ snapshots: [join(SAMPLE, "broken/20120101.as-rel.txt")], as2org: AS2ORG }),
    ).rejects.toThrow(
      `${join(SAMPLE, "broken/20120101.as-rel.txt")}:3: relationship: expected -1 (AS1 is the provider of AS2) or 0 (peers) ("x")`,
    );
  });

  it("rejects a snapshot whose name carries no date", async () => {
    const file = join(tempDir(), "latest.as-rel.txt");
    writeFileSync(file, "1|2|0\n");
    await expect(importCaidaAsRel({ snapshots: [file], as2org: AS2ORG })).rejects.toThrow(
      "cannot tell the snapshot's date from its name",
    );
  });
});

describe("snapshotDate", () => {
  it("reads the date of CAIDA's file names, with or without a directory and compression", () => {
    expect(snapshotDate("/data/20180101.as-rel2.txt.bz2")).toBe("2018-01-01");
    expect(snapshotDate("20110101.as-rel.txt")).toBe("2011-01-01");
    expect(snapshotDate("20111301.as-rel.txt")).toBeUndefined();
    expect(snapshotDate("as-rel.txt")).toBeUndefined();
  });
});

describe("parseRelationshipLine", () => {
  it("reads serial-1 and serial-2 lines", () => {
    expect(parseRelationshipLine("4837|131279|-1")).toEqual([4837, 131279, -1]);
    expect(parseRelationshipLine("64496|64500|0|mlp")).toEqual([64496, 64500, 0]);
  });

  it("names the field that is wrong", () => {
    expect(parseRelationshipLine("4837|131279")).toBe("line\u00004837|131279");
    expect(parseRelationshipLine("AS4837|131279|-1")).toBe("AS1\u0000AS4837");
    expect(parseRelationshipLine("4837|4837|0")).toBe("AS2\u00004837");
    expect(parseRelationshipLine("4837|131279|1")).toBe("relationship\u00001");
  });
});
