import { describe, expect, it } from "vitest";
import { toDayNumber } from "../model/dates";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import type { LabelSide } from "./label-placement";
import { createLayerData, hoveredSegments, linkPlaces, selectedSegments } from "./layer-data";
import { buildLinkGeometry, type LinkSegment } from "./link-geometry";
import { createPlaceClusters } from "./place-clusters";
import { zoomScales } from "./places-view";

/**
 * The test topology and a satellite hop beside its link; and a cable of two parts from A through
 * B to a place C, planned in 2009, in service from 2010.
 */
function geometry() {
  const doc = validTopologyInput();
  doc.nodes.push({ ...doc.nodes[1], id: "c", name: "C", coordinates: [123, 41] });
  doc.links.push(
    { ...doc.links[0], id: "sat", kind: "satellite", crossings: [] },
    {
      ...doc.links[0],
      id: "cable",
      kind: "submarine",
      to: "c",
      via: ["b"],
      planned: [{ from: "2009-01-01", to: "2009-12-31" }],
      path: [
        [
          [125.7, 39],
          [124.4, 40.1],
        ],
        [
          [124.4, 40.1],
          [123, 41],
        ],
      ],
      crossings: [],
    },
  );
  return buildLinkGeometry(parseTopology(doc));
}

function input(more: { shown?: ReadonlySet<string> | null; disrupted?: ReadonlySet<string> }) {
  return {
    geometry: geometry(),
    shown: null,
    fadeDays: 30,
    disrupted: new Set<string>(),
    selection: null,
    compare: null,
    labelSides: new Map<string, LabelSide>(),
    day: toDayNumber("2018-01-01"),
    ...more,
  };
}

describe("createLayerData", () => {
  it("draws the links solid, but satellite hops dashed", () => {
    const data = createLayerData()(input({}));
    expect(data.solid.map((s) => s.link.id)).toEqual(["ab", "cable", "cable"]);
    expect(data.dashed.map((s) => s.link.id)).toEqual(["sat"]);
  });

  it("hands back the same arrays while the input's lists, sets and maps are the same objects", () => {
    const derive = createLayerData();
    const first = input({ disrupted: new Set(["ab"]) });
    const before = { ...derive(first) };
    const after = derive({ ...first });
    for (const key of [
      "solid",
      "dashed",
      "crossings",
      "disrupted",
      "selected",
      "labelled",
    ] as const) {
      expect(after[key], key).toBe(before[key]);
    }
  });

  it("hands the flow layer what the level of detail chooses of the solid links, chosen again only when either changes", () => {
    const derive = createLayerData();
    let calls = 0;
    const detail = {
      level: 0,
      box: null,
      select(segments: readonly LinkSegment[]) {
        calls++;
        return segments.filter((s) => s.link.id === "cable");
      },
    };
    const first = input({});
    expect(derive(first).drawn).toBe(derive(first).solid);
    const drawn = derive({ ...first, detail }).drawn;
    expect(drawn.map((s) => s.link.id)).toEqual(["cable", "cable"]);
    expect(derive({ ...first, detail }).drawn).toBe(drawn);
    expect(calls).toBe(1);
    const filtered = derive({ ...first, detail, shown: new Set(["ab"]) });
    expect(filtered.drawn).toEqual([]);
    expect(calls).toBe(2);
  });

  it("keeps to the links the filters show, the disrupted ones included", () => {
    const derive = createLayerData();
    const all = input({ disrupted: new Set(["ab", "sat"]) });
    expect(derive(all).disrupted).toHaveLength(2);
    const onlySat = derive({ ...all, shown: new Set(["sat"]) });
    expect(onlySat.solid).toEqual([]);
    expect(onlySat.planned).toEqual([]);
    expect(onlySat.crossings).toEqual([]);
    expect(onlySat.disrupted.map((s) => s.link.id)).toEqual(["sat"]);
  });

  it("draws the planned segments apart, every part, and none as a link in service", () => {
    const data = createLayerData()(input({}));
    expect(data.planned.map((s) => [s.link.id, s.planned])).toEqual([
      ["cable", true],
      ["cable", true],
    ]);
    expect([...data.solid, ...data.dashed].some((s) => s.planned)).toBe(false);
  });

  it("draws the hovered link whole, and rings the places of the selected and the hovered link", () => {
    const derive = createLayerData();
    const hovered = derive({ ...input({}), hoveredLink: "cable" });
    expect(hovered.hovered.map((s) => s.planned)).toEqual([false, false, true, true]);
    expect([...hovered.linkPlaces].sort()).toEqual(["a", "b", "c"]);
    const places = hovered.linkPlaces;
    const selected = derive({
      ...input({}),
      hoveredLink: null,
      selection: { kind: "link", id: "cable" },
    });
    expect(selected.hovered).toEqual([]);
    // The same places: the same set, so the places' layer is kept.
    expect(selected.linkPlaces).toBe(places);
  });

  it("labels the places the label sides name", () => {
    const labelSides = new Map<string, LabelSide>([["b", "left"]]);
    const data = createLayerData()({ ...input({}), labelSides });
    expect(data.labelled.map((n) => n.node.id)).toEqual(["b"]);
  });
});

describe("hoveredSegments", () => {
  it("gives every segment of the hovered link, or in compare mode those compare mode draws", () => {
    const g = geometry();
    expect(hoveredSegments(g, "cable", null, null)).toBe(g.segmentsByLink.get("cable"));
    const compare = {
      onlyA: new Set<string>(),
      onlyB: new Set(["cable"]),
      both: new Set<string>(),
    };
    expect(hoveredSegments(g, "cable", null, compare).map((s) => s.planned)).toEqual([
      false,
      false,
    ]);
  });

  it("gives none for no link, or one the filters hide", () => {
    const g = geometry();
    expect(hoveredSegments(g, "", null, null)).toEqual([]);
    expect(hoveredSegments(g, "cable", new Set(["ab"]), null)).toEqual([]);
  });
});

describe("linkPlaces", () => {
  it("gives a cable's landings: its from, via and to places, of every link named", () => {
    const g = geometry();
    expect([...linkPlaces(g, ["cable"])]).toEqual(["a", "b", "c"]);
    expect([...linkPlaces(g, ["ab", "", "nowhere"])]).toEqual(["a", "b"]);
  });
});

describe("selectedSegments", () => {
  it("gives the selected link's segments while the filters show it, and none once they hide it", () => {
    const g = geometry();
    expect(selectedSegments(g, "ab", null)).toBe(g.segmentsByLink.get("ab"));
    expect(selectedSegments(g, "ab", new Set(["ab"]))).toBe(g.segmentsByLink.get("ab"));
    expect(selectedSegments(g, "ab", new Set(["sat"]))).toEqual([]);
  });

  it("gives none without a selected link", () => {
    expect(selectedSegments(geometry(), "", null)).toEqual([]);
  });

  it("draws logical links with a clustered end as bundles, not on their own; routes stay", () => {
    const base = input({});
    const { geometry } = base;
    const first = geometry.segments[0];
    if (!first) throw new Error("no segment");
    const peering = { ...first, link: { ...first.link, id: "p", kind: "peering" as const } };
    const withPeering = { ...geometry, segments: [...geometry.segments, peering] };
    const places = geometry.nodes.filter((d) => d.node.kind !== "waypoint");
    const level = createPlaceClusters(places).level(0);
    expect(level.clusters.length).toBeGreaterThan(0);
    const view = {
      nodes: level.singles,
      clusters: level.clusters,
      clusterOf: level.clusterOf,
      labelled: [],
      labelGaps: new Map(),
      ...zoomScales(0),
    };
    const data = createLayerData()({ ...base, geometry: withPeering, places: view });
    expect(data.solid.map((s) => s.link.id)).not.toContain("p");
    expect(data.solid.map((s) => s.link.id)).toContain("ab");
    // Both ends of the test link are in one cluster at zoom 0: no bundle is drawn within it.
    expect(data.bundles).toEqual([]);
  });
});
