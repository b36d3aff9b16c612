import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../src/model/parse-topology";
import { slugify } from "./importers/ids";
import { REPO_ROOT, runScript } from "./lib/cli.test-helper";

const SAMPLES = join(REPO_ROOT, "data/samples");
const CAIDA = join(SAMPLES, "caida");
const SNAPSHOTS = [
  "20110101.as-rel.txt",
  "20130101.as-rel.txt.gz",
  "20150101.as-rel2.txt",
  "20180101.as-rel2.txt.bz2",
].map((name) => join(CAIDA, name));
/** The Submarine Cable Map snapshots: the repository's copy, else the shared one beside it. */
const TELEGEOGRAPHY = [
  join(REPO_ROOT, "data/sources/telegeography"),
  "/work/shared/data/telegeography",
].find((dir) => existsSync(join(dir, "2021-06-29"))) as string;
const TELEGEOGRAPHY_SNAPSHOTS = [
  "2019-05-17",
  "2019-12-11",
  "2020-06-26",
  "2020-12-17",
  "2021-06-29",
];
const outFile = () => join(mkdtempSync(join(tmpdir(), "uplinks-import-")), "out.topology.json");
const readTopology = (file: string) => parseTopology(JSON.parse(readFileSync(file, "utf8")), file);

const telegeographyArgs = (out: string, cables = "cable-geo.json") => [
  "telegeography",
  "--cables",
  join(SAMPLES, "telegeography", cables),
  "--landing-points",
  join(SAMPLES, "telegeography/landing-point-geo.json"),
  "--details",
  join(SAMPLES, "telegeography/cable"),
  "--updated",
  "2025-06-01",
  "--out",
  out,
];

// Each run starts Node and loads the Natural Earth boundaries: seconds, more on a busy machine.
describe("npm run import", { timeout: 120_000 }, () => {
  it("documents every format's command line in --help", () => {
    const { status, stdout } = runScript("import.ts", ["--help"]);
    expect(status).toBe(0);
    for (const line of [
      "telegeography --cables FILE --landing-points FILE [--details DIR] --out FILE",
      "telegeography --snapshot DATE=DIR [--snapshot DATE=DIR ...] --out FILE",
      "caida-asrel [--as2org FILE] [--countries CC,CC] --out FILE SNAPSHOT...",
      "ofds --nodes FILE --spans FILE [--cross-border-only] --out FILE",
      "csv --out FILE INPUT.csv",
    ]) {
      expect(stdout).toContain(line);
    }
  });

  it("exits 2 on bad usage, saying what is wrong", () => {
    expect(runScript("import.ts", []).status).toBe(2);
    const unknown = runScript("import.ts", ["kml", "--out", "x.json"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown format "kml"');
    const noOut = runScript("import.ts", ["csv", join(SAMPLES, "csv/links.csv")]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain("--out is required");
  });

  it("imports TeleGeography files into a valid topology, byte-identical from run to run", () => {
    const out = outFile();
    const first = runScript("import.ts", telegeographyArgs(out));
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(
      "telegeography: read 9 landing-point features, 4 cable features",
    );
    expect(first.stdout).toContain(
      "1 cables without a details file (dates unknown) (e.g. sample-no-details)",
    );
    const text = readFileSync(out, "utf8");
    // Four cables, four links: the three drawn lines of the branched one are parts of one path.
    expect(readTopology(out).links).toHaveLength(4);
    const again = outFile();
    runScript("import.ts", telegeographyArgs(again));
    expect(readFileSync(again, "utf8")).toBe(text);
  });

  it("imports five real TeleGeography snapshots into one history: a link per cable, renames found", () => {
    const out = outFile();
    const started = Date.now();
    const run = runScript("import.ts", [
      "telegeography",
      ...TELEGEOGRAPHY_SNAPSHOTS.flatMap((date) => [
        "--snapshot",
        `${date}=${join(TELEGEOGRAPHY, date)}`,
      ]),
      "--out",
      out,
    ]);
    const seconds = (Date.now() - started) / 1000;
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /note: cables from 2019-12-11 to 2020-06-26: \d+ new, [1-9]\d* renamed/,
    );
    const topology = readTopology(out);
    const ids = topology.links.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(topology.links.filter((l) => /segment/i.test(l.name))).toEqual([]);
    const link = (id: string) => topology.links.find((l) => l.id === id);
    expect(link("2africa")?.name).toBe("2Africa");
    expect(link("2africa")?.via?.length).toBeGreaterThan(10);
    // The Alaska United systems took new ids in 2020 (the data's README).
    expect(link("alaska-united-east-au-east")?.formerNames).toEqual([
      { name: "Alaska United East", until: "2019-12-11" },
    ]);
    expect(link("alaska-united-east")).toBeUndefined();
    // Every cable of the last snapshot is a link, and every link a cable listed in some
    // snapshot; fewer links than ids ever listed, since a renamed cable is one link. (Link ids
    // are slugs made as every importer makes ids: "bcs-north---phase-1" → "bcs-north-phase-1".)
    const listed = TELEGEOGRAPHY_SNAPSHOTS.map((date): string[] =>
      JSON.parse(readFileSync(join(TELEGEOGRAPHY, date, "cable-geo.json"), "utf8")).features.map(
        (f: { properties: { slug: string } }) => slugify(f.properties.slug),
      ),
    );
    const everListed = new Set(listed.flat());
    expect((listed[4] as string[]).filter((id) => !ids.includes(id))).toEqual([]);
    expect(ids.filter((id) => !everListed.has(id))).toEqual([]);
    expect(ids.length).toBeLessThan(everListed.size);
    expect(topology.updated).toBe("2021-06-29");
    expect(topology.sources.map((s) => s.id)).toEqual(
      TELEGEOGRAPHY_SNAPSHOTS.map((date) => `telegeography-${date}`),
    );
    expect(topology.license?.spdx).toBe("CC-BY-NC-SA-3.0");
    const validated = runScript("validate.ts", [out]);
    expect(validated.stdout).toContain(`${out}: ok`);
    expect(validated.status).toBe(0);
    // It runs in `npm run build:data`: well under the 30 s it may take on a busy machine.
    expect(seconds).toBeLessThan(60);
  });

  it("refuses --snapshot without a date, given twice, or beside --cables", () => {
    const dir = join(SAMPLES, "telegeography");
    const cases: [string[], string][] = [
      [["--snapshot", dir], "--snapshot: expected DATE=DIR with DATE as YYYY-MM-DD"],
      [
        ["--snapshot", `2020-01-01=${dir}`, "--snapshot", `2020-01-01=${dir}`],
        "--snapshot: 2020-01-01 is given twice",
      ],
      [
        ["--snapshot", `2020-01-01=${dir}`, "--cables", join(dir, "cable-geo.json")],
        "--cables cannot be combined with --snapshot",
      ],
    ];
    for (const [args, message] of cases) {
      const { status, stderr } = runScript("import.ts", [
        "telegeography",
        ...args,
        "--out",
        outFile(),
      ]);
      expect(stderr, message).toContain(message);
      expect(status, message).toBe(2);
    }
  });

  it("imports CAIDA snapshots around North Korea and prints what it read, kept and skipped", () => {
    const out = outFile();
    const { status, stdout } = runScript("import.ts", [
      "caida-asrel",
      "--as2org",
      join(CAIDA, "20180101.as-org2info.txt"),
      "--countries",
      "KP",
      "--out",
      out,
      ...SNAPSHOTS,
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain(
      "caida-asrel: read 4 snapshot files, 8 comment lines, 13 relationship lines",
    );
    expect(stdout).toContain("7 relationship lines outside --countries");
    const topology = readTopology(out);
    expect(
      topology.links.map((l) => [l.id, l.active.map((a) => `${a.from}…${a.to ?? ""}`)]),
    ).toEqual([
      ["as20485-as131279", ["2018-01-01…"]],
      ["as22351-as131279", ["2013-01-01…2015-01-01"]],
      ["as4837-as131279", ["2011-01-01…"]],
    ]);
  });

  it("imports OFDS spans that cross a border, and a hand-made CSV", () => {
    const ofds = outFile();
    const a = runScript("import.ts", [
      "ofds",
      "--nodes",
      join(SAMPLES, "ofds/nodes.geojson"),
      "--spans",
      join(SAMPLES, "ofds/spans.geojson"),
      "--cross-border-only",
      "--out",
      ofds,
    ]);
    expect(a.status).toBe(0);
    expect(readTopology(ofds).links.map((l) => l.id)).toEqual(["accra-lome", "ho-kpalime"]);
    const csv = outFile();
    const b = runScript("import.ts", ["csv", "--out", csv, join(SAMPLES, "csv/links.csv")]);
    expect(b.status).toBe(0);
    expect(readTopology(csv).links).toHaveLength(3);
  });

  it("rejects each format's broken sample with a precise message, exit 1, and writes nothing", () => {
    const cases: [string[], string][] = [
      [
        telegeographyArgs("", "broken-cable-geo.json").slice(0, -2),
        `${join(SAMPLES, "telegeography/broken-cable-geo.json")}: features[1].geometry.coordinates[0][2][1]: latitude is off the globe (-90…90) (95)`,
      ],
      [
        [
          "caida-asrel",
          "--as2org",
          join(CAIDA, "20180101.as-org2info.txt"),
          join(CAIDA, "broken/20120101.as-rel.txt"),
        ],
        `${join(CAIDA, "broken/20120101.as-rel.txt")}:3: relationship: expected -1 (AS1 is the provider of AS2) or 0 (peers) ("x")`,
      ],
      [
        [
          "ofds",
          "--nodes",
          join(SAMPLES, "ofds/nodes.geojson"),
          "--spans",
          join(SAMPLES, "ofds/broken-spans.geojson"),
        ],
        `${join(SAMPLES, "ofds/broken-spans.geojson")}: features[1].properties.end: unknown node id (not in nodes.geojson) ("9")`,
      ],
      [
        ["csv", join(SAMPLES, "csv/broken.csv")],
        `${join(SAMPLES, "csv/broken.csv")}:3: from_lat: latitude is off the globe (-90…90) ("91.5")`,
      ],
    ];
    for (const [args, message] of cases) {
      const out = outFile();
      const { status, stderr } = runScript("import.ts", [...args, "--out", out]);
      expect(stderr, args[0]).toContain("import failed; nothing was written.");
      expect(stderr, args[0]).toContain(message);
      expect(status, args[0]).toBe(1);
      expect(existsSync(out), args[0]).toBe(false);
    }
  });

  it("leaves an existing output file as it was when an import fails", () => {
    const out = outFile();
    writeFileSync(out, "previous\n");
    const { status } = runScript("import.ts", [
      "csv",
      "--out",
      out,
      join(SAMPLES, "csv/broken.csv"),
    ]);
    expect(status).toBe(1);
    expect(readFileSync(out, "utf8")).toBe("previous\n");
  });

  it("names every input that cannot be read", () => {
    const { status, stderr } = runScript("import.ts", [
      "ofds",
      "--nodes",
      "/nonexistent/nodes.geojson",
      "--spans",
      "/nonexistent/spans.geojson",
      "--out",
      outFile(),
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain("/nonexistent/nodes.geojson: cannot read file (ENOENT)");
    expect(stderr).toContain("/nonexistent/spans.geojson: cannot read file (ENOENT)");
  });
});
