/** What the map draws of its places at the camera now, and how the zoom scales symbols and lines. */
import type { NodeMarker } from "./link-geometry";
import type { PlaceCluster } from "./place-clusters";

/**
 * Datasets with more places than this cluster them (`place-clusters.ts`); fewer are each worth
 * their dot at any zoom.
 */
export const CLUSTER_AFTER = 60;

/** The places and clusters drawn now, and the zoom's scales (see `zoomScales`). */
export interface PlacesView {
  /** The places drawn as dots (all of them, where nothing is clustered). */
  readonly nodes: readonly NodeMarker[];
  /** The clusters drawn in place of the other places. */
  readonly clusters: readonly PlaceCluster[];
  /** The cluster of each clustered place, by id; `null` where nothing is clustered. */
  readonly clusterOf: ReadonlyMap<string, PlaceCluster> | null;
  /**
   * The names drawn: places, and clusters under the name of their busiest place (drawn at the
   * cluster, under the id of that place: one that is not drawn on its own).
   */
  readonly labelled: readonly NodeMarker[];
  /** Pixels between a name and its point, where not the usual 10 (beside a cluster's disc). */
  readonly labelGaps: ReadonlyMap<string, number>;
  readonly radiusScale: number;
  readonly lineScale: number;
}

/** How much the zoom scales dots and lines, in steps of 0.05 (a layer is rebuilt per step). */
export interface ZoomScales {
  /** Dots: 0.5 at a world view, growing to 1 at zoom 5. */
  readonly radiusScale: number;
  /** Lines: 0.2 at a world view (under a pixel: hairlines), growing to 1 at zoom 5. */
  readonly lineScale: number;
}

const step = (v: number) => Math.round(v * 20) / 20;
const ramp = (zoom: number, low: number) =>
  low + (1 - low) * Math.min(1, Math.max(0, (zoom - 1.5) / 3.5));

/** Small at a world view, where a dot or a line stands for a lot; full size from zoom 5. */
export function zoomScales(zoom: number): ZoomScales {
  return { radiusScale: step(ramp(zoom, 0.5)), lineScale: step(ramp(zoom, 0.2)) };
}

/**
 * A cluster symbol's radius in pixels: grows with the square root of its places, capped; smaller
 * at a world view (`radiusScale`, see `zoomScales`), never too small for its count.
 */
export function clusterRadius(count: number, radiusScale = 1): number {
  return Math.min(17, 4.5 + 1.5 * Math.sqrt(count)) * (0.5 + 0.5 * radiusScale);
}
