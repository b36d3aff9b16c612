import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeCompactPath } from "./compact-path";
import { encodeCompactTopology } from "./compact-topology";
import { checkTopology, parseTopology } from "./parse-topology";
import { pathCoordinates } from "./path-coordinates";
import { formatProblem } from "./problems";
import type { Link, Topology } from "./schema";
import { validTopologyInput } from "./test-fixtures";

const published = (id: string): Topology =>
  parseTopology(
    JSON.parse(readFileSync(`public/data/${id}.topology.json`, "utf8")),
    `${id}.topology.json`,
  );

/** The document as a file would hold it, and read back: compact paths are strings again. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const withoutPath = ({ path: _path, ...rest }: Link) => rest;

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
