/**
 * The places a camera draws and the names it may write: which places stand alone and which are
 * clustered, and for each drawn place or cluster its symbol (an obstacle to names) and its name's
 * candidate placement. Pure, given a projection.
 */
import { type LabelCandidate, MUST_PLACE, type PointObstacle } from "../layers/label-placement";
import { placeLabelText } from "../layers/label-text";
import type { NodeMarker } from "../layers/link-geometry";
import type { ClusterLevel, PlaceCluster } from "../layers/place-clusters";
import { clusterRadius } from "../layers/places-view";

/** What a zoom level draws: places on their own, clusters, and the cluster of each clustered place. */
export interface DrawnPlaces {
  readonly nodes: readonly NodeMarker[];
  readonly clusters: readonly PlaceCluster[];
  readonly clusterOf: ReadonlyMap<string, PlaceCluster> | null;
}

/** Average width of a character of a place name, in pixels (13 px semi-bold). */
const CHAR_PX = 7.6;
/** A place on an active link comes before every idle one. */
const ACTIVE_BONUS = 1000;

/**
 * The places drawn at a cluster `level` (none: every place): the featured ones (the selected and
 * hovered links' places) are drawn out of their clusters, and a cluster of featured places only
 * is not drawn at all.
 */
export function drawnPlaces(
  nodes: readonly NodeMarker[],
  level: ClusterLevel | undefined,
  featured: ReadonlySet<string>,
): DrawnPlaces {
  if (!level) return { nodes, clusters: [], clusterOf: null };
  const drawn: NodeMarker[] = nodes.filter(
    (d) => d.node.kind === "waypoint" || !level.clusterOf.has(d.node.id),
  );
  for (const id of featured) {
    const d = level.clusterOf.get(id)?.members.find((m) => m.node.id === id);
    if (d) drawn.push(d);
  }
  const clusters = level.clusters.filter((c) => c.members.some((m) => !featured.has(m.node.id)));
  return { nodes: drawn, clusters, clusterOf: level.clusterOf };
}

export interface CandidateInput {
  readonly drawn: DrawnPlaces;
  readonly featured: ReadonlySet<string>;
  readonly activeNodes: ReadonlySet<string>;
  /** Screen point of a position, or `null` when it is out of view (or on the globe's far side). */
  readonly project: (lonLat: readonly number[]) => { x: number; y: number } | null;
  /** A place's dot radius in pixels. */
  readonly placeRadius: (d: NodeMarker) => number;
  /** How much the zoom scales the symbols (see `zoomScales`). */
  readonly radiusScale: number;
}

/**
 * The symbols names must keep clear of, and the names to place: each drawn place's (featured ones
 * must be placed), and each cluster's, under the name and id of its busiest place that is not
 * drawn on its own (`clusterNames`: that place, moved to the cluster), beside its disc
 * (`labelGaps`).
 */
export function nameCandidates(input: CandidateInput) {
  const { drawn, featured, activeNodes, project } = input;
  const points: PointObstacle[] = [];
  const candidates: LabelCandidate[] = [];
  const clusterNames = new Map<string, NodeMarker>();
  const labelGaps = new Map<string, number>();
  for (const d of drawn.nodes) {
    const p = project(d.node.coordinates);
    if (!p) continue;
    points.push({ id: d.node.id, x: p.x, y: p.y, r: input.placeRadius(d) + 2 });
    if (d.node.kind === "waypoint") continue;
    candidates.push({
      id: d.node.id,
      x: p.x,
      y: p.y,
      width: placeLabelText(d.node).length * CHAR_PX + 4,
      height: 16,
      priority:
        d.degree +
        (activeNodes.has(d.node.id) ? ACTIVE_BONUS : 0) +
        (featured.has(d.node.id) ? MUST_PLACE : 0),
    });
  }
  for (const c of drawn.clusters) {
    const p = project(c.position);
    if (!p) continue;
    const r = clusterRadius(c.members.length, input.radiusScale);
    points.push({ id: c.id, x: p.x, y: p.y, r: r + 2 });
    const top = c.members.find((d) => !featured.has(d.node.id));
    if (!top) continue;
    clusterNames.set(top.node.id, {
      node: { ...top.node, coordinates: [c.position[0], c.position[1]] },
      degree: c.degree,
    });
    labelGaps.set(top.node.id, r + 5);
    candidates.push({
      id: top.node.id,
      x: p.x,
      y: p.y,
      width: placeLabelText(top.node).length * CHAR_PX + 4,
      height: 16,
      gap: r + 5,
      priority: c.degree + (c.members.some((d) => activeNodes.has(d.node.id)) ? ACTIVE_BONUS : 0),
    });
  }
  return { points, candidates, clusterNames, labelGaps };
}
