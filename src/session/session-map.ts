/**
 * A session's map view, and what it hands the rest of the session: export's capture, search's
 * framing. When the GPU context is lost it says so, and builds the map view anew once it is back.
 */
import type { LinkGeometry } from "../layers/link-geometry";
import type { Basemap } from "../map/basemap";
import type { MapCapture } from "../map/capture";
import type { Clock } from "../map/clock";
import type { PreparedMap } from "../map/create-map";
import type { FrameBounds } from "../map/framing";
import { setupMapView } from "../map/map-view";
import type { Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "../ui/dom";
import { lazyGroupDetails } from "../ui/group-details-loader";
import type { Tooltip } from "../ui/tooltip";
import { framePadding, panelBoxes, type Roots } from "./roots";

export interface SessionMapDeps {
  readonly roots: Roots;
  readonly store: AppStore;
  readonly topology: Topology;
  readonly geometry: LinkGeometry;
  readonly basemap: Basemap;
  readonly clock: Clock;
  readonly tooltip: Tooltip;
  readonly reducedMotion: boolean;
  /** A map already started in `roots.map`, for the first map view to take over. */
  readonly preparedMap?: PreparedMap | null | undefined;
  readonly onReady: () => void;
  readonly onFailure: (message: string) => void;
}

export interface SessionMap {
  /** Mounts the map view (after the panels, whose sizes frame the data). */
  mount(): void;
  /** Export's view of the map, once the map has loaded. */
  capture(): MapCapture | null;
  /** Frames a box of the map, once the map has loaded (before, nothing). */
  frame(bounds: FrameBounds): void;
  dispose(): void;
}

export function createSessionMap(deps: SessionMapDeps): SessionMap {
  const { roots } = deps;
  const glNotice = h(
    "div",
    { class: "banner gl-notice", role: "status", hidden: true },
    "The map's graphics were lost (the graphics card was reset or is busy). It is redrawn as soon as they come back; the timeline and the lists still work.",
  );
  roots.banner.append(glNotice);
  // What a cluster or bundle clicked on the map holds (its panel loaded on the first click).
  const groups = lazyGroupDetails(roots.details, deps.store);
  let capture: MapCapture | null = null;
  let frame: ((bounds: FrameBounds) => void) | null = null;
  let disposed = false;
  /** Taken by the first map view only: one built again (after a GPU reset) makes its own. */
  let prepared = deps.preparedMap;
  let disposeMap: () => void = () => {};

  const mountMap = () => {
    const premade = prepared;
    prepared = null;
    return setupMapView(
      roots.map,
      {
        store: deps.store,
        topology: deps.topology,
        geometry: deps.geometry,
        basemap: deps.basemap,
        clock: deps.clock,
        reducedMotion: deps.reducedMotion,
        onHover: (pick) => deps.tooltip.show(pick),
        framePadding: () => framePadding(roots),
        panels: () => panelBoxes(roots),
        onInspect: (group) => {
          if (group) groups.show(group.target, group.zoomIn);
          else groups.hide();
        },
        onReady: deps.onReady,
        onFailure: (message) => {
          // The map-less view: the timeline, the link list and details stay, the map area says why.
          document.documentElement.dataset.map = "unavailable";
          deps.onFailure(message);
        },
        onContextLost: () => {
          glNotice.hidden = false;
        },
        onContextRestored: () => {
          // Rebuilt after the event has run its course (the old map is removed from inside it).
          setTimeout(() => {
            if (disposed) return;
            glNotice.hidden = true;
            disposeMap();
            disposeMap = mountMap();
          });
        },
        onCapture: (c) => {
          capture = c;
        },
        onFrame: (f) => {
          frame = f;
        },
      },
      premade,
    );
  };

  return {
    mount() {
      disposeMap = mountMap();
    },
    capture: () => capture,
    frame: (bounds) => frame?.(bounds),
    dispose() {
      disposed = true;
      disposeMap();
      delete document.documentElement.dataset.map;
      glNotice.remove();
      groups.dispose();
    },
  };
}
