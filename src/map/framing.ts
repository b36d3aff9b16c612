/**
 * The camera, both ways: the store's camera (a permalink, a story step) moves the map, the map's
 * moves go back to the store; and framing, which brings a selection or a search result into the
 * part of the map the panels leave clear.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { coordinatesExtent, pathCoordinates } from "../model/path-coordinates";
import type { Topology } from "../model/schema";
import { type AppStore, type Camera, type Selection, setCamera, watch } from "../state/store";
import { cameraOptions, sameCamera } from "./camera";

/** `[[west, south], [east, north]]`; a point when both corners are the same. */
export type FrameBounds = readonly [readonly [number, number], readonly [number, number]];

type Padding = { top: number; right: number; bottom: number; left: number };
const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

export interface FramingDeps {
  readonly map: MapLibreMap;
  readonly store: AppStore;
  readonly topology: Topology;
  /** Screen space the UI covers on each side. */
  readonly framePadding: () => Padding;
  readonly reducedMotion: boolean;
}

export interface Framing {
  /** Pans (and zooms out if needed) so the selection is in view and not behind a panel. */
  frameSelection(selection: Selection | null): void;
  /** Frames a box of the map (a search result) in the space the panels leave clear. */
  frameBounds(bounds: FrameBounds): void;
  /** The map is placed: the store (and so the address) learns where, if it did not say. */
  placed(): void;
  dispose(): void;
}

/**
 * The points a selection covers, as interleaved longitudes and latitudes: every vertex of every
 * part of a link's path (a cable's branches too), or a place's point; none for an unknown id.
 */
export function selectionCoordinates(topology: Topology, selection: Selection): ArrayLike<number> {
  if (selection.kind === "link") {
    const link = topology.links.find((l) => l.id === selection.id);
    return link ? pathCoordinates(link) : [];
  }
  return topology.nodes.find((n) => n.id === selection.id)?.coordinates ?? [];
}

export const cameraOf = (map: MapLibreMap): Camera => {
  const c = map.getCenter();
  return {
    center: [c.lng, c.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
};

export function createFraming(deps: FramingDeps): Framing {
  const { map, store, topology } = deps;
  const moving = () => store.getState().animate && !deps.reducedMotion;
  /** The panels' padding where it leaves a usable map; a plain margin where it would not. */
  const clearOf = (padding: Padding, min: number) => {
    const canvas = map.getCanvas();
    const fits =
      canvas.clientWidth - padding.left - padding.right > min &&
      canvas.clientHeight - padding.top - padding.bottom > min;
    return fits ? padding : 20;
  };

  /** Whether every point of `coordinates` (interleaved lon, lat) is in view, clear of `padding`. */
  const inView = (coordinates: ArrayLike<number>, padding: Padding) => {
    const canvas = map.getCanvas();
    for (let i = 0; i + 1 < coordinates.length; i += 2) {
      const { x, y } = map.project([coordinates[i] as number, coordinates[i + 1] as number]);
      const inside =
        x >= padding.left &&
        x <= canvas.clientWidth - padding.right &&
        y >= padding.top &&
        y <= canvas.clientHeight - padding.bottom;
      if (!inside) return false;
    }
    return true;
  };

  const frameSelection = (selection: Selection | null) => {
    // In story mode each step sets its own camera.
    if (!selection || store.getState().present) return;
    const coordinates = selectionCoordinates(topology, selection);
    const extent = coordinatesExtent(coordinates);
    if (!extent) return;
    const padding = deps.framePadding();
    if (inView(coordinates, padding)) return;
    map.fitBounds(extent, {
      padding: clearOf(padding, 40),
      maxZoom: Math.max(map.getZoom(), 3),
      // Keep the reader's rotation and tilt: only the framing changes.
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      duration: moving() ? 700 : 0,
    });
  };

  const frameBounds = (bounds: FrameBounds) => {
    const [[west, south], [east, north]] = bounds;
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      {
        padding: clearOf(deps.framePadding(), 60),
        // A place alone: close enough to see its town, not its street.
        maxZoom: 6.5,
        bearing: map.getBearing(),
        pitch: map.getPitch(),
        duration: moving() ? 900 : 0,
      },
    );
  };

  const onMoveEnd = () => {
    const camera = cameraOf(map);
    if (!sameCamera(camera, store.getState().camera)) setCamera(store, camera);
  };
  map.on("moveend", onMoveEnd);

  const disposers = [
    watch(
      store,
      (s) => s.camera,
      (camera) => {
        if (camera && !sameCamera(camera, cameraOf(map))) {
          const target = cameraOptions(camera);
          // Presenting, the step's centre is the middle of the map left clear by the caption.
          const padding = store.getState().present ? deps.framePadding() : NO_PADDING;
          if (moving()) map.flyTo({ ...target, padding, essential: false });
          else map.jumpTo({ ...target, padding });
        }
      },
    ),
    watch(
      store,
      (s) => s.present,
      (on) => {
        if (!on) map.setPadding(NO_PADDING);
      },
    ),
  ];

  return {
    frameSelection,
    frameBounds,
    placed() {
      if (!store.getState().camera) setCamera(store, cameraOf(map));
    },
    dispose() {
      for (const dispose of disposers) dispose();
      map.off("moveend", onMoveEnd);
    },
  };
}
