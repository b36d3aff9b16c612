import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { buildComparedCrossings, buildComparedSegments, comparedSegmentsOf } from "./compare-data";
import { buildLinkGeometry } from "./link-geometry";

/** The test topology with its link active twice, and a second link that crosses no border. */
function geometry() {
  const doc = validTopologyInput();
  const ab = { ...doc.links[0] };
  doc.links = [
    {
      ...ab,
      active: [
        { from: "2010-01-01", to: "2012-01-01" },
        { from: "2015-01-01", to: null },
      ],
    },
    { ...ab, id: "sat", kind: "satellite", crossings: [] },
  ];
  return buildLinkGeometry(parseTopology(doc));
}

const sets = (onlyA: string[], onlyB: string[], both: string[]) => ({
  onlyA: new Set(onlyA),
  onlyB: new Set(onlyB),
  both: new Set(both),
});

describe("buildComparedSegments", () => {
  it("draws each link of each class once, by its first interval", () => {
    const g = geometry();
    const compared = buildComparedSegments(g, sets(["ab"], [], ["sat"]));
    expect(compared.onlyA).toEqual([g.segmentsByLink.get("ab")?.[0]]);
    expect(compared.onlyB).toEqual([]);
    expect(compared.both.map((s) => s.link.id)).toEqual(["sat"]);
  });

  it("draws nothing outside compare mode, nor for ids the geometry does not know", () => {
    const g = geometry();
    expect(buildComparedSegments(g, null)).toEqual({ onlyA: [], onlyB: [], both: [] });
    expect(buildComparedSegments(g, sets([], ["gone"], [])).onlyB).toEqual([]);
  });
});

describe("comparedSegmentsOf", () => {
  it("draws a link of several parts by every part of its first interval", () => {
    const doc = validTopologyInput();
    const [ab] = doc.links;
    doc.links = [
      {
        ...ab,
        planned: [{ from: "2008-01-01", to: "2009-12-31" }],
        active: [
          { from: "2010-01-01", to: "2012-01-01" },
          { from: "2015-01-01", to: null },
        ],
        path: [
          [
            [125.7, 39],
            [124.4, 40.1],
          ],
          [
            [124.4, 40.1],
            [124, 41],
          ],
        ],
      },
      { ...ab, id: "never", active: [], planned: [{ from: "2018-01-01", to: null }] },
    ];
    const g = buildLinkGeometry(parseTopology(doc));
    const drawn = comparedSegmentsOf(g, "ab");
    expect(drawn).toEqual(g.segmentsByLink.get("ab")?.slice(0, 2));
    expect(drawn.map((s) => s.ground.length)).toEqual([4, 4]);
    expect(drawn.every((s) => s.filter === drawn[0]?.filter && !s.planned)).toBe(true);
    // A link never in service is not compared.
    expect(comparedSegmentsOf(g, "never")).toEqual([]);
  });
});

describe("buildComparedCrossings", () => {
  it("marks a border crossing once per link and place, whatever the number of intervals", () => {
    const g = geometry();
    expect(g.crossings).toHaveLength(2);
    const crossings = buildComparedCrossings(g, sets([], ["ab"], []));
    expect(crossings).toEqual([g.crossings[0]]);
  });

  it("marks only the crossings of links in a class of the comparison", () => {
    const g = geometry();
    expect(buildComparedCrossings(g, sets(["sat"], [], []))).toEqual([]);
    expect(buildComparedCrossings(g, null)).toEqual([]);
  });
});
