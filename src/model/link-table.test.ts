import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodeTableTopology } from "./compact-topology";
import { toDayNumber } from "./dates";
import { checkTopology, parseTopology } from "./parse-topology";
import { pathCoordinates, pathPartStarts } from "./path-coordinates";
import { formatProblem } from "./problems";
import { pathLengthKm } from "./route";
import type { Link, Topology } from "./schema";
import { validTopologyInput } from "./test-fixtures";

const published = (id: string): Topology =>
  parseTopology(
    JSON.parse(readFileSync(`public/data/${id}.topology.json`, "utf8")),
    `${id}.topology.json`,
  );

const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** A link's fields but its path, with an empty `networks` read as missing (the table cannot tell). */
const comparable = ({ path: _path, networks, ...rest }: Link) => ({
  ...rest,
  ...(networks && networks.length > 0 ? { networks } : {}),
});

type Column = unknown[];
interface Table {
  id: Column;
  kind: Column;
  from: Column;
  to: Column;
  networks: Column;
  active: Column;
  sources: Column;
  path: Column;
  [column: string]: Column | undefined;
}

/** The test document with its one link moved into a table, plus a second link "ba". */
function tableInput() {
  const doc = validTopologyInput();
  doc.links = [];
  doc.linkTable = {
    id: ["ab", "ba"],
    kind: [0, 1],
    from: [0, 1],
    to: [1, 0],
    networks: [[0], []],
    active: [[toDayNumber("2010-01-01")], [toDayNumber("2011-05-01"), toDayNumber("2012-01-01")]],
    sources: [[0], [0]],
    path: [
      "q1:yuCsYZW",
      [
        [124.4, 40.1],
        [125.7, 39],
      ],
    ],
  };
  return doc as ReturnType<typeof validTopologyInput> & { linkTable: Table };
}

const problemsOf = (doc: unknown) => checkTopology(doc).map(formatProblem);

describe("the link table", () => {
  it("reads as the same topology as the record form, for every published dataset", () => {
    for (const id of ["north-korea", "cuba", "crimea"]) {
      const plain = published(id);
      const doc = throughJson(encodeTableTopology(plain, { decimals: 6 })) as {
        links: unknown[];
        linkTable: { id: string[] };
      };
      // Links with notes stay records; the rest are rows.
      expect(doc.links.length + doc.linkTable.id.length).toBe(plain.links.length);
      const table = parseTopology(doc, id);
      const byId = new Map(table.links.map((l) => [l.id, l]));
      expect({ ...table, links: [] }).toEqual({ ...plain, links: [] });
      for (const link of plain.links) {
        const read = byId.get(link.id) as Link;
        expect(comparable(read)).toEqual(comparable(link));
        const expected = pathCoordinates(link);
        const actual = pathCoordinates(read);
        expect(actual).toHaveLength(expected.length);
        actual.forEach((v, j) => {
          expect(Math.abs(v - (expected[j] as number))).toBeLessThanOrEqual(0.5e-6 + 1e-12);
        });
      }
    }
  });

  it("derives a missing length when it is read, as a field like any other", () => {
    const [ab, ba] = parseTopology(tableInput()).links as [Link, Link];
    const km = Math.round(pathLengthKm(ba.path as [number, number][]) * 10) / 10;
    expect(Object.keys(ba)).toEqual([
      "id",
      "name",
      "kind",
      "from",
      "to",
      "networks",
      "active",
      "sources",
      "path",
      "lengthKm",
      "countries",
      "crossings",
    ]);
    expect(JSON.parse(JSON.stringify(ba)).lengthKm).toBe(km);
    expect({ ...ba }.lengthKm).toBe(km);
    expect(ba.lengthKm).toBe(km);
    ab.lengthKm = 12.5;
    expect(ab.lengthKm).toBe(12.5);
    expect(Object.getOwnPropertyDescriptor(ab, "lengthKm")?.value).toBe(12.5);
  });

  it("leaves out the columns the reader derives, and the reader derives them", () => {
    const doc = tableInput();
    const topology = parseTopology(doc);
    const [ab, ba] = topology.links as [Link, Link];
    expect(ab.name).toBe("A – B");
    expect(ba.countries).toEqual(["CN", "KP"]);
    expect(ab.crossings).toEqual([]);
    const km = pathLengthKm([
      [125.7, 39],
      [124.4, 40.1],
    ]);
    expect(ab.lengthKm).toBe(Math.round(km * 10) / 10);
    expect(ab.networks).toEqual([64500]);
    expect(ab.active).toEqual([{ from: "2010-01-01", to: null }]);
    expect(ba.active).toEqual([{ from: "2011-05-01", to: "2012-01-01" }]);
    expect(ba.kind).toBe("submarine");
    expect(ab.path).toEqual([
      [125.7, 39],
      [124.4, 40.1],
    ]);
    const encoded = encodeTableTopology(topology, { decimals: 1 });
    expect(Object.keys(encoded.linkTable)).toEqual([
      "id",
      "kind",
      "from",
      "to",
      "active",
      "sources",
      "path",
      "networks",
    ]);
    expect(encoded.linkTable.path[0]).toBe("q1:yuCsYZW");
  });

  it("takes optional columns as given", () => {
    const doc = tableInput();
    Object.assign(doc.linkTable, {
      name: [null, "Back"],
      lengthKm: [1, 2],
      countries: [["KP"], []],
      crossings: [[{ from: "KP", to: "CN", at: [124.5, 40] }], []],
      via: [[], [0]],
    });
    const [ab, ba] = parseTopology(doc).links as [Link, Link];
    expect([ab.name, ba.name]).toEqual(["A – B", "Back"]);
    expect([ab.lengthKm, ba.lengthKm]).toEqual([1, 2]);
    expect(ab.countries).toEqual(["KP"]);
    expect(ab.crossings).toEqual([{ from: "KP", to: "CN", at: [124.5, 40] }]);
    expect(ba.via).toEqual(["a"]);
  });

  it("gives rows that hold the same list one frozen array; reads intervals by pairs of days", () => {
    const doc = tableInput();
    doc.linkTable.networks = [[0], [0]];
    // "ab" goes from a to b, "ba" back: their endpoints' countries, in that order, differ.
    // "ab2" goes from c, another node in a's country, to b: the same countries as "ab".
    doc.nodes.push({ ...doc.nodes[0], id: "c", name: "C", coordinates: [126, 39.5] });
    const third = { id: "ab2", kind: 0, from: 2, to: 1, networks: [0], sources: [0] };
    for (const [column, value] of Object.entries(third)) doc.linkTable[column]?.push(value);
    doc.linkTable.active.push(["2013-01-01", "2014-01-01", "2015-06-01"].map(toDayNumber));
    doc.linkTable.path.push("q1:yuCsYZW");
    const [ab, ba, ab2] = parseTopology(doc).links as [Link, Link, Link];
    expect(ab.sources).toBe(ba.sources);
    expect(ab.networks).toBe(ba.networks);
    expect(ab.countries).toBe(ab2.countries);
    expect(ab.countries).not.toBe(ba.countries);
    expect(Object.isFrozen(ab.sources)).toBe(true);
    expect(() => (ab.sources as string[]).push("more")).toThrow(TypeError);
    expect(ba.active).toEqual([{ from: "2011-05-01", to: "2012-01-01" }]);
    expect(ab.active).toEqual([{ from: "2010-01-01", to: null }]);
    expect(ab2.active).toEqual([
      { from: "2013-01-01", to: "2014-01-01" },
      { from: "2015-06-01", to: null },
    ]);
  });

  it("shares the id space with link records: events and stories may name rows", () => {
    const doc = tableInput();
    doc.events[0] = { ...doc.events[0], links: ["ba"] };
    expect(problemsOf(doc)).toEqual([]);
    doc.events[0] = { ...doc.events[0], links: ["nope"] };
    expect(problemsOf(doc)).toEqual(['events[0].links[0]: unknown link id ("nope")']);
    const both = tableInput();
    both.links = validTopologyInput().links;
    expect(problemsOf(both)).toEqual(['linkTable.id[0]: duplicate id ("ab")']);
    const mixed = tableInput();
    mixed.links = validTopologyInput().links.map((l) => ({ ...l, id: "first" }));
    expect(parseTopology(mixed).links.map((l) => l.id)).toEqual(["first", "ab", "ba"]);
  });

  it("names the column, row and value of every problem", () => {
    const cases: [(t: Table) => void, string][] = [
      [
        (t) => (t.id[1] = "Bad Id"),
        'linkTable.id[1]: not an id (lowercase letters, digits and -) ("Bad Id")',
      ],
      [
        (t) => (t.kind[0] = 7),
        "linkTable.kind[0]: not a link kind index (0–4: terrestrial, submarine, satellite, microwave, peering) (7)",
      ],
      [(t) => (t.from[1] = 2), "linkTable.from[1]: not a node index (an integer from 0 to 1) (2)"],
      [(t) => (t.to[0] = 0), "linkTable.to[0]: link ends where it starts (0)"],
      [
        (t) => (t.sources[0] = []),
        "linkTable.sources[0]: lists no source (at least 1 source index) ([])",
      ],
      [
        (t) => (t.networks[1] = [0.5]),
        "linkTable.networks[1][0]: not a network index (an integer from 0 to 0) (0.5)",
      ],
      [(t) => (t.active[0] = []), "linkTable.active[0]: has no active or planned interval"],
      [
        (t) => (t.active[0] = ["2010-01-01"]),
        'linkTable.active[0][0]: not a day number (whole days since 1970-01-01, years 1–9999) ("2010-01-01")',
      ],
      [
        (t) => (t.active[1] = [15000, 14999]),
        "linkTable.active[1][1]: interval ends on 2011-01-25, before it starts (2011-01-26) (14999)",
      ],
      [
        (t) => (t.active[1] = [15000, 15001, 15001]),
        "linkTable.active[1][2]: interval starts on 2011-01-27, before the previous one ends (2011-01-27) (15001)",
      ],
      [
        (t) => (t.path[0] = "q1:"),
        'linkTable.path[0]: decodes to 0 vertices; a path needs at least 2 ("q1:")',
      ],
      [
        (t) => (t.path[1] = [[1, 2]]),
        "linkTable.path[1]: a path needs at least 2 vertices ([[1,2]])",
      ],
      [
        (t) => (t.name = [null, ""]),
        'linkTable.name[1]: name is empty (null gives the default name) ("")',
      ],
      [
        (t) => (t.countries = [["KP"], ["kp"]]),
        'linkTable.countries[1][0]: not an ISO 3166-1 alpha-2 country code ("kp")',
      ],
      [
        (t) => (t.lengthKm = [1, -1]),
        "linkTable.lengthKm[1]: expected a length in km (a number, not negative) (-1)",
      ],
      [
        (t) => (t.color = []),
        "linkTable.color: unknown column (columns: id, name, kind, from, to, via, networks, active, planned, formerNames, sources, note, assumptions, path, lengthKm, countries, crossings) ([])",
      ],
      [
        (t) => (t.path[1] = ["q1:yuCsYZW", "q1:"]),
        'linkTable.path[1][1]: decodes to 0 vertices; a path needs at least 2 ("q1:")',
      ],
      [
        (t) =>
          (t.path[1] = [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [1, 2],
              [3, 95],
            ],
          ]),
        "linkTable.path[1][1][1][1]: latitude is off the globe (-90…90) (95)",
      ],
      [
        (t) => (t.path[1] = ["q1:yuCsYZW", [[1, 2]]]),
        "linkTable.path[1][1]: expected a compact path string ([[1,2]])",
      ],
      [
        (t) => (t.planned = [[], [15000, 14999]]),
        "linkTable.planned[1][1]: interval ends on 2011-01-25, before it starts (2011-01-26) (14999)",
      ],
      [
        (t) => (t.formerNames = [null, [{ name: "" }]]),
        'linkTable.formerNames[1][0].name: name is empty ("")',
      ],
      [(t) => (t.note = [null, 5]), "linkTable.note[1]: expected note text (5)"],
      [
        (t) => (t.assumptions = ["x", null]),
        'linkTable.assumptions[0]: expected a list of assumptions ("x")',
      ],
      [(t) => delete (t as Partial<Table>).path, "linkTable.path: required column is missing"],
      [(t) => (t.kind = [0]), 'linkTable.kind: has 1 values; "id" has 2 (one per link)'],
    ];
    for (const [breakIt, message] of cases) {
      const doc = tableInput();
      breakIt(doc.linkTable);
      expect(problemsOf(doc), message).toEqual([message]);
      expect(() => parseTopology(doc, "big.topology.json")).toThrow(message);
    }
    const notATable = tableInput() as Record<string, unknown>;
    notATable.linkTable = [];
    // The table's links are not read, so the event and story that name one say so too.
    expect(problemsOf(notATable)).toEqual([
      "linkTable: expected a table (an object of columns) ([])",
      'events[0].links[0]: unknown link id ("ab")',
      'stories[0].steps[0].select: unknown link id ("ab")',
    ]);
  });
});

describe("the link table's parts and optional columns", () => {
  it("reads a path cell of parts, compact or vertices, as a path of parts", () => {
    const doc = tableInput();
    doc.linkTable.path = [
      ["q1:yuCsYZW", "q1:yuCsYZW"],
      [
        [
          [124.4, 40.1],
          [125.7, 39],
        ],
        [
          [179.5, 10],
          [180.5, 11],
          [181, 12],
        ],
      ],
    ];
    const [ab, ba] = parseTopology(doc).links as [Link, Link];
    expect([...pathPartStarts(ab)]).toEqual([0, 2]);
    expect(ab.path).toEqual([
      [
        [125.7, 39],
        [124.4, 40.1],
      ],
      [
        [125.7, 39],
        [124.4, 40.1],
      ],
    ]);
    expect([...pathPartStarts(ba)]).toEqual([0, 2]);
    expect([...pathCoordinates(ba)]).toEqual([
      124.4, 40.1, 125.7, 39, 179.5, 10, 180.5, 11, 181, 12,
    ]);
  });

  it("derives the length of a path of parts as the sum of its parts, not the jump between them", () => {
    const doc = tableInput();
    const first: [number, number][] = [
      [124.4, 40.1],
      [125.7, 39],
    ];
    const second: [number, number][] = [
      [179.5, 10],
      [180.5, 11],
    ];
    doc.linkTable.path[1] = [first, second];
    const ba = parseTopology(doc).links[1] as Link;
    const km = pathLengthKm(first) + pathLengthKm(second);
    expect(ba.lengthKm).toBe(Math.round(km * 10) / 10);
    expect(ba.lengthKm).toBeLessThan(500);
  });

  it("reads planned intervals, former names, notes and assumptions; null or empty for none", () => {
    const doc = tableInput();
    doc.linkTable.active[1] = [];
    Object.assign(doc.linkTable, {
      planned: [[], [toDayNumber("2011-05-01"), toDayNumber("2012-01-01")]],
      formerNames: [[{ name: "Old", until: "2011-01-01" }], null],
      note: [null, "Withdrawn before it was built."],
      assumptions: [["Assumed."], null],
    });
    const [ab, ba] = parseTopology(doc).links as [Link, Link];
    expect(Object.keys(ab)).toEqual([
      "id",
      "name",
      "kind",
      "from",
      "to",
      "networks",
      "active",
      "formerNames",
      "sources",
      "assumptions",
      "path",
      "lengthKm",
      "countries",
      "crossings",
    ]);
    expect(ab.planned).toBeUndefined();
    expect(ab.formerNames).toEqual([{ name: "Old", until: "2011-01-01" }]);
    expect(ab.assumptions).toEqual(["Assumed."]);
    expect(ba.active).toEqual([]);
    expect(ba.planned).toEqual([{ from: "2011-05-01", to: "2012-01-01" }]);
    expect(ba.note).toBe("Withdrawn before it was built.");
    expect(ba.formerNames).toBeUndefined();
  });

  it("names each network by its id, or by its AS number when it has none", () => {
    const doc = tableInput();
    doc.networks = [
      { asn: 64500, name: "Example Net" },
      { id: "orange", name: "Orange" },
      { id: "ttk", asn: 20485, name: "TransTeleCom" },
    ];
    doc.linkTable.networks = [[0, 1], [2]];
    const [ab, ba] = parseTopology(doc).links as [Link, Link];
    expect(ab.networks).toEqual([64500, "orange"]);
    expect(ba.networks).toEqual(["ttk"]);
  });
});
