/**
 * What the pointer is over, and what a click does: hover follows the overlaid surfaces' picks; a
 * click selects the node or link under it (points over links), and on nothing clears the
 * selection and focuses the country there, if the dataset's links touch it (again: unfocuses it).
 */
import type { PickingInfo } from "@deck.gl/core";
import type { Map as MapLibreMap, MapMouseEvent } from "maplibre-gl";
import type { LinkBundle } from "../layers/bundles";
import type { InspectedGroup } from "../layers/describe-group";
import type { PlaceCluster } from "../layers/place-clusters";
import type { Topology } from "../model/schema";
import { datasetCountries } from "../state/filters";
import { type AppStore, select, setFocus } from "../state/store";
import type { Overlaid } from "./deck-surfaces";

/** How near a link or point a click may land and still select it, in CSS pixels. */
const CLICK_RADIUS_PX = 4;

/** The picked object (or null) and where the pointer is. */
export type HoverPick = { layerId: string; object: unknown; x: number; y: number } | null;

/**
 * The id of the link a picked object draws or marks (a segment of any of its parts, a border
 * crossing on it), or null: hover highlights that link whole, and a click selects it.
 */
export function linkIdOf(object: unknown): string | null {
  if (!object || typeof object !== "object" || !("link" in object)) return null;
  const { link } = object as { link?: { id?: unknown } };
  return typeof link?.id === "string" ? link.id : null;
}

export interface PickingDeps {
  readonly map: MapLibreMap;
  readonly store: AppStore;
  readonly topology: Topology;
  /** The object under a point, on the top surface that has one. */
  readonly pick: (at: { x: number; y: number; radius: number }) => PickingInfo | null;
  /** The system asks for reduced motion: the camera jumps rather than glides. */
  readonly reducedMotion: boolean;
  /** Whether the map has loaded: clicks before then do nothing. */
  readonly loaded: () => boolean;
  readonly onHover: (pick: HoverPick) => void;
  /** A cluster or a bundle was clicked: what it holds, and how to zoom in to split it. */
  readonly onInspect: (group: InspectedGroup, zoomIn: () => void) => void;
}

export interface Picking {
  /** What an overlaid surface's pointer is over changed; the one on top wins. */
  hover(stack: Overlaid, info: PickingInfo): void;
  dispose(): void;
}

export function createPicking(deps: PickingDeps): Picking {
  const { map, store } = deps;
  const hovered: Record<Overlaid, PickingInfo | null> = { flow: null, over: null };
  const countries = new Set(datasetCountries(deps.topology));

  /** The ISO code of the country drawn at a point of the map, if any. */
  const countryAt = (x: number, y: number): string | null => {
    const feature = map.queryRenderedFeatures([x, y], { layers: ["countries-fill"] })[0];
    const code: unknown = feature?.properties?.code;
    return typeof code === "string" ? code : null;
  };

  const duration = deps.reducedMotion ? 0 : 600;
  /** A cluster splits as the map zooms in: to where it does (flowmap.blue's way). */
  const zoomToCluster = (cluster: PlaceCluster) =>
    map.easeTo({
      center: cluster.position as [number, number],
      zoom: Math.max(cluster.expansionZoom, map.getZoom() + 1),
      duration,
    });
  /** A bundle splits into its links as its ends do: zoom to them. */
  const zoomToBundle = ({ from, to }: LinkBundle) =>
    map.fitBounds(
      [
        [Math.min(from[0], to[0]), Math.min(from[1], to[1])],
        [Math.max(from[0], to[0]), Math.max(from[1], to[1])],
      ],
      { padding: 80, duration },
    );

  const onClick = (e: MapMouseEvent) => {
    if (!deps.loaded()) return;
    const picked = deps.pick({ x: e.point.x, y: e.point.y, radius: CLICK_RADIUS_PX });
    const object = picked?.object as { node?: { id: string } } | undefined;
    if (picked?.layer?.id === "clusters") {
      const cluster = picked.object as PlaceCluster;
      deps.onInspect({ kind: "cluster", cluster }, () => zoomToCluster(cluster));
      return;
    }
    if (object?.node && picked?.layer?.id === "nodes") {
      select(store, { kind: "node", id: object.node.id });
      return;
    }
    if (picked?.layer?.id === "bundles") {
      const bundle = picked.object as LinkBundle;
      deps.onInspect({ kind: "bundle", bundle }, () => zoomToBundle(bundle));
      return;
    }
    const link = linkIdOf(object);
    if (link) {
      select(store, { kind: "link", id: link });
      return;
    }
    select(store, null);
    const code = countryAt(e.point.x, e.point.y);
    if (code && countries.has(code)) setFocus(store, store.getState().focus === code ? null : code);
  };
  map.on("click", onClick);

  return {
    hover(stack, info) {
      hovered[stack] = info.object && info.layer ? info : null;
      const top = hovered.over ?? hovered.flow;
      map.getCanvas().style.cursor = top ? "pointer" : "";
      deps.onHover(
        top?.layer ? { layerId: top.layer.id, object: top.object, x: top.x, y: top.y } : null,
      );
    },
    dispose() {
      map.off("click", onClick);
    },
  };
}
