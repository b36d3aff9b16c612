/**
 * Links between clusters drawn as bundles (flowmap.blue's way with flows): where the places of a
 * logical link (a BGP adjacency, kind `peering`, drawn between symbolic positions) are clustered,
 * the links between the same two clusters (or a cluster and a place) are one line whose width says
 * how many there are. Physical links keep their own routes: a cable's path is a fact, a
 * peering's arc is not. Pure.
 */
import type { LinkSegment, NodeMarker } from "./link-geometry";
import type { PlaceCluster } from "./place-clusters";

/** The links between two ends at the current zoom, drawn as one line. */
export interface LinkBundle {
  /** `<end>~<end>`, ends ordered: a cluster's id or a place's. */
  readonly id: string;
  readonly from: readonly [number, number];
  readonly to: readonly [number, number];
  /** The names of the ends: a place's, or a cluster's busiest place's with how many it holds. */
  readonly fromName: string;
  readonly toName: string;
  /** The links it holds, in the dataset's order. */
  readonly links: readonly LinkSegment["link"][];
  /** `[from, to]` interleaved for deck.gl's flat path. */
  readonly path: Float64Array;
}

/** Whether a segment is one bundles may stand for: a logical link with a clustered end. */
export function isBundled(
  d: LinkSegment,
  clusterOf: ReadonlyMap<string, PlaceCluster> | null,
): boolean {
  if (!clusterOf || d.link.kind !== "peering") return false;
  return clusterOf.has(d.link.from) || clusterOf.has(d.link.to);
}

interface End {
  readonly id: string;
  readonly position: readonly [number, number];
  readonly name: string;
}

/**
 * The bundles of the `segments` active on `day` (each link counted once): links between the same
 * two ends together; a link within one cluster is not drawn at that zoom.
 */
export function buildBundles(
  segments: readonly LinkSegment[],
  day: number,
  clusterOf: ReadonlyMap<string, PlaceCluster>,
  nodes: ReadonlyMap<string, NodeMarker>,
): LinkBundle[] {
  const endOf = (id: string): End | null => {
    const cluster = clusterOf.get(id);
    if (cluster) {
      const top = cluster.members[0]?.node.name ?? "";
      const name = `${top} and ${cluster.members.length - 1} more`;
      return { id: cluster.id, position: cluster.position, name };
    }
    const node = nodes.get(id)?.node;
    if (!node) return null;
    return { id, position: [node.coordinates[0], node.coordinates[1]], name: node.name };
  };
  const bundles = new Map<string, { a: End; b: End; links: LinkSegment["link"][] }>();
  const counted = new Set<string>();
  for (const d of segments) {
    if (day < d.filter[0] || day > d.filter[1] || counted.has(d.link.id)) continue;
    counted.add(d.link.id);
    const from = endOf(d.link.from);
    const to = endOf(d.link.to);
    if (!from || !to || from.id === to.id) continue;
    const [a, b] = from.id < to.id ? [from, to] : [to, from];
    const key = `${a.id}~${b.id}`;
    const bundle = bundles.get(key) ?? { a, b, links: [] };
    bundle.links.push(d.link);
    bundles.set(key, bundle);
  }
  return [...bundles].map(([id, { a, b, links }]) => ({
    id,
    from: a.position,
    to: b.position,
    fromName: a.name,
    toName: b.name,
    links,
    path: Float64Array.of(a.position[0], a.position[1], b.position[0], b.position[1]),
  }));
}

/** A bundle's width in pixels: grows with the square root of its links, capped. */
export function bundleWidth(count: number): number {
  return Math.min(14, 1 + 1.6 * Math.sqrt(count));
}
