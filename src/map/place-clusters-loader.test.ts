import { describe, expect, it } from "vitest";
import type { LinkGeometry, NodeMarker } from "../layers/link-geometry";
import { CLUSTER_AFTER } from "../layers/places-view";
import { clusterCode, loadPlaceClusters } from "./place-clusters-loader";

/** A geometry of `n` places along the equator, a degree apart (no links). */
function geometry(n: number): LinkGeometry {
  const nodes: NodeMarker[] = Array.from({ length: n }, (_, i) => ({
    node: { id: `p${i}`, name: `p${i}`, kind: "city", coordinates: [i - 90, 0], sources: [] },
    degree: 1,
  }));
  return { segments: [], planned: [], crossings: [], nodes, segmentsByLink: new Map() };
}

describe("loadPlaceClusters", () => {
  it("clusters nothing for a dataset of few places", async () => {
    const clusters = loadPlaceClusters(geometry(CLUSTER_AFTER));
    await clusters.ready;
    expect(clusters.get()).toBeNull();
  });

  it("loads the clustering code for many places, then makes them at once with it in", async () => {
    const first = loadPlaceClusters(geometry(CLUSTER_AFTER + 1));
    expect(first.get()).toBeNull();
    await first.ready;
    expect(first.get()?.level(1).clusters.length).toBeGreaterThan(0);
    expect(clusterCode.current()).not.toBeNull();
    // Fetched ahead (as a large catalog dataset's is), the clusters are there before `ready`
    // settles: the links' first stage uses them.
    const second = loadPlaceClusters(geometry(CLUSTER_AFTER + 1));
    expect(second.get()?.level(1).clusters.length).toBeGreaterThan(0);
  });
});
