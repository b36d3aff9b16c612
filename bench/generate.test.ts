import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../src/model/parse-topology";
import { greatCircleKm, type LonLat } from "../src/model/route";
import { CITIES, cityId } from "./cities";
import {
  generateTopology,
  greatCirclePath,
  PATH_VERTICES,
  type TopologyWriter,
  writeGenerated,
} from "./generate";

describe("CITIES", () => {
  it("lists a few hundred real places with unique ids, coordinates on the globe and ISO codes", () => {
    expect(CITIES.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CITIES.map(cityId)).size).toBe(CITIES.length);
    for (const city of CITIES) {
      expect(cityId(city)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      expect(city.country).toMatch(/^[A-Z]{2}$/);
      expect(Math.abs(city.lon)).toBeLessThanOrEqual(180);
      expect(Math.abs(city.lat)).toBeLessThanOrEqual(90);
    }
  });
});

describe("greatCirclePath", () => {
  it("runs from one end to the other in PATH_VERTICES evenly spaced vertices", () => {
    const paris: LonLat = [2.35, 48.86];
    const tokyo: LonLat = [139.69, 35.69];
    const path = greatCirclePath(paris, tokyo);
    expect(path).toHaveLength(PATH_VERTICES);
    expect(path[0]).toEqual(paris);
    expect(path[path.length - 1]).toEqual(tokyo);
    const step = greatCircleKm(paris, tokyo) / (PATH_VERTICES - 1);
    for (let i = 1; i < path.length; i++) {
      expect(greatCircleKm(path[i - 1] as LonLat, path[i] as LonLat)).toBeCloseTo(step, 0);
    }
  });

  it("unwraps longitudes across the antimeridian", () => {
    const path = greatCirclePath([174.76, -36.85], [-157.86, 21.31]);
    expect(path[path.length - 1]?.[0]).toBeCloseTo(202.14, 6);
    for (let i = 1; i < path.length; i++) {
      expect(Math.abs((path[i]?.[0] ?? 0) - (path[i - 1]?.[0] ?? 0))).toBeLessThan(180);
    }
  });
});

describe("generateTopology", () => {
  it("gives the same document for the same seed, and another for another seed", () => {
    const a = JSON.stringify(generateTopology({ links: 300, seed: 7 }));
    const b = JSON.stringify(generateTopology({ links: 300, seed: 7 }));
    const c = JSON.stringify(generateTopology({ links: 300, seed: 8 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it("makes a topology that parseTopology accepts", () => {
    const topology = generateTopology({ links: 1000 });
    expect(() => parseTopology(JSON.parse(JSON.stringify(topology)), "gen-1000")).not.toThrow();
    expect(topology.id).toBe("gen-1000");
    expect(topology.sources).toEqual([
      expect.objectContaining({ title: "Generated benchmark data (not real)" }),
    ]);
  });

  it("makes N cross-border links with PATH_VERTICES-vertex paths, dated within 2006–2026", () => {
    const topology = generateTopology({ links: 500, seed: 3 });
    expect(topology.links).toHaveLength(500);
    const countryOf = new Map(topology.nodes.map((n) => [n.id, n.country]));
    for (const link of topology.links) {
      expect(link.path).toHaveLength(PATH_VERTICES);
      expect(link.countries).toEqual([countryOf.get(link.from), countryOf.get(link.to)]);
      expect(link.countries[0]).not.toBe(link.countries[1]);
      expect(link.kind).not.toBe("satellite");
      for (const interval of link.active) {
        expect(interval.from >= "2006-01-01" && interval.from <= "2026-01-01").toBe(true);
        if (interval.to) expect(interval.to <= "2026-01-01").toBe(true);
      }
    }
    expect(topology.timeRange[0] >= "2006-01-01").toBe(true);
    expect(topology.timeRange[1]).toBe("2026-01-01");
    expect(topology.events.length).toBeGreaterThan(0);
    expect(topology.networks.length).toBeGreaterThan(0);
  });

  it("rejects a link count that is not a positive integer", () => {
    expect(() => generateTopology({ links: 0 })).toThrow("invalid links: 0");
    expect(() => generateTopology({ links: 2.5 })).toThrow("invalid links: 2.5");
  });
});

describe("writeGenerated", () => {
  it("writes gen-N.topology.json through the writer it is given", async () => {
    const dir = await mkdtemp(join(tmpdir(), "uplinks-generate-"));
    try {
      const written = await writeGenerated(20, dir, { seed: 1 });
      expect(written.file).toBe(join(dir, "gen-20.topology.json"));
      const text = await readFile(written.file, "utf8");
      expect(Buffer.byteLength(text)).toBe(written.bytes);
      expect(parseTopology(JSON.parse(text)).links).toHaveLength(20);

      const calls: string[] = [];
      const writer: TopologyWriter = async (topology, file) => {
        calls.push(`${topology.id} ${file}`);
        return 1;
      };
      await writeGenerated(5, dir, { writer });
      expect(calls).toEqual([`gen-5 ${join(dir, "gen-5.topology.json")}`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
