import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodeCompactTopology } from "../src/model/compact-topology";
import { parseTopology } from "../src/model/parse-topology";
import { pathCoordinates } from "../src/model/path-coordinates";
import { GENERATED_PATH_DECIMALS, generateTopology, writeGenerated } from "./generate";

describe("generated datasets with compact paths", () => {
  it("take well under half the bytes of plain JSON at 1,000 links, and under a third gzipped", () => {
    const topology = generateTopology({ links: 1000 });
    const plain = JSON.stringify(topology);
    const doc = encodeCompactTopology(topology, GENERATED_PATH_DECIMALS);
    const compact = JSON.stringify(doc);
    expect(compact.length / plain.length).toBeLessThan(0.45);
    expect(gzipSync(compact).length / gzipSync(plain).length).toBeLessThan(0.33);
    // 32 vertices, 64 numbers: under 1.6 characters each, against about 11 in plain JSON.
    const pathChars = doc.links.reduce((sum, link) => sum + link.path.length - 3, 0);
    expect(pathChars / (1000 * 64)).toBeLessThan(1.6);
  });

  it("are what writeGenerated writes, and read back within 0.5e-4°", async () => {
    const dir = await mkdtemp(join(tmpdir(), "uplinks-compact-"));
    try {
      const { file, topology } = await writeGenerated(50, dir, { seed: 5 });
      const doc = JSON.parse(await readFile(file, "utf8"));
      expect(doc.links[0].path).toMatch(/^q4:[A-Za-z0-9_-]+$/);
      const parsed = parseTopology(doc, file);
      parsed.links.forEach((link, i) => {
        const expected = pathCoordinates(topology.links[i] as (typeof topology.links)[number]);
        pathCoordinates(link).forEach((value, j) => {
          expect(Math.abs(value - (expected[j] as number))).toBeLessThanOrEqual(0.5e-4 + 1e-12);
        });
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
