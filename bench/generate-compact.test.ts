import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../src/model/parse-topology";
import { pathCoordinates } from "../src/model/path-coordinates";
import { encodeGenerated, generateTopology, writeGenerated } from "./generate";

describe("generated datasets as their files hold them", () => {
  it("take about 110 bytes a link, so 100,000 links stay under 12 MB before compression", () => {
    const bytesOf = (links: number) =>
      Buffer.byteLength(JSON.stringify(encodeGenerated(generateTopology({ links }))));
    const small = bytesOf(1000);
    const perLink = (bytesOf(2000) - small) / 1000;
    expect(perLink).toBeLessThan(112);
    expect(small + 99_000 * perLink).toBeLessThan(12_000_000);

    const topology = generateTopology({ links: 1000 });
    const doc = encodeGenerated(topology);
    // Every link is a row of the table; names, countries, crossings and lengths are derived.
    expect(doc.links).toEqual([]);
    expect(Object.keys(doc.linkTable).sort()).toEqual(
      ["active", "from", "id", "kind", "networks", "path", "sources", "to"].sort(),
    );
  });

  it("are what writeGenerated writes, and read back as the generated topology", async () => {
    const dir = await mkdtemp(join(tmpdir(), "uplinks-compact-"));
    try {
      const { file, topology } = await writeGenerated(50, dir, { seed: 5 });
      const doc = JSON.parse(await readFile(file, "utf8"));
      expect(doc.linkTable.path[0]).toMatch(/^[bq]3:[A-Za-z0-9_-]+$/);
      const parsed = parseTopology(doc, file);
      expect(parsed.links).toHaveLength(50);
      parsed.links.forEach((link, i) => {
        const generated = topology.links[i] as (typeof topology.links)[number];
        const { path: _a, lengthKm: km, ...rest } = link;
        const { path: _b, lengthKm: generatedKm, ...expected } = generated;
        expect(rest).toEqual(expected);
        expect(Math.abs(km - generatedKm)).toBeLessThanOrEqual(0.1 + 1e-9);
        // Generated paths are rounded to the decimals the file keeps: they read back exactly.
        expect([...pathCoordinates(link)]).toEqual([...pathCoordinates(generated)]);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
