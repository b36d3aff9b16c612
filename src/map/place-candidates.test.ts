import { describe, expect, it } from "vitest";
import { MUST_PLACE } from "../layers/label-placement";
import type { NodeMarker } from "../layers/link-geometry";
import { createPlaceClusters } from "../layers/place-clusters";
import { drawnPlaces, nameCandidates } from "./place-candidates";

const place = (id: string, lon: number, lat: number, degree = 1): NodeMarker => ({
  node: { id, name: `${id}, Somewhere`, kind: "city", coordinates: [lon, lat], sources: [] },
  degree,
});

function places(): NodeMarker[] {
  return [
    place("marseille", 5.37, 43.3, 9),
    place("toulon", 5.93, 43.12, 2),
    place("genoa", 8.93, 44.41, 3),
    place("pitcairn", -130.1, -25.07, 1),
  ];
}

/** An equirectangular "screen" of 4 px a degree: everything is in view. */
const project = (p: readonly number[]) => ({
  x: ((p[0] ?? 0) + 180) * 4,
  y: (90 - (p[1] ?? 0)) * 4,
});

describe("drawnPlaces", () => {
  it("draws every place when nothing is clustered", () => {
    const nodes = places();
    expect(drawnPlaces(nodes, undefined, new Set()).nodes).toBe(nodes);
  });

  it("draws a selected link's place out of its cluster, and the cluster still for the others", () => {
    const nodes = places();
    const level = createPlaceClusters(nodes).level(1);
    const drawn = drawnPlaces(nodes, level, new Set(["toulon"]));
    expect(drawn.nodes.map((d) => d.node.id).sort()).toEqual(["pitcairn", "toulon"]);
    expect(drawn.clusters).toHaveLength(1);
  });

  it("draws no cluster whose places are all drawn on their own", () => {
    const nodes = places();
    const level = createPlaceClusters(nodes).level(1);
    const all = new Set(["marseille", "toulon", "genoa"]);
    expect(drawnPlaces(nodes, level, all).clusters).toEqual([]);
  });
});

describe("nameCandidates", () => {
  it("names a cluster after its busiest place, beside its disc, at the cluster", () => {
    const nodes = places();
    const drawn = drawnPlaces(nodes, createPlaceClusters(nodes).level(1), new Set());
    const out = nameCandidates({
      drawn,
      featured: new Set(),
      activeNodes: new Set(["genoa"]),
      project,
      placeRadius: () => 3,
      radiusScale: 1,
    });
    const cluster = drawn.clusters[0];
    const named = out.clusterNames.get("marseille");
    expect(named?.node.coordinates).toEqual(cluster?.position);
    expect(out.labelGaps.get("marseille")).toBeGreaterThan(10);
    const candidate = out.candidates.find((c) => c.id === "marseille");
    // The cluster holds an active place (Genoa): it comes before idle places.
    expect(candidate?.priority).toBeGreaterThan(1000);
    expect(out.points.map((p) => p.id).sort()).toEqual([cluster?.id, "pitcairn"].sort());
  });

  it("makes a featured place's name one that must be placed, and skips places out of view", () => {
    const nodes = places();
    const out = nameCandidates({
      drawn: drawnPlaces(nodes, undefined, new Set()),
      featured: new Set(["toulon"]),
      activeNodes: new Set(),
      project: (p) => ((p[0] ?? 0) < -100 ? null : project(p)),
      placeRadius: () => 3,
      radiusScale: 1,
    });
    expect(out.candidates.map((c) => c.id).sort()).toEqual(["genoa", "marseille", "toulon"]);
    expect(out.candidates.find((c) => c.id === "toulon")?.priority).toBeGreaterThanOrEqual(
      MUST_PLACE,
    );
  });
});
