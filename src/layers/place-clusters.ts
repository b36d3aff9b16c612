/**
 * Places merged by zoom: where the dots of several places would overlap on screen, one cluster
 * stands for them (flowmap.blue's way with locations). The hierarchy is supercluster's, built once
 * per dataset; each zoom level is read from it once and kept. Pure: no map, no DOM.
 */
import Supercluster from "supercluster";
import type { NodeMarker } from "./link-geometry";

/** Places closer than this on screen (CSS pixels) merge into one cluster. */
export const CLUSTER_RADIUS_PX = 30;
/** From this zoom on, every place is drawn on its own. */
export const CLUSTER_MAX_ZOOM = 8;

/** A group of places drawn as one symbol at the current zoom. */
export interface PlaceCluster {
  /**
   * `cluster:<n>`: the same for the same dataset and zoom level in every session (supercluster
   * numbers a cluster by its zoom and the index of its first point, in the dataset's order).
   */
  readonly id: string;
  /** Where it is drawn: the mean of its places' positions. */
  readonly position: readonly [number, number];
  /** Its places, busiest (most links) first. */
  readonly members: readonly NodeMarker[];
  /** The sum of its places' numbers of links. */
  readonly degree: number;
  /** The zoom at which it splits into smaller clusters or single places. */
  readonly expansionZoom: number;
}

/** What is drawn at one zoom level: the places on their own and the clusters. */
export interface ClusterLevel {
  readonly zoom: number;
  readonly singles: readonly NodeMarker[];
  readonly clusters: readonly PlaceCluster[];
  /** The cluster each clustered place belongs to, by place id. */
  readonly clusterOf: ReadonlyMap<string, PlaceCluster>;
}

export interface PlaceClusters {
  /** The level for a (fractional) map zoom: its integer part, at most CLUSTER_MAX_ZOOM + 1. */
  level(zoom: number): ClusterLevel;
}

type Props = { index: number };

const byDegree = (a: NodeMarker, b: NodeMarker) =>
  b.degree - a.degree || (a.node.id < b.node.id ? -1 : a.node.id > b.node.id ? 1 : 0);

/** Clusters of `places` (waypoints are not places: leave them out before). */
export function createPlaceClusters(places: readonly NodeMarker[]): PlaceClusters {
  const index = new Supercluster<Props, Props>({
    radius: CLUSTER_RADIUS_PX,
    // MapLibre's tiles are 512 px: the radius is then in screen pixels.
    extent: 512,
    maxZoom: CLUSTER_MAX_ZOOM,
  }).load(
    places.map((d, i) => ({
      type: "Feature",
      properties: { index: i },
      geometry: { type: "Point", coordinates: [d.node.coordinates[0], d.node.coordinates[1]] },
    })),
  );
  const levels = new Map<number, ClusterLevel>();

  const readLevel = (zoom: number): ClusterLevel => {
    const singles: NodeMarker[] = [];
    const clusters: PlaceCluster[] = [];
    const clusterOf = new Map<string, PlaceCluster>();
    for (const feature of index.getClusters([-180, -90, 180, 90], zoom)) {
      const props = feature.properties;
      if (!("cluster" in props) || !props.cluster) {
        const place = places[(props as Props).index];
        if (place) singles.push(place);
        continue;
      }
      const clusterId = props.cluster_id;
      const members = index
        .getLeaves(clusterId, Number.POSITIVE_INFINITY)
        .map((leaf) => places[leaf.properties.index])
        .filter((d): d is NodeMarker => d !== undefined)
        .sort(byDegree);
      const [lon, lat] = feature.geometry.coordinates;
      const cluster: PlaceCluster = {
        id: `cluster:${clusterId}`,
        position: [lon ?? 0, lat ?? 0],
        members,
        degree: members.reduce((sum, d) => sum + d.degree, 0),
        expansionZoom: index.getClusterExpansionZoom(clusterId),
      };
      clusters.push(cluster);
      for (const d of members) clusterOf.set(d.node.id, cluster);
    }
    clusters.sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
    return { zoom, singles, clusters, clusterOf };
  };

  return {
    level(zoom) {
      const z = Math.max(0, Math.min(CLUSTER_MAX_ZOOM + 1, Math.floor(zoom)));
      let level = levels.get(z);
      if (!level) {
        level = readLevel(z);
        levels.set(z, level);
      }
      return level;
    },
  };
}
