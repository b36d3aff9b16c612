import { describe, expect, it } from "vitest";
import type { NodeMarker } from "./link-geometry";
import { createPlaceClusters } from "./place-clusters";

/** A place at `[lon, lat]` with `degree` links. */
const place = (id: string, lon: number, lat: number, degree = 1): NodeMarker => ({
  node: { id, name: id, kind: "city", coordinates: [lon, lat], sources: [] },
  degree,
});

/** Two tight groups far apart (Marseille's and Singapore's landings) and a lone island. */
function places(): NodeMarker[] {
  return [
    place("marseille", 5.37, 43.3, 9),
    place("toulon", 5.93, 43.12, 2),
    place("genoa", 8.93, 44.41, 3),
    place("singapore", 103.82, 1.35, 12),
    place("changi", 103.99, 1.36, 4),
    place("tuas", 103.64, 1.3, 1),
    place("pitcairn", -130.1, -25.07, 1),
  ];
}

const ids = (d: readonly NodeMarker[]) => d.map((p) => p.node.id).sort();

describe("createPlaceClusters", () => {
  it("merges places that would overlap at a world view into clusters, busiest place first", () => {
    const level = createPlaceClusters(places()).level(1.6);
    expect(level.zoom).toBe(1);
    expect(ids(level.singles)).toEqual(["pitcairn"]);
    expect(level.clusters.map((c) => c.members.map((d) => d.node.id))).toEqual([
      ["singapore", "changi", "tuas"],
      ["marseille", "genoa", "toulon"],
    ]);
    const [asia] = level.clusters;
    expect(asia?.degree).toBe(17);
    expect(level.clusterOf.get("tuas")).toBe(asia);
    expect(level.clusterOf.has("pitcairn")).toBe(false);
  });

  it("splits clusters as the zoom grows, until every place stands alone", () => {
    const clusters = createPlaceClusters(places());
    const world = clusters.level(1);
    const europe = clusters.level(4);
    const street = clusters.level(12);
    expect(world.clusters.length).toBe(2);
    // Genoa is ~270 km from Marseille: apart at zoom 4; Toulon (~50 km) still with it.
    expect(ids(europe.singles)).toContain("genoa");
    expect(europe.clusterOf.get("toulon")?.members.map((d) => d.node.id)).toEqual([
      "marseille",
      "toulon",
    ]);
    expect(street.clusters).toEqual([]);
    expect(ids(street.singles)).toEqual(ids(places()));
  });

  it("says at which zoom a cluster splits, and it does split there", () => {
    const clusters = createPlaceClusters(places());
    const marseille = clusters.level(1).clusterOf.get("marseille");
    if (!marseille) throw new Error("no cluster");
    const after = clusters.level(marseille.expansionZoom);
    expect(after.clusterOf.get("marseille")?.members.length ?? 1).toBeLessThan(
      marseille.members.length,
    );
  });

  it("gives a cluster the same id in every session, whatever was asked before", () => {
    const first = createPlaceClusters(places());
    first.level(9);
    first.level(3);
    const again = createPlaceClusters(places());
    expect(first.level(2).clusters.map((c) => c.id)).toEqual(
      again.level(2).clusters.map((c) => c.id),
    );
    expect(again.level(2).clusters.every((c) => /^cluster:\d+$/.test(c.id))).toBe(true);
  });

  it("keeps a level once read: the same object for the same integer zoom", () => {
    const clusters = createPlaceClusters(places());
    expect(clusters.level(3.2)).toBe(clusters.level(3.9));
  });
});
