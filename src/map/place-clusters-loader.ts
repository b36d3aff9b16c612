/**
 * The map's places in a dataset of many: their clusters, loaded apart (most datasets have too few
 * places to need them, so the clustering code is not in the page's first download), and the
 * places always drawn on their own.
 */
import { linkPlaces } from "../layers/layer-data";
import type { LinkGeometry } from "../layers/link-geometry";
import type { PlaceClusters } from "../layers/place-clusters";
import { CLUSTER_AFTER } from "../layers/places-view";
import type { Selection } from "../state/store";
import { lazyModule } from "./lazy-module";

const NONE: ReadonlySet<string> = new Set();

/** The places of the selected and the hovered link, and the selected place. */
export function featuredPlaces(
  geometry: LinkGeometry,
  selection: Selection | null,
  hoveredLink: string | null,
): ReadonlySet<string> {
  const places = linkPlaces(geometry, [
    selection?.kind === "link" ? selection.id : "",
    hoveredLink ?? "",
  ]);
  if (selection?.kind === "node") places.add(selection.id);
  return places.size > 0 ? places : NONE;
}

/** The clustering code (see `lazyModule`): a catalog dataset of many places fetches it ahead. */
export const clusterCode = lazyModule(() => import("../layers/place-clusters"));

/**
 * The clusters of `geometry`'s places, once loaded (`get` is `null` before, and for a dataset of
 * CLUSTER_AFTER places or fewer); `ready` settles when `get` has its final answer.
 */
export function loadPlaceClusters(geometry: LinkGeometry): {
  get: () => PlaceClusters | null;
  ready: Promise<unknown>;
} {
  let clusters: PlaceClusters | null = null;
  const places = geometry.nodes.filter((d) => d.node.kind !== "waypoint");
  const get = () => clusters;
  if (places.length <= CLUSTER_AFTER) return { get, ready: Promise.resolve() };
  // Made now if the code was fetched ahead (see `clusterCode`), else once it is in.
  const ready = clusterCode.with((m) => {
    clusters = m.createPlaceClusters(places);
  });
  return { get, ready };
}
