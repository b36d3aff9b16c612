import { describe, expect, it } from "vitest";
import { encodeCompactPath } from "./compact-path";
import { checkTopology, MAX_PROBLEMS, parseCatalog, parseTopology } from "./parse-topology";
import { pathCoordinates, pathPartStarts } from "./path-coordinates";
import { DocumentError, formatProblem, type Problem } from "./problems";
import { LIMITS } from "./schema";
import { partsTopologyInput, validTopologyInput } from "./test-fixtures";

/** The formatted problems of a document, one string each. */
const problemsOf = (doc: unknown) => checkTopology(doc).map(formatProblem);

describe("parseTopology", () => {
  it("returns the typed topology of a valid document", () => {
    const topology = parseTopology(validTopologyInput(), "test.json");
    expect(topology.links[0]?.id).toBe("ab");
    expect(checkTopology(validTopologyInput())).toEqual([]);
  });

  it("throws a DocumentError whose message names the document, the path and the value", () => {
    const doc = validTopologyInput();
    (doc.links[0] as { active: unknown[] }).active = [{ from: "2017-13-01", to: null }];
    expect(() => parseTopology(doc, "nk.json")).toThrow(DocumentError);
    expect(() => parseTopology(doc, "nk.json")).toThrow(
      'nk.json: links[0].active[0].from: not a date (expected YYYY-MM-DD) ("2017-13-01")',
    );
  });

  it("rejects another format and an unknown version before reading further", () => {
    expect(problemsOf({ ...validTopologyInput(), format: "geojson" })).toEqual([
      'format: not an Uplinks document of format "uplinks-topology" ("geojson")',
    ]);
    expect(problemsOf({ ...validTopologyInput(), version: 2 })).toEqual([
      "version: unsupported version (this app reads version 1) (2)",
    ]);
    expect(problemsOf([1, 2])).toEqual(["(root): expected a JSON object ([1,2])"]);
  });

  it("rejects a date that is not on the calendar", () => {
    const doc = validTopologyInput();
    doc.events[0] = { ...doc.events[0], date: "2017-02-30" };
    expect(problemsOf(doc)).toEqual([
      'events[0].date: not a date (expected YYYY-MM-DD) ("2017-02-30")',
    ]);
  });

  it("rejects an interval that ends before it starts", () => {
    const doc = validTopologyInput();
    doc.links[0] = { ...doc.links[0], active: [{ from: "2012-01-01", to: "2011-12-31" }] };
    expect(problemsOf(doc)).toEqual([
      'links[0].active[0].to: interval ends before it starts (2012-01-01) ("2011-12-31")',
    ]);
  });

  it("rejects intervals of a link that overlap", () => {
    const doc = validTopologyInput();
    doc.links[0] = {
      ...doc.links[0],
      active: [
        { from: "2010-01-01", to: "2012-01-01" },
        { from: "2011-06-01", to: null },
      ],
    };
    expect(problemsOf(doc)).toEqual([
      'links[0].active[1].from: interval starts before the previous one ends (2012-01-01) ("2011-06-01")',
    ]);
  });

  it("rejects an event that ends before it starts", () => {
    const doc = validTopologyInput();
    doc.events[0] = { ...doc.events[0], end: "2014-12-01" };
    expect(problemsOf(doc)).toEqual([
      'events[0].end: ends before it starts (2014-12-22) ("2014-12-01")',
    ]);
  });

  it("rejects coordinates off the globe", () => {
    const doc = validTopologyInput();
    doc.nodes[0] = { ...doc.nodes[0], coordinates: [190, 39] };
    doc.nodes[1] = { ...doc.nodes[1], coordinates: [124, -91] };
    expect(problemsOf(doc)).toEqual([
      "nodes[0].coordinates[0]: longitude is off the globe (-180…180) (190)",
      "nodes[1].coordinates[1]: latitude is off the globe (-90…90) (-91)",
    ]);
  });

  it("rejects duplicate ids", () => {
    const doc = validTopologyInput();
    doc.nodes.push({ ...doc.nodes[0] });
    expect(problemsOf(doc)).toEqual(['nodes[2].id: duplicate id ("a")']);
  });

  it("rejects references to nodes, links and networks that are not listed", () => {
    const doc = validTopologyInput();
    doc.links[0] = { ...doc.links[0], to: "pyongyng", via: ["b"], networks: [64501] };
    doc.events[0] = { ...doc.events[0], links: ["nope"] };
    (doc.stories[0] as { steps: unknown[] }).steps = [
      {
        title: "One",
        caption: "Text",
        view: { center: [125, 40], zoom: 5 },
        date: "2012-01-01",
        select: "node:zz",
      },
    ];
    expect(problemsOf(doc)).toEqual([
      'links[0].to: unknown node id ("pyongyng")',
      "links[0].networks[0]: unknown network (AS number not in networks) (64501)",
      'events[0].links[0]: unknown link id ("nope")',
      'stories[0].steps[0].select: unknown node id ("zz")',
    ]);
  });

  it("rejects a source id that is not listed, and a record that cites none", () => {
    const doc = validTopologyInput();
    doc.nodes[0] = { ...doc.nodes[0], sources: ["dyn-2017"] };
    doc.nodes[1] = { ...doc.nodes[1], sources: [] };
    expect(problemsOf(doc)).toEqual([
      "nodes[1].sources: cites no source ([])",
      'nodes[0].sources[0]: unknown source id ("dyn-2017")',
    ]);
  });

  it("rejects source URLs that are not http(s)", () => {
    const doc = validTopologyInput();
    doc.sources[0] = { ...doc.sources[0], url: "javascript:alert(1)" };
    expect(problemsOf(doc)).toEqual(['sources[0].url: not an http(s) URL ("javascript:alert(1)")']);
  });

  it("names missing and unknown fields and wrong kinds", () => {
    const doc = validTopologyInput();
    const { from: _from, ...linkWithoutFrom } = doc.links[0] as Record<string, unknown>;
    doc.links[0] = { ...linkWithoutFrom, kind: "wormhole", colour: "red" };
    expect(problemsOf(doc)).toEqual([
      'links[0].kind: not a link kind (terrestrial, submarine, satellite, microwave, peering) ("wormhole")',
      "links[0].from: required field is missing",
      'links[0].colour: unknown field ("red")',
    ]);
  });

  it("reports every problem of a document at once", () => {
    const doc = validTopologyInput();
    doc.nodes[0] = { ...doc.nodes[0], coordinates: [125, 95] };
    doc.links[0] = { ...doc.links[0], from: "x" };
    doc.events[0] = { ...doc.events[0], date: "yesterday" };
    expect(problemsOf(doc)).toHaveLength(3);
  });

  it("never throws anything but a DocumentError on arbitrary JSON values", () => {
    for (const input of [
      null,
      0,
      "x",
      {},
      { format: "uplinks-topology", version: 1, links: "no" },
    ]) {
      expect(() => parseTopology(input)).toThrow(DocumentError);
    }
  });
});

describe("parseTopology on hostile documents", () => {
  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "\u0000javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//example.org/a",
    "ftp://example.org/a",
  ])("rejects the source URL %j, saying only http(s) is allowed", (url) => {
    const doc = validTopologyInput();
    doc.sources[0] = { ...doc.sources[0], url };
    expect(problemsOf(doc)).toEqual([
      `sources[0].url: not an http(s) URL (${JSON.stringify(url)})`,
    ]);
  });

  it("accepts https: and http: source URLs in any case", () => {
    for (const url of ["https://example.org/a", "http://example.org/a", "HTTPS://EXAMPLE.ORG/"]) {
      const doc = validTopologyInput();
      doc.sources[0] = { ...doc.sources[0], url };
      expect(problemsOf(doc)).toEqual([]);
    }
  });

  it("caps names, titles and texts, naming the path and the length", () => {
    const doc = validTopologyInput();
    doc.nodes[0] = { ...doc.nodes[0], name: "n".repeat(LIMITS.nameChars + 1) };
    doc.events[0] = { ...doc.events[0], title: "t".repeat(LIMITS.titleChars + 1) };
    doc.description = "d".repeat(10_000_000);
    doc.sources[0] = { ...doc.sources[0], url: `https://example.org/${"u".repeat(2_000)}` };
    expect(problemsOf(doc)).toEqual([
      `description: description is 10,000,000 characters long; at most 5,000 are allowed ("${"d".repeat(78)}…)`,
      `sources[0].url: URL is longer than 2,000 characters ("https://example.org/${"u".repeat(58)}…)`,
      `nodes[0].name: name is 201 characters long; at most 200 are allowed ("${"n".repeat(78)}…)`,
      `events[0].title: title is 501 characters long; at most 500 are allowed ("${"t".repeat(78)}…)`,
    ]);
  });

  it("caps lists before checking their items", () => {
    const doc = validTopologyInput();
    doc.links[0] = {
      ...doc.links[0],
      // Not strings: a list of strings is a path of compact parts, capped at LIMITS.pathParts.
      path: Array.from({ length: LIMITS.pathVertices + 1 }, () => ({ not: "a vertex" })),
    };
    doc.nodes = Array.from({ length: LIMITS.records + 1 }, () => ({}));
    const problems = checkTopology(doc);
    expect(problems.map(formatProblem).slice(0, 2)).toEqual([
      expect.stringMatching(/^nodes: 500,001 nodes; at most 500,000 are allowed \(\[\{\},/),
      expect.stringMatching(/^links\[0\]\.path: 10,001 vertices; at most 10,000 are allowed/),
    ]);
  });

  it("stops listing problems at MAX_PROBLEMS, and says so", () => {
    const doc = validTopologyInput();
    doc.links = Array.from({ length: 200_000 }, () => ({}));
    const started = performance.now();
    const problems = checkTopology(doc);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[0]).toEqual({ path: ["links", 0, "id"], message: "required field is missing" });
    expect(formatProblem(problems[MAX_PROBLEMS] as Problem)).toBe(
      "(root): more problems not listed: checking stopped after the first 1,000",
    );
  });

  it("names NaN, infinities and prototype keys as they are", () => {
    const doc = validTopologyInput();
    doc.nodes[0] = { ...doc.nodes[0], coordinates: [Number.NaN, Number.POSITIVE_INFINITY] };
    Object.defineProperty(doc, "__proto__", { value: { polluted: true }, enumerable: true });
    doc.links[0] = { ...doc.links[0], constructor: "x" };
    expect(problemsOf(doc)).toEqual([
      "nodes[0].coordinates[0]: expected a longitude (NaN)",
      "nodes[0].coordinates[1]: expected a latitude (Infinity)",
      'links[0].constructor: unknown field ("x")',
      '__proto__: unknown field ({"polluted":true})',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("returns records equal to the input, with the lists checked record by record", () => {
    const input = validTopologyInput();
    expect(parseTopology(structuredClone(input))).toEqual(input);
  });
});

describe("parseTopology of paths of several parts", () => {
  /** The parts document with the cable's path replaced by `path`. */
  const withCablePath = (path: unknown) => {
    const doc = partsTopologyInput();
    doc.links[1] = { ...doc.links[1], path };
    return doc;
  };
  const part = (...coordinates: number[]) => {
    const vertices: number[][] = [];
    for (let i = 0; i < coordinates.length; i += 2)
      vertices.push([coordinates[i] as number, coordinates[i + 1] as number]);
    return vertices;
  };

  it("reads parts of vertices and parts of compact strings as the same path", () => {
    const plain = parseTopology(partsTopologyInput()).links[1];
    const texts = [
      encodeCompactPath([125.7, 39, 124.4, 40.1, 122, 38.5]),
      encodeCompactPath([124.4, 40.1, 126, 41], 5, "b"),
      encodeCompactPath([178.5, -18.1, 180.2, -17.5, 182, -16.9]),
    ];
    const compact = parseTopology(withCablePath(texts)).links[1];
    expect(compact?.path).toEqual(plain?.path);
    expect([...pathPartStarts(compact as never)]).toEqual([0, 3, 5]);
    expect([...pathCoordinates(compact as never)]).toEqual([...pathCoordinates(plain as never)]);
  });

  it("reads a list of one part as that part's vertices", () => {
    const one = part(125.7, 39, 124.4, 40.1);
    expect(parseTopology(withCablePath([one])).links[1]?.path).toEqual(one);
    const text = encodeCompactPath([125.7, 39, 124.4, 40.1]);
    expect(parseTopology(withCablePath([text])).links[1]?.path).toEqual(one);
  });

  it("names the part and the vertex of a broken vertex, once", () => {
    expect(
      problemsOf(
        withCablePath([
          part(1, 2, 3, 4),
          [
            [1, 2],
            [400, 3],
          ],
        ]),
      ),
    ).toEqual(["links[1].path[1][1][0]: longitude is off the globe (-360…360 on a path) (400)"]);
    expect(problemsOf(withCablePath([part(1, 2, 3, 4), [[1, 2]]]))).toEqual([
      "links[1].path[1]: a path needs at least 2 vertices ([[1,2]])",
    ]);
  });

  it("names the part of a broken compact string, beside the link's other problems", () => {
    const good = encodeCompactPath([1, 2, 3, 4]);
    const doc = withCablePath([good, "q5:AA", good, "x"]);
    doc.links[1] = { ...doc.links[1], kind: "laser" };
    expect(problemsOf(doc)).toEqual([
      'links[1].kind: not a link kind (terrestrial, submarine, satellite, microwave, peering) ("laser")',
      'links[1].path[1]: decodes to 1 vertex; a path needs at least 2 ("q5:AA")',
      'links[1].path[3]: not a compact path (expected "q5:", "b5:" or another "q<decimals>:" or "b<decimals>:" before the digits) ("x")',
    ]);
  });

  it("says what a part is when parts mix forms", () => {
    expect(problemsOf(withCablePath([encodeCompactPath([1, 2, 3, 4]), part(1, 2, 3, 4)]))).toEqual([
      "links[1].path[1]: expected a compact path string ([[1,2],[3,4]])",
    ]);
  });

  it("caps the number of parts", () => {
    const many = Array.from({ length: LIMITS.pathParts + 1 }, () => "q5:AAAA");
    expect(problemsOf(withCablePath(many))[0]).toMatch(
      /^links\[1\]\.path: 1,001 parts; at most 1,000 are allowed/,
    );
  });
});

describe("network references", () => {
  it("resolves a link's networks by AS number and by id", () => {
    const topology = parseTopology(partsTopologyInput());
    expect(topology.links[1]?.networks).toEqual(["orange", 64500]);
    expect(topology.networks[1]).toEqual({
      id: "orange",
      name: "Orange",
      country: "FR",
      url: "https://example.org/orange",
    });
  });

  it("reports a reference to no listed network, naming the value", () => {
    const doc = partsTopologyInput();
    doc.links[1] = { ...doc.links[1], networks: ["orang", 64501, 64500] };
    expect(problemsOf(doc)).toEqual([
      'links[1].networks[0]: unknown network (id not in networks) ("orang")',
      "links[1].networks[1]: unknown network (AS number not in networks) (64501)",
    ]);
  });

  it("does not take an AS number written as text for the network", () => {
    const doc = partsTopologyInput();
    doc.links[1] = { ...doc.links[1], networks: ["64500"] };
    expect(problemsOf(doc)).toEqual([
      'links[1].networks[0]: unknown network (id not in networks) ("64500")',
    ]);
  });

  it("needs an id or an AS number on every network, and each only once", () => {
    const doc = partsTopologyInput();
    doc.networks = [
      { asn: 64500, name: "Example Net" },
      { id: "orange", name: "Orange" },
      { name: "Nobody" },
      { id: "orange", asn: 64500, name: "Again" },
    ];
    expect(problemsOf(doc)).toEqual([
      'networks[3].id: duplicate id ("orange")',
      "networks[3].asn: duplicate asn (64500)",
      'networks[2]: a network needs an id or an AS number ({"name":"Nobody"})',
    ]);
  });
});

describe("planned intervals", () => {
  it("accepts a link with no active interval when it has a planned one", () => {
    const topology = parseTopology(partsTopologyInput());
    expect(topology.links[2]?.active).toEqual([]);
    expect(topology.links[2]?.planned).toEqual([{ from: "2016-01-01", to: "2017-06-01" }]);
  });

  it("reports a link with neither an active nor a planned interval", () => {
    for (const planned of [undefined, []]) {
      const doc = partsTopologyInput();
      doc.links[2] = { ...doc.links[2], planned };
      expect(problemsOf(doc)).toEqual(["links[2].active: has no active or planned interval"]);
    }
  });

  it("checks planned intervals for order and overlap as active ones", () => {
    const doc = partsTopologyInput();
    doc.links[2] = {
      ...doc.links[2],
      planned: [
        { from: "2016-01-01", to: "2015-06-01" },
        { from: "2015-01-01", to: null },
      ],
    };
    expect(problemsOf(doc)).toEqual([
      'links[2].planned[0].to: interval ends before it starts (2016-01-01) ("2015-06-01")',
      'links[2].planned[1].from: interval starts before the previous one ends (2015-06-01) ("2015-01-01")',
    ]);
  });
});

describe("parseCatalog", () => {
  const catalog = () => ({
    format: "uplinks-catalog",
    version: 1,
    default: "test",
    datasets: [
      {
        id: "test",
        title: "Test",
        description: "d",
        file: "test.topology.json",
        updated: "2020-01-01",
        timeRange: ["2010-01-01", "2020-01-01"],
        counts: { nodes: 2, links: 1, networks: 1, events: 1, sources: 1, stories: 1 },
      },
    ],
  });

  it("accepts a valid catalog", () => {
    expect(parseCatalog(catalog()).default).toBe("test");
  });

  it("rejects a default that names no listed dataset", () => {
    expect(() => parseCatalog({ ...catalog(), default: "mars" }, "index.json")).toThrow(
      'index.json: default: names no listed dataset ("mars")',
    );
  });
});
