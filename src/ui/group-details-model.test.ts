import { describe, expect, it } from "vitest";
import type { LinkBundle } from "../layers/bundles";
import { describeBundle, describeCluster } from "../layers/describe-group";
import type { NodeMarker } from "../layers/link-geometry";
import type { PlaceCluster } from "../layers/place-clusters";
import { bundleDetails, clusterDetails } from "./group-details-model";

const place = (id: string, degree: number): NodeMarker => ({
  node: { id, name: `${id}, Somewhere`, kind: "city", coordinates: [0, 0], sources: [] },
  degree,
});

const cluster = (count: number): PlaceCluster => {
  const members = Array.from({ length: count }, (_, i) => place(`p${i}`, count - i));
  return {
    id: "cluster:1",
    position: [0, 0],
    members,
    degree: members.reduce((s, d) => s + d.degree, 0),
    expansionZoom: 4,
  };
};

const bundle = (count: number): LinkBundle => ({
  id: "a~b",
  from: [0, 0],
  to: [10, 10],
  fromName: "Frankfurt and 4 more",
  toName: "London",
  links: Array.from({ length: count }, (_, i) => ({
    id: `l${i}`,
    name: `Link ${i}`,
    active: [{ from: "2019-03-01", to: null }],
  })) as unknown as LinkBundle["links"],
  path: Float64Array.of(0, 0, 10, 10),
});

describe("describeCluster", () => {
  it("counts the places and names the busiest five", () => {
    const { title, lines } = describeCluster(cluster(8));
    expect(title).toBe("8 places");
    expect(lines[0]).toBe(
      "p0, Somewhere; p1, Somewhere; p2, Somewhere; p3, Somewhere; p4, Somewhere; and 3 more",
    );
  });
});

describe("describeBundle", () => {
  it("counts the links between its ends", () => {
    expect(describeBundle(bundle(2)).title).toBe("2 links: Frankfurt and 4 more — London");
  });
});

describe("clusterDetails", () => {
  it("lists every place with its number of links, each selectable", () => {
    const details = clusterDetails(cluster(3));
    expect(details.title).toBe("3 places");
    expect(details.items).toEqual([
      { kind: "node", id: "p0", name: "p0, Somewhere", meta: "3 links" },
      { kind: "node", id: "p1", name: "p1, Somewhere", meta: "2 links" },
      { kind: "node", id: "p2", name: "p2, Somewhere", meta: "1 link" },
    ]);
    expect(details.more).toBe(0);
  });

  it("lists at most 200 and counts the rest", () => {
    const details = clusterDetails(cluster(250));
    expect(details.items).toHaveLength(200);
    expect(details.more).toBe(50);
  });
});

describe("bundleDetails", () => {
  it("lists its links, each with when it came into service, between its two ends", () => {
    const details = bundleDetails(bundle(2));
    expect(details.lead).toMatch(/^Between Frankfurt and 4 more and London/);
    expect(details.items[1]).toEqual({
      kind: "link",
      id: "l1",
      name: "Link 1",
      meta: "since 2019-03-01",
    });
  });
});
