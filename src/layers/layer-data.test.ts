import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import type { LabelSide } from "./label-placement";
import { createLayerData, selectedSegments } from "./layer-data";
import { buildLinkGeometry } from "./link-geometry";

/** The test topology and a satellite hop beside its link. */
function geometry() {
  const doc = validTopologyInput();
  doc.links.push({ ...doc.links[0], id: "sat", kind: "satellite", crossings: [] });
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
    ...more,
  };
}

describe("createLayerData", () => {
  it("draws the links solid, but satellite hops dashed", () => {
    const data = createLayerData()(input({}));
    expect(data.solid.map((s) => s.link.id)).toEqual(["ab"]);
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

  it("keeps to the links the filters show, the disrupted ones included", () => {
    const derive = createLayerData();
    const all = input({ disrupted: new Set(["ab", "sat"]) });
    expect(derive(all).disrupted).toHaveLength(2);
    const onlySat = derive({ ...all, shown: new Set(["sat"]) });
    expect(onlySat.solid).toEqual([]);
    expect(onlySat.crossings).toEqual([]);
    expect(onlySat.disrupted.map((s) => s.link.id)).toEqual(["sat"]);
  });

  it("labels the places the label sides name", () => {
    const labelSides = new Map<string, LabelSide>([["b", "left"]]);
    const data = createLayerData()({ ...input({}), labelSides });
    expect(data.labelled.map((n) => n.node.id)).toEqual(["b"]);
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
});
