/** Short text descriptions of picked map objects, for tooltips. Pure. */

import type { Link, TopologyNode } from "../model/schema";
import type { LinkBundle } from "./bundles";
import { describeBundle, describeCluster } from "./describe-group";
import type { CrossingMarker, LinkSegment, NodeMarker } from "./link-geometry";
import type { PlaceCluster } from "./place-clusters";

export interface Description {
  readonly title: string;
  readonly lines: readonly string[];
}

/** "2017-10-01 – today" for each interval. */
export const describeIntervals = (link: Link): string =>
  link.active.map((i) => `${i.from} – ${i.to ?? "today"}`).join(", ");

/** "2019-05-17 – 2021-01-31" for each planned interval: from its announcement to its plans' end. */
export const describePlanned = (link: Link): string =>
  (link.planned ?? []).map((i) => `${i.from} – ${i.to ?? "not yet in service"}`).join(", ");

const KIND_NAMES: Readonly<Record<string, string>> = {
  terrestrial: "Terrestrial fibre",
  submarine: "Submarine cable",
  satellite: "Satellite",
  microwave: "Microwave",
  peering: "BGP adjacency",
};

/** What each compare-mode layer's links are. */
const COMPARE_LAYERS: Readonly<Record<string, string>> = {
  "compare-only-a": "Only at date A (gone by B)",
  "compare-only-b": "Only at date B (new since A)",
  "compare-both": "At both dates",
};

export const linkKindName = (kind: string) => KIND_NAMES[kind] ?? kind;

/** The tooltip of an object picked in layer `layerId`, or null for nothing worth saying. */
export function describePick(layerId: string, object: unknown): Description | null {
  if (!object || typeof object !== "object") return null;
  if (layerId === "links" || layerId === "links-dashed" || layerId === "links-disrupted") {
    const { link } = object as LinkSegment;
    return { title: link.name, lines: [linkKindName(link.kind), describeIntervals(link)] };
  }
  if (layerId === "links-planned") {
    const { link } = object as LinkSegment;
    const lines = [`${linkKindName(link.kind)} · planned`, `Planned ${describePlanned(link)}`];
    if (link.active.length > 0) lines.push(`In service ${describeIntervals(link)}`);
    return { title: link.name, lines };
  }
  const compared = COMPARE_LAYERS[layerId];
  if (compared) {
    const { link } = object as LinkSegment;
    return {
      title: link.name,
      lines: [compared, linkKindName(link.kind), describeIntervals(link)],
    };
  }
  if (layerId === "nodes") {
    const { node, degree } = object as NodeMarker;
    return {
      title: node.name,
      lines: [describeNode(node), `${degree} link${degree === 1 ? "" : "s"}`],
    };
  }
  if (layerId === "clusters") return describeCluster(object as PlaceCluster);
  if (layerId === "bundles") return describeBundle(object as LinkBundle);
  if (layerId === "crossings") {
    const c = object as CrossingMarker;
    return { title: `Border crossing ${c.from} → ${c.to}`, lines: [c.link.name] };
  }
  return null;
}

function describeNode(node: TopologyNode): string {
  const kind = node.kind.charAt(0).toUpperCase() + node.kind.slice(1);
  return node.country ? `${kind}, ${node.country}` : kind;
}
