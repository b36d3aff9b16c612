import { describe, expect, it } from "vitest";
import { encodeCompactTopology } from "../model/compact-topology";
import { parseTopology } from "../model/parse-topology";
import { pathCoordinates } from "../model/path-coordinates";
import { validTopologyInput } from "../model/test-fixtures";
import { buildLinkGeometry, FLOW_SPAN, OPEN_END_DAY, plannedDays } from "./link-geometry";

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

/**
 * The test topology with a cable of two parts (a trunk and a branch), planned from 2008 to its
 * service in 2010, in service twice; and a link only ever planned.
 */
function branchedInput() {
  const doc = validTopologyInput();
  doc.links.push(
    {
      ...doc.links[0],
      id: "cable",
      kind: "submarine",
      planned: [{ from: "2008-01-01", to: "2010-01-01" }],
      active: [
        { from: "2010-01-01", to: "2012-01-01" },
        { from: "2015-01-01", to: null },
      ],
      path: [
        [
          [0, 0],
          [1, 0],
          [4, 0],
        ],
        [
          [1, 0],
          [1, 2],
        ],
      ],
      crossings: [],
    },
    {
      ...doc.links[0],
      id: "future",
      planned: [{ from: "2018-01-01", to: null }],
      active: [],
      crossings: [],
    },
  );
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

  it("draws every part of a path of several parts, each part in each interval", () => {
    const topology = parseTopology(branchedInput());
    const { segments, segmentsByLink } = buildLinkGeometry(topology);
    const cable = topology.links.find((l) => l.id === "cable");
    const own = (segmentsByLink.get("cable") ?? []).filter((s) => !s.planned);
    // Two intervals × two parts, interval by interval; the parts of an interval share its filter.
    expect(own.map((s) => [...s.ground])).toEqual([
      [0, 0, 1, 0, 4, 0],
      [1, 0, 1, 2],
      [0, 0, 1, 0, 4, 0],
      [1, 0, 1, 2],
    ]);
    expect(own[1]?.filter).toBe(own[0]?.filter);
    expect(own[2]?.filter).not.toEqual(own[0]?.filter);
    expect(segments.filter((s) => s.link === cable)).toEqual(own);
    // Views into the link's own array: nothing copied.
    const all = cable && pathCoordinates(cable);
    expect(own.map((s) => s.ground.buffer === all?.buffer)).toEqual([true, true, true, true]);
    // A part's end does not join the next part's start: no segment runs from (4, 0) to (1, 0).
    expect(own.every((s) => s.path.length === (s.ground.length / 2) * 3)).toBe(true);
  });

  it("runs the flow along each part from its own start", () => {
    const own = buildLinkGeometry(parseTopology(branchedInput())).segmentsByLink.get("cable") ?? [];
    const [trunk, branch] = own;
    expect(trunk?.timestamps[0]).toBe(0);
    expect(trunk?.timestamps[1]).toBeCloseTo(FLOW_SPAN / 4, 2);
    expect(trunk?.timestamps[2]).toBe(FLOW_SPAN);
    expect([...(branch?.timestamps ?? [])]).toEqual([0, FLOW_SPAN]);
    // The same timestamps for each interval: views of one array, written once.
    expect(own[2]?.timestamps).toBe(trunk?.timestamps);
  });

  it("keeps planned intervals apart from active ones, each part of them", () => {
    const topology = parseTopology(branchedInput());
    const { segments, planned, segmentsByLink } = buildLinkGeometry(topology);
    expect(segments.every((s) => !s.planned)).toBe(true);
    expect(planned.map((s) => [s.link.id, s.planned, s.ground.length])).toEqual([
      ["cable", true, 6],
      ["cable", true, 4],
      ["future", true, 4],
    ]);
    // The link's segments by id: its active ones, then its planned ones.
    expect(segmentsByLink.get("cable")?.map((s) => s.planned)).toEqual([
      false,
      false,
      false,
      false,
      true,
      true,
    ]);
    // A link only ever planned has no active segment, no crossing drawn, and is found by its id.
    expect(segments.some((s) => s.link.id === "future")).toBe(false);
    expect(segmentsByLink.get("future")?.map((s) => s.planned)).toEqual([true]);
  });
});

describe("plannedDays", () => {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

  it("ends a planned interval the day before the link enters service within it", () => {
    const link = {
      planned: [{ from: "2019-05-17", to: "2021-03-01" }],
      active: [{ from: "2021-03-01", to: null }],
    };
    expect(plannedDays(link, day)).toEqual([[day("2019-05-17"), day("2021-02-28")]]);
  });

  it("keeps a planned interval whole when the link enters service after it, or never", () => {
    const withdrawn = { planned: [{ from: "2019-05-17", to: "2020-06-25" }], active: [] };
    expect(plannedDays(withdrawn, day)).toEqual([[day("2019-05-17"), day("2020-06-25")]]);
    const open = { planned: [{ from: "2021-01-01", to: null }], active: [] };
    expect(plannedDays(open, day)).toEqual([[day("2021-01-01"), OPEN_END_DAY]]);
  });

  it("drops a planned interval that an active one starting the same day covers", () => {
    const link = {
      planned: [{ from: "2020-01-01", to: "2020-01-01" }],
      active: [{ from: "2020-01-01", to: null }],
    };
    expect(plannedDays(link, day)).toEqual([]);
  });

  it("has nothing for a link without plans", () => {
    expect(plannedDays({ active: [{ from: "2020-01-01", to: null }] }, day)).toEqual([]);
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
