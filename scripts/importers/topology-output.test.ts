import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../../src/model/parse-topology";
import { DocumentError } from "../../src/model/problems";
import type { Topology } from "../../src/model/schema";
import { validTopologyInput } from "../../src/model/test-fixtures";
import { topologyDifferences } from "../lib/topology-compare";
import {
  COMPACT_ABOVE_LINKS,
  checkCompactText,
  topologyText,
  writeTopologyFile,
} from "./topology-output";

/** A valid topology of `count` links between two places, each path of 4 vertices at 1e-6°. */
function topologyOf(count: number): Topology {
  const doc = validTopologyInput();
  const template = doc.links[0] as Record<string, unknown>;
  doc.links = Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `l${String(i).padStart(4, "0")}`,
    name: `Link ${i}`,
    path: [
      [125.7, 39],
      [125.123456 - i * 1e-6, 39.5],
      [124.654321, 39.876543 + i * 1e-6],
      [124.4, 40.1],
    ],
    ...(i === 1 ? { note: "A record, in a compact file too." } : {}),
  }));
  doc.events = [];
  doc.stories = [];
  return parseTopology(doc, "fixture");
}

const tempFile = () => join(mkdtempSync(join(tmpdir(), "uplinks-out-")), "out.topology.json");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

describe("writeTopologyFile", () => {
  it(`writes more than ${COMPACT_ABOVE_LINKS} links as a link table with compact paths`, () => {
    const topology = topologyOf(COMPACT_ABOVE_LINKS + 1);
    const file = tempFile();
    writeTopologyFile(file, topology);
    const doc = readJson(file);
    // Links a row cannot hold exactly stay records; these all fit, bar perhaps the noted one.
    expect(doc.linkTable.id.length).toBeGreaterThanOrEqual(COMPACT_ABOVE_LINKS);
    expect(doc.linkTable.id.length + doc.links.length).toBe(COMPACT_ABOVE_LINKS + 1);
    expect(doc.linkTable.path.every((p: unknown) => /^[qb]5:/.test(String(p)))).toBe(true);
    const reread = parseTopology(doc, file);
    expect(topologyDifferences(topology, reread, { decimals: 5 })).toEqual([]);
  });

  it(`writes ${COMPACT_ABOVE_LINKS} links or fewer as plain records`, () => {
    const topology = topologyOf(COMPACT_ABOVE_LINKS);
    const file = tempFile();
    writeTopologyFile(file, topology);
    const doc = readJson(file);
    expect(doc.linkTable).toBeUndefined();
    expect(doc.links[0].path[1]).toEqual([125.123456, 39.5]);
    expect(topologyDifferences(topology, parseTopology(doc, file))).toEqual([]);
  });

  it("writes either form when told to, whatever the count", () => {
    const small = tempFile();
    writeTopologyFile(small, topologyOf(3), { paths: "compact", decimals: 4, encoding: "b" });
    expect(readJson(small).linkTable.path[0]).toMatch(/^b4:/);
    const large = tempFile();
    writeTopologyFile(large, topologyOf(COMPACT_ABOVE_LINKS + 1), { paths: "plain" });
    const doc = readJson(large);
    expect(doc.linkTable).toBeUndefined();
    expect(doc.links).toHaveLength(COMPACT_ABOVE_LINKS + 1);
  });

  it("writes nothing when the topology does not pass the schema, naming the file", () => {
    const topology = topologyOf(2);
    (topology.links[0] as { from: string }).from = "nowhere";
    const file = tempFile();
    expect(() => writeTopologyFile(file, topology)).toThrow(
      /out\.topology\.json: links\[0\]\.from/,
    );
    expect(existsSync(file)).toBe(false);
  });
});

describe("checkCompactText", () => {
  it("refuses a compact text that reads back as another topology, saying what differs", () => {
    const topology = topologyOf(COMPACT_ABOVE_LINKS + 1);
    const doc = JSON.parse(topologyText(topology));
    doc.linkTable.active[5] = [doc.linkTable.active[5][0] + 1];
    const check = () => checkCompactText("x.topology.json", JSON.stringify(doc), topology);
    expect(check).toThrow(DocumentError);
    expect(check).toThrow(
      `x.topology.json: (root): the compact form reads back differently from the topology: links["${doc.linkTable.id[5]}"].active: differs`,
    );
  });

  it("accepts paths moved by less than half a unit of the last decimal, not more", () => {
    const topology = topologyOf(COMPACT_ABOVE_LINKS + 1);
    const text = topologyText(topology, { decimals: 3 });
    expect(() => checkCompactText("x", text, topology, 3)).not.toThrow();
    expect(() => checkCompactText("x", text, topology, 5)).toThrow(/path\[1\]: moved by/);
  });
});
