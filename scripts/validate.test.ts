import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { encodeCompactPath } from "../src/model/compact-path";
import { encodeCompactTopology } from "../src/model/compact-topology";
import { parseTopology } from "../src/model/parse-topology";
import { REPO_ROOT, runScript } from "./lib/cli.test-helper";

const tempFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), "uplinks-validate-")), name);
  writeFileSync(file, text);
  return file;
};

describe("npm run validate", () => {
  it("accepts the pipeline's output and exits 0", () => {
    const file = join(REPO_ROOT, "public/data/north-korea.topology.json");
    const { status, stdout } = runScript("validate.ts", [
      file,
      join(REPO_ROOT, "public/data/index.json"),
    ]);
    expect(stdout).toContain(`${file}: ok`);
    expect(status).toBe(0);
  });

  it("reports invalid JSON with its line and column, and exits 1", () => {
    const file = tempFile(
      "broken.json",
      '{\n  "format": "uplinks-topology",\n  "version": 1\n  "id": "x"\n}\n',
    );
    const { status, stdout } = runScript("validate.ts", [file]);
    expect(stdout.trim()).toBe(
      `${file}: (root): invalid JSON at line 4, column 3: ',' is expected`,
    );
    expect(status).toBe(1);
  });

  it("reports every problem of a file, one per line", () => {
    const doc = JSON.parse(
      readFileSync(join(REPO_ROOT, "public/data/north-korea.topology.json"), "utf8"),
    );
    doc.nodes[0].coordinates = [200, 39];
    doc.links[0].to = "nowhere";
    doc.events[0].date = "2017-02-30";
    const file = tempFile("three.json", JSON.stringify(doc));
    const { status, stdout } = runScript("validate.ts", [file]);
    const lines = stdout.trim().split("\n");
    expect(lines).toEqual([
      `${file}: nodes[0].coordinates[0]: longitude is off the globe (-180…180) (200)`,
      `${file}: events[0].date: not a date (expected YYYY-MM-DD) ("2017-02-30")`,
      `${file}: links[0].to: unknown node id ("nowhere")`,
    ]);
    expect(status).toBe(1);
  });

  it("reads compact paths, and reports a broken one with its JSON path", () => {
    const doc = encodeCompactTopology(
      parseTopology(
        JSON.parse(readFileSync(join(REPO_ROOT, "public/data/north-korea.topology.json"), "utf8")),
      ),
    );
    const good = tempFile("compact.json", JSON.stringify(doc));
    expect(runScript("validate.ts", [good]).stdout).toContain(`${good}: ok`);
    const broken = doc.links.map((link, i) => (i === 2 ? { ...link, path: "q5:AA" } : link));
    const bad = tempFile("broken-compact.json", JSON.stringify({ ...doc, links: broken }));
    const { status, stdout } = runScript("validate.ts", [bad]);
    expect(stdout.trim()).toBe(
      `${bad}: links[2].path: decodes to 1 vertex; a path needs at least 2 ("q5:AA")`,
    );
    expect(status).toBe(1);
  });

  it("reads paths of several parts, and names the part of a broken one", () => {
    const doc = JSON.parse(
      readFileSync(join(REPO_ROOT, "public/data/north-korea.topology.json"), "utf8"),
    );
    const [first] = doc.links;
    first.path = [first.path, first.path.slice(0, 2)];
    const good = tempFile("parts.json", JSON.stringify(doc));
    expect(runScript("validate.ts", [good]).stdout).toContain(`${good}: ok`);
    first.path = [encodeCompactPath([1, 2, 3, 4]), "q5:AA"];
    doc.networks.push({ name: "Nobody" });
    const bad = tempFile("broken-parts.json", JSON.stringify(doc));
    const { status, stdout } = runScript("validate.ts", [bad]);
    expect(stdout.trim().split("\n")).toEqual([
      `${bad}: links[0].path[1]: decodes to 1 vertex; a path needs at least 2 ("q5:AA")`,
      `${bad}: networks[${doc.networks.length - 1}]: a network needs an id or an AS number ({"name":"Nobody"})`,
    ]);
    expect(status).toBe(1);
  });

  it("says when a file cannot be read", () => {
    const { status, stdout } = runScript("validate.ts", ["/nonexistent/x.json"]);
    expect(stdout.trim()).toBe("/nonexistent/x.json: (root): cannot read file (ENOENT)");
    expect(status).toBe(1);
  });
});
