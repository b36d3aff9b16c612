import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeCompactPath } from "./compact-path";
import { encodeCompactTopology, encodeTableTopology } from "./compact-topology";
import { toDayNumber } from "./dates";
import { checkTopology, parseTopology } from "./parse-topology";
import { pathCoordinates, pathPartStarts } from "./path-coordinates";
import { formatProblem } from "./problems";
import type { Link, Topology } from "./schema";
import { partsTopologyInput, validTopologyInput } from "./test-fixtures";

const published = (id: string): Topology =>
  parseTopology(
    JSON.parse(readFileSync(`public/data/${id}.topology.json`, "utf8")),
    `${id}.topology.json`,
  );

/** The document as a file would hold it, and read back: compact paths are strings again. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const withoutPath = ({ path: _path, ...rest }: Link) => rest;

/**
 * A link's fields but its path, an empty `networks` read as none: a link table with a networks
 * column gives every row a list (see link-table.test.ts).
 */
const comparable = (link: Link) => {
  const { networks, ...rest } = withoutPath(link);
  return networks && networks.length > 0 ? { ...rest, networks } : rest;
};

/** A valid document whose first link has the compact path `path`. */
function compactInput(path: string) {
  const doc = validTopologyInput();
  doc.links[0] = { ...doc.links[0], path };
  return doc;
}

const problemsOf = (doc: unknown) => checkTopology(doc).map(formatProblem);

describe("encodeCompactTopology", () => {
  it("makes a document parseTopology reads as the same topology, paths within 0.5e-5°", () => {
    for (const id of ["north-korea", "cuba", "crimea"]) {
      const plain = published(id);
      const compact = parseTopology(throughJson(encodeCompactTopology(plain)), id);
      expect({ ...compact, links: [] }).toEqual({ ...plain, links: [] });
      expect(compact.links.map(withoutPath)).toEqual(plain.links.map(withoutPath));
      plain.links.forEach((link, i) => {
        const expected = pathCoordinates(link);
        const actual = pathCoordinates(compact.links[i] as Link);
        expect(actual).toHaveLength(expected.length);
        actual.forEach((value, j) => {
          expect(Math.abs(value - (expected[j] as number))).toBeLessThanOrEqual(0.5e-5 + 1e-12);
        });
        // The vertices a reader of `link.path` sees are those coordinates.
        expect(compact.links[i]?.path.flat()).toEqual([...actual]);
      });
    }
  });

  it("writes each path as one string and keeps every other field, in order", () => {
    const plain = published("north-korea");
    const doc = encodeCompactTopology(plain, 6);
    const link = doc.links[0];
    expect(Object.keys(link ?? {})).toEqual(Object.keys(plain.links[0] ?? {}));
    expect(link?.path).toMatch(/^q6:[A-Za-z0-9_-]+$/);
    expect(JSON.stringify(doc).length).toBeLessThan(JSON.stringify(plain).length);
  });

  it("encodes a parsed compact topology again to the same text", () => {
    const doc = throughJson(encodeCompactTopology(published("cuba")));
    expect(throughJson(encodeCompactTopology(parseTopology(doc)))).toEqual(doc);
  });
});

describe("parseTopology of compact paths", () => {
  it("accepts plain and compact paths side by side", () => {
    const doc = validTopologyInput();
    doc.links.push({
      ...doc.links[0],
      id: "ba",
      from: "b",
      to: "a",
      path: encodeCompactPath([124.4, 40.1, 125.7, 39]),
    });
    const topology = parseTopology(doc);
    expect(topology.links[0]?.path).toEqual([
      [125.7, 39],
      [124.4, 40.1],
    ]);
    expect(topology.links[1]?.path).toEqual([
      [124.4, 40.1],
      [125.7, 39],
    ]);
  });

  it("rejects a broken compact path with its JSON path, the reason and the value", () => {
    const valid = encodeCompactPath([125.7, 39, 124.4, 40.1]);
    expect(problemsOf(compactInput("q5:AA"))).toEqual([
      'links[0].path: decodes to 1 vertex; a path needs at least 2 ("q5:AA")',
    ]);
    expect(problemsOf(compactInput("q5:AA!A"))).toEqual([
      'links[0].path: not base64url: "!" at character 5 is not a digit (A–Z a–z 0–9 - _) ("q5:AA!A")',
    ]);
    // Cut inside the first number (125.7 takes 5 digits).
    expect(problemsOf(compactInput(valid.slice(0, 5)))).toEqual([
      `links[0].path: is cut short: its last number is not finished ("${valid.slice(0, 5)}")`,
    ]);
    expect(problemsOf(compactInput(`q5:${"g".repeat(12)}A`))).toEqual([
      `links[0].path: a number at character 3 has more than 10 digits (a broken varint) ("q5:${"g".repeat(12)}A")`,
    ]);
    expect(problemsOf(compactInput(`p5:${valid.slice(3)}`))).toEqual([
      `links[0].path: unknown path encoding "p5" (expected q0 to q9 or b0 to b9: q or b, then the decimals) ("p5:${valid.slice(3)}")`,
    ]);
    expect(problemsOf(compactInput(encodeCompactPath([0, 0, 0, 95], 2)))[0]).toMatch(
      /^links\[0\]\.path: vertex 1 has latitude 95, off the globe \(-90…90\)/,
    );
  });

  it("reports a broken compact path beside the link's other problems", () => {
    const doc = compactInput("q5:AA");
    doc.links[0] = { ...doc.links[0], kind: "laser" };
    expect(problemsOf(doc)).toEqual([
      'links[0].kind: not a link kind (terrestrial, submarine, satellite, microwave, peering) ("laser")',
      'links[0].path: decodes to 1 vertex; a path needs at least 2 ("q5:AA")',
    ]);
  });

  it("says a path is a list of vertices or a compact path when it is neither", () => {
    const doc = validTopologyInput();
    doc.links[0] = { ...doc.links[0], path: 5 };
    expect(problemsOf(doc)).toEqual([
      "links[0].path: expected a list of [longitude, latitude] vertices or a compact path string (5)",
    ]);
  });
});

describe("paths of several parts, through every encoding and back", () => {
  /** Every form a document may be written in, at 6 decimals. */
  const encodings: [string, (t: Topology) => unknown][] = [
    ["plain", (t) => t],
    ["compact q", (t) => encodeCompactTopology(t, 6, "q")],
    ["compact b", (t) => encodeCompactTopology(t, 6, "b")],
    ["compact shortest", (t) => encodeCompactTopology(t, 6, "shortest")],
    ["table q", (t) => encodeTableTopology(t, { decimals: 6, encoding: "q" })],
    ["table b", (t) => encodeTableTopology(t, { decimals: 6, encoding: "b" })],
    ["table shortest", (t) => encodeTableTopology(t, { decimals: 6, encoding: "shortest" })],
  ];

  it.each(encodings)("reads %s back as the same links, part by part", (_, encode) => {
    const original = parseTopology(partsTopologyInput());
    const read = parseTopology(throughJson(encode(original)));
    const byId = new Map(read.links.map((l) => [l.id, l]));
    expect(read.links).toHaveLength(3);
    for (const link of original.links) {
      const back = byId.get(link.id) as Link;
      expect(comparable(back), link.id).toEqual(comparable(link));
      expect([...pathPartStarts(back)], link.id).toEqual([...pathPartStarts(link)]);
      const expected = pathCoordinates(link);
      const actual = pathCoordinates(back);
      expect(actual).toHaveLength(expected.length);
      actual.forEach((v, j) => {
        expect(Math.abs(v - (expected[j] as number))).toBeLessThanOrEqual(0.5e-6 + 1e-12);
      });
    }
    const cable = byId.get("cable") as Link;
    // Three parts, read as three lists of vertices; the third still past the antimeridian.
    expect(cable.path).toHaveLength(3);
    expect(cable.path[2]).toEqual([
      [178.5, -18.1],
      [180.2, -17.5],
      [182, -16.9],
    ]);
    // A path of one part reads as before: a list of vertices.
    expect(byId.get("ab")?.path).toEqual([
      [125.7, 39],
      [124.4, 40.1],
    ]);
  });

  it("writes a path of several parts as one string per part, in the encoding asked for", () => {
    const topology = parseTopology(partsTopologyInput());
    const byId = (links: readonly { id: string; path: unknown }[], id: string) =>
      links.find((l) => l.id === id)?.path;
    const q = encodeCompactTopology(topology, 6, "q").links;
    expect(byId(q, "ab")).toMatch(/^q6:/);
    expect(byId(q, "cable")).toEqual([
      expect.stringMatching(/^q6:/),
      expect.stringMatching(/^q6:/),
      expect.stringMatching(/^q6:/),
    ]);
    const b = encodeCompactTopology(topology, 3, "b").links;
    expect(byId(b, "cable")).toEqual([
      expect.stringMatching(/^b3:/),
      expect.stringMatching(/^b3:/),
      expect.stringMatching(/^b3:/),
    ]);
    // Each part in the shorter of its two forms.
    const q3 = byId(encodeCompactTopology(topology, 3, "q").links, "cable") as string[];
    const b3 = byId(b, "cable") as string[];
    const shortest = byId(encodeCompactTopology(topology, 3, "shortest").links, "cable");
    expect(shortest).toEqual(
      q3.map((text, i) => ((b3[i] as string).length < text.length ? b3[i] : text)),
    );
  });

  it("puts links with notes, planned intervals and former names in the table", () => {
    const doc = encodeTableTopology(parseTopology(partsTopologyInput()), { decimals: 6 });
    expect(doc.links).toEqual([]);
    const table = doc.linkTable;
    expect(table.id).toEqual(["ab", "cable", "withdrawn"]);
    expect(table.path[0]).toMatch(/^q6:/);
    expect(table.path[1]).toHaveLength(3);
    expect(table.networks).toEqual([[0], [1, 0], []]);
    expect(table.active[2]).toEqual([]);
    const days = (...dates: string[]) => dates.map(toDayNumber);
    expect(table.planned).toEqual([
      [],
      days("2012-03-01", "2015-01-01"),
      days("2016-01-01", "2017-06-01"),
    ]);
    expect(table.formerNames).toEqual([null, [{ name: "Old Cable", until: "2014-06-30" }], null]);
    expect(table.note).toEqual([null, "Landed in three places.", null]);
    expect(table.assumptions).toEqual([
      null,
      ["The branch to the east opened with the trunk."],
      null,
    ]);
  });

  it("keeps as a record a link that a row cannot hold exactly", () => {
    const input = partsTopologyInput();
    input.networks = [
      { id: "ttk", asn: 64500, name: "Example Net" },
      { id: "orange", name: "Orange" },
    ];
    input.links[0] = {
      ...input.links[0],
      active: [{ from: "2010-01-01", to: null, note: "Start uncertain." }],
    };
    // Named by its AS number, a network that has an id too: a row would name it by the id.
    (input.links[1] as { networks: unknown[] }).networks = [64500];
    const doc = encodeTableTopology(parseTopology(input));
    expect(doc.links.map((l) => l.id)).toEqual(["ab", "cable"]);
    expect(doc.linkTable.id).toEqual(["withdrawn"]);
    const read = parseTopology(throughJson(doc));
    expect(read.links.map((l) => l.networks)).toEqual([[64500], [64500], undefined]);
  });
});
