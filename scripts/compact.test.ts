import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../src/model/parse-topology";
import { REPO_ROOT, runScript } from "./lib/cli.test-helper";
import { topologyDifferences } from "./lib/topology-compare";

const PLAIN = join(REPO_ROOT, "public/data/north-korea.topology.json");
const tempDir = () => mkdtempSync(join(tmpdir(), "uplinks-compact-"));
const readTopology = (file: string) => parseTopology(JSON.parse(readFileSync(file, "utf8")), file);

// Each run starts Node: a second or two, more on a busy machine.
describe("npm run compact", { timeout: 60_000 }, () => {
  it("writes a plain file as a link table with compact paths that reads back as the same topology", () => {
    const out = join(tempDir(), "nk.topology.json");
    const { status, stdout, stderr } = runScript("compact.ts", [PLAIN, "--out", out]);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /north-korea\.topology\.json \(.+ KB\) → .+nk\.topology\.json \(.+ KB, compact, q\/b5\): \d+ links, [\d.]+% of the size/,
    );
    const doc = JSON.parse(readFileSync(out, "utf8"));
    expect(doc.linkTable.path.every((p: string) => /^[qb]5:/.test(p))).toBe(true);
    expect(topologyDifferences(readTopology(PLAIN), readTopology(out), { decimals: 5 })).toEqual(
      [],
    );
  });

  it("takes the decimals and the encoding, and --plain turns a compact file back", () => {
    const dir = tempDir();
    const compact = join(dir, "b3.topology.json");
    runScript("compact.ts", [PLAIN, "--out", compact, "--decimals", "3", "--encoding", "b"]);
    const doc = JSON.parse(readFileSync(compact, "utf8"));
    expect(doc.linkTable.path.every((p: string) => p.startsWith("b3:"))).toBe(true);
    const plain = join(dir, "plain.topology.json");
    const back = runScript("compact.ts", [compact, "--plain", "--out", plain]);
    expect(back.status).toBe(0);
    const reread = JSON.parse(readFileSync(plain, "utf8"));
    expect(reread.linkTable).toBeUndefined();
    expect(Array.isArray(reread.links[0].path[0])).toBe(true);
    expect(topologyDifferences(readTopology(PLAIN), readTopology(plain), { decimals: 3 })).toEqual(
      [],
    );
  });

  it("names the file and the problem on bad input, exits 1 and writes nothing", () => {
    const dir = tempDir();
    const out = join(dir, "out.topology.json");
    const broken = join(dir, "broken.json");
    writeFileSync(broken, '{ "format": "uplinks-topology", "version": 1,\n  "id": }');
    const json = runScript("compact.ts", [broken, "--out", out]);
    expect(json.status).toBe(1);
    expect(json.stderr).toContain("compact failed; nothing was written.");
    expect(json.stderr).toContain(`${broken}: (root): invalid JSON at line 2`);

    const invalid = join(dir, "invalid.json");
    const doc = JSON.parse(readFileSync(PLAIN, "utf8"));
    doc.links[0].active[0].from = "2017-13-01";
    writeFileSync(invalid, JSON.stringify(doc));
    const schema = runScript("compact.ts", [invalid, "--out", out]);
    expect(schema.status).toBe(1);
    expect(schema.stderr).toContain(`${invalid}: links[0].active[0].from: not a date`);

    const missing = runScript("compact.ts", [join(dir, "none.json"), "--out", out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(
      `${join(dir, "none.json")}: (root): cannot read file (ENOENT)`,
    );
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on bad usage, saying what is wrong", () => {
    const noOut = runScript("compact.ts", [PLAIN]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain("--out is required");
    const decimals = runScript("compact.ts", [PLAIN, "--out", "x.json", "--decimals", "12"]);
    expect(decimals.status).toBe(2);
    expect(decimals.stderr).toContain("--decimals: expected a whole number from 0 to 9: 12");
    const help = runScript("compact.ts", ["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: npm run compact -- IN --out OUT");
  });
});
