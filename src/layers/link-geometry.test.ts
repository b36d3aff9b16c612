import { describe, expect, it } from "vitest";
import { encodeCompactTopology } from "../model/compact-topology";
import { parseTopology } from "../model/parse-topology";
import { pathCoordinates } from "../model/path-coordinates";
import { validTopologyInput } from "../model/test-fixtures";
import { buildLinkGeometry, FLOW_SPAN } from "./link-geometry";

/** The test topology with a second, satellite link over three vertices and two intervals. */
function topologyInput() {
  const doc = validTopologyInput();
  doc.links.push({
    ...doc.links[0],
    id: "sat",
    kind: "satellite",
    active: [
      { from: "2010-01-01", to: "2012-01-01" },
      { from: "2015-01-01", to: null },
    ],
    path: [
      [125.7, 39],
      [125, 39.5],
      [124.4, 40.1],
    ],
    crossings: [],
  });
  return doc;
}

describe("buildLinkGeometry", () => {
  it("gives each segment a flat XYZ path and Float32 timestamps from 0 to FLOW_SPAN", () => {
    const { segments } = buildLinkGeometry(parseTopology(topologyInput()));
    const ground = segments[0];
    expect(ground?.path).toBeInstanceOf(Float64Array);
    expect([...(ground?.path ?? [])]).toEqual([125.7, 39, 0, 124.4, 40.1, 0]);
    expect(ground?.timestamps).toBeInstanceOf(Float32Array);
    expect([...(ground?.timestamps ?? [])]).toEqual([0, FLOW_SPAN]);
  });

  it("draws the links layer from the link's own coordinates, and builds XYZ once, on demand", () => {
    const topology = parseTopology(topologyInput());
    const { segmentsByLink } = buildLinkGeometry(topology);
    const link = topology.links[0];
    const [segment] = segmentsByLink.get(link?.id ?? "") ?? [];
    // The very array the link keeps: no copy of every vertex at load.
    expect(segment?.ground).toBe(link && pathCoordinates(link));
    expect([...(segment?.ground ?? [])]).toEqual([125.7, 39, 124.4, 40.1]);
    expect(segment?.path).toBe(segment?.path);
  });

  it("spreads the flow over a path by distance, not by vertex", () => {
    const doc = validTopologyInput();
    // The middle vertex is a quarter of the way along: its timestamp is a quarter of the span.
    doc.links[0] = {
      ...doc.links[0],
      path: [
        [0, 0],
        [1, 0],
        [4, 0],
      ],
    } as (typeof doc.links)[0];
    const [segment] = buildLinkGeometry(parseTopology(doc)).segments;
    const stamps = [...(segment?.timestamps ?? [])];
    expect(stamps[0]).toBe(0);
    expect(stamps[1]).toBeCloseTo(FLOW_SPAN / 4, 2);
    expect(stamps[2]).toBe(FLOW_SPAN);
  });

  it("measures the flow's steps the short way across the antimeridian, and shorter near a pole", () => {
    const stampsOf = (path: [number, number][]) => {
      const doc = validTopologyInput();
      doc.links[0] = { ...doc.links[0], path } as (typeof doc.links)[0];
      const [segment] = buildLinkGeometry(parseTopology(doc)).segments;
      return [...(segment?.timestamps ?? [])];
    };
    // 179°E → 179°W is 2° of longitude, like the 2° that follow it: halfway.
    expect(
      stampsOf([
        [178, 0],
        [180, 0],
        [-178, 0],
      ])[1],
    ).toBeCloseTo(FLOW_SPAN / 2, 2);
    // At 60°N a degree of longitude is half a degree of latitude: 2° east then 1° north, halfway.
    expect(
      stampsOf([
        [10, 60],
        [12, 60],
        [12, 61],
      ])[1],
    ).toBeCloseTo(FLOW_SPAN / 2, 1);
  });

  it("raises a satellite hop into an arc that starts and ends at its endpoints", () => {
    const { segmentsByLink } = buildLinkGeometry(parseTopology(topologyInput()));
    const [first, second] = segmentsByLink.get("sat") ?? [];
    const path = [...(first?.path ?? [])];
    expect(path).toHaveLength(9);
    expect(path.slice(0, 3)).toEqual([125.7, 39, 0]);
    expect(path[6]).toBeCloseTo(124.4, 9);
    expect(path[7]).toBeCloseTo(40.1, 9);
    expect(path[8]).toBeCloseTo(0, 6);
    expect(path[5]).toBeGreaterThan(10_000);
    const stamps = [...(first?.timestamps ?? [])];
    expect(stamps[0]).toBe(0);
    expect(stamps[1]).toBeGreaterThan(0);
    expect(stamps[2]).toBe(FLOW_SPAN);
    // One segment per interval, drawing the same arrays.
    expect(second?.path).toBe(first?.path);
    expect(second?.filter).not.toEqual(first?.filter);
  });

  it("finds each link's segments by its id, one per interval, in order", () => {
    const topology = parseTopology(topologyInput());
    const { segments, segmentsByLink } = buildLinkGeometry(topology);
    expect([...segmentsByLink.keys()]).toEqual(topology.links.map((l) => l.id));
    for (const link of topology.links) {
      const own = segmentsByLink.get(link.id) ?? [];
      expect(own.map((s) => s.link)).toEqual(link.active.map(() => link));
      expect(own.map((s) => s.filter[0])).toEqual(
        [...own].map((s) => s.filter[0]).sort((a, b) => a - b),
      );
    }
    expect([...segmentsByLink.values()].flat()).toEqual(segments);
    expect(segmentsByLink.get("no-such-link")).toBeUndefined();
  });

  it("draws a compact topology as its plain form, within the compact form's rounding", () => {
    const plain = parseTopology(topologyInput());
    const compact = parseTopology(JSON.parse(JSON.stringify(encodeCompactTopology(plain))));
    const a = buildLinkGeometry(plain).segments;
    const b = buildLinkGeometry(compact).segments;
    expect(b).toHaveLength(a.length);
    b.forEach((segment, i) => {
      const expected = a[i]?.path ?? new Float64Array();
      segment.path.forEach((value, j) => {
        expect(value).toBeCloseTo(expected[j] as number, j % 3 === 2 ? -1 : 4);
      });
      expect(segment.filter).toEqual(a[i]?.filter);
    });
  });
});
