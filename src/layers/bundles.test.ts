import { describe, expect, it } from "vitest";
import { buildBundles, bundleWidth, isBundled } from "./bundles";
import type { LinkSegment, NodeMarker } from "./link-geometry";
import { createPlaceClusters } from "./place-clusters";

const place = (id: string, lon: number, lat: number): NodeMarker => ({
  node: { id, name: id, kind: "datacenter", coordinates: [lon, lat], sources: [] },
  degree: 1,
});

/** Three ASes drawn around Frankfurt, two around London, one in Tokyo. */
const places = [
  place("de1", 8.6, 50.1),
  place("de2", 8.7, 50.2),
  place("de3", 8.5, 50.0),
  place("gb1", -0.1, 51.5),
  place("gb2", 0, 51.6),
  place("jp1", 139.7, 35.7),
];

/** A segment of link `id` between `from` and `to`, active over `days`, of `kind`. */
const segment = (
  id: string,
  from: string,
  to: string,
  days: readonly [number, number] = [0, 100],
  kind: "peering" | "submarine" = "peering",
) =>
  ({
    link: { id, name: id, kind, from, to },
    filter: days,
  }) as unknown as LinkSegment;

const byId = new Map(places.map((d) => [d.node.id, d]));

describe("buildBundles", () => {
  it("bundles the links between two clusters into one line that counts them", () => {
    const { clusterOf } = createPlaceClusters(places).level(3);
    const bundles = buildBundles(
      [segment("a", "de1", "gb1"), segment("b", "gb2", "de3"), segment("c", "de2", "jp1")],
      50,
      clusterOf,
      byId,
    );
    expect(bundles.map((b) => b.links.map((l) => l.id))).toEqual([["a", "b"], ["c"]]);
    const europe = bundles[0];
    expect(europe?.fromName).toMatch(/ and \d more$/);
    expect(bundles[1]?.toName).toBe("jp1");
  });

  it("draws nothing for a link within one cluster, nor for one not active on the day", () => {
    const { clusterOf } = createPlaceClusters(places).level(3);
    const bundles = buildBundles(
      [segment("inside", "de1", "de2"), segment("later", "de1", "gb1", [60, 90])],
      50,
      clusterOf,
      byId,
    );
    expect(bundles).toEqual([]);
  });

  it("counts a link of several segments once", () => {
    const { clusterOf } = createPlaceClusters(places).level(3);
    const twice = [segment("a", "de1", "gb1"), segment("a", "de1", "gb1")];
    expect(buildBundles(twice, 50, clusterOf, byId)[0]?.links).toHaveLength(1);
  });
});

describe("isBundled", () => {
  it("bundles a logical link with a clustered end, never a cable, nor anything unclustered", () => {
    const { clusterOf } = createPlaceClusters(places).level(3);
    expect(isBundled(segment("a", "de1", "jp1"), clusterOf)).toBe(true);
    expect(isBundled(segment("s", "de1", "jp1", [0, 1], "submarine"), clusterOf)).toBe(false);
    expect(isBundled(segment("a", "de1", "jp1"), null)).toBe(false);
  });
});

describe("bundleWidth", () => {
  it("grows with the number of links, up to a cap", () => {
    expect(bundleWidth(9)).toBeGreaterThan(bundleWidth(1));
    expect(bundleWidth(10_000)).toBe(14);
  });
});
