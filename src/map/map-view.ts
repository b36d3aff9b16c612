/**
 * The map view: MapLibre with the offline basemap and deck.gl layers on three surfaces, kept in
 * step with the store (camera, date, selection, theme, projection) and driven by the shared clock.
 * It composes the map's modules (see README.md beside this file); each owns one concern.
 */

import type { Map as MapLibreMap } from "maplibre-gl";
import { createLayerBuilder } from "../layers/build-layers";
import type { InspectedGroup } from "../layers/describe-group";
import type { Box } from "../layers/label-placement";
import { createLayerInputs, type LayerInputSets } from "../layers/layer-inputs";
import type { LinkGeometry } from "../layers/link-geometry";
import { toDayNumber } from "../model/dates";
import type { Topology } from "../model/schema";
import { type AppStore, type Selection, watch } from "../state/store";
import type { Basemap } from "./basemap";
import { createCapture, type MapCapture } from "./capture";
import type { Clock } from "./clock";
import { openMap, type PreparedMap } from "./create-map";
import { createDeckSurfaces } from "./deck-surfaces";
import { activeVertices, createDetailView, type DetailView } from "./detail-view";
import { createFirstFrame } from "./first-frame";
import { createFraming, type FrameBounds } from "./framing";
import { createMapLabels, type MapLabels } from "./labels";
import { createPicking, type HoverPick, linkIdOf } from "./picking";
import { featuredPlaces, loadPlaceClusters } from "./place-clusters-loader";
import { paintTheme } from "./theme";

/**
 * Datasets of up to this many vertices smooth the edges of the flow's lines in the shader where
 * its surface is single-sampled (see `deck-surfaces.ts`). Larger ones do not: their frames are
 * the slow ones, and smoothing widens each line by a pixel or so, which at a world view of thin
 * lines is most of their fragments (a tenth more per frame at 100,000 links).
 */
const SMOOTH_UP_TO = 100_000;

/** The active places before the first layers are built. */
const NO_NODES: ReadonlySet<string> = new Set();

export interface MapViewDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  readonly geometry: LinkGeometry;
  readonly basemap: Basemap;
  readonly clock: Clock;
  /** The system asks for reduced motion: links stay still whatever the view state says. */
  readonly reducedMotion: boolean;
  /** Called once, after the first frame with the links has been drawn. */
  readonly onReady: () => void;
  /** Hover changes: the picked object (or null) and where the pointer is. */
  readonly onHover: (pick: HoverPick) => void;
  /** Screen space the UI covers on each side, kept clear when the camera frames the data. */
  readonly framePadding: () => { top: number; right: number; bottom: number; left: number };
  /** The panels over the map, in the map's pixels: no place name is drawn under one. */
  readonly panels: () => readonly Box[];
  /** Receives a function that frames a box of the map (search results), once the map is loaded. */
  readonly onFrame?: (frame: (bounds: FrameBounds) => void) => void;
  /** Receives the map's capture interface once the map is loaded (for image and video export). */
  readonly onCapture?: (capture: MapCapture) => void;
  /** The GPU context was lost (a driver reset, too many tabs): the map stops drawing. */
  readonly onContextLost?: () => void;
  /**
   * The context is back. deck.gl's buffers did not survive it, so the caller builds the map view
   * anew (the view state is in the store, so nothing of the reader's place is lost).
   */
  readonly onContextRestored?: () => void;
  /**
   * A cluster or bundle was clicked (what it holds, and how to zoom in to split it), or, `null`,
   * the map zooms: the clusters it showed are no more.
   */
  readonly onInspect?: (group: { target: InspectedGroup; zoomIn: () => void } | null) => void;
  /** A problem the map cannot get past (no WebGL, say). */
  readonly onFailure: (message: string) => void;
}

/**
 * Mounts the map into `container`, or takes over `prepared` (made in `container`); returns its
 * disposer.
 */
export function setupMapView(
  container: HTMLElement,
  deps: MapViewDeps,
  prepared?: PreparedMap | null,
): () => void {
  const { store, topology, geometry, basemap, clock } = deps;
  const state = store.getState();
  const map = openMapOf(container, deps, prepared);
  if ("failure" in map) {
    deps.onFailure(map.failure);
    return () => {};
  }
  watchFaults(map, deps);

  const buildLayers = createLayerBuilder();
  const inputs = createLayerInputs(topology);
  const fadeDays = fadeDaysOf(topology);
  const still = () => !store.getState().animate || deps.reducedMotion;
  let sets: LayerInputSets | null = null;
  let loaded = false;
  /** The link under the pointer, drawn whole (every part) with its places. */
  let hoveredLink: string | null = null;
  /** Always drawn (out of their clusters) and named, first. */
  let featured = featuredPlaces(geometry, state.selection, hoveredLink);
  const clusters = loadPlaceClusters(geometry);
  let disposed = false;

  /** The layers for the store's state now (`warm`: without the links, see `first-frame.ts`). */
  const layersNow = (warm = false) => {
    const s = store.getState();
    sets = inputs(s);
    return buildLayers({
      ...sets,
      geometry,
      countryLabels: labels.countryLabels(),
      day: toDayNumber(s.date),
      fadeDays,
      selection: s.selection,
      // Not in an export: the pointer was on the map when the dialog opened, not in the image.
      hoveredLink: capture.frozenTime() === null ? hoveredLink : null,
      // An export draws whole paths, at its own resolution.
      detail: capture.frozenTime() === null ? detail.current() : undefined,
      labelSides: labels.labelSides(),
      places: labels.places(),
      theme: s.theme,
      projection: s.projection,
      animate: s.animate && !deps.reducedMotion && !s.compare,
      // The flow stands still until the map is ready: a new phase would be one more frame.
      time: capture.frozenTime() ?? (firstFrame.ready() ? clock.time() : 0),
      warmUp: warm,
      smoothEdges,
    });
  };
  /** Hands every surface the layers for the store's state now. */
  const render = () => firstFrame.render();
  const detail = createDetailView({ map, store, geometry, onChange: render });

  const surfaces = createDeckSurfaces(map, {
    onStart: (stack) => firstFrame.started(stack),
    onDrawn: (stack) => {
      if (stack === "under") capture.drawn();
      firstFrame.drawn(stack);
    },
    onHover: (stack, info) => picking.hover(stack, info),
  });
  // Once per dataset: a change would compile the links' shaders again, waiting for the GPU.
  const smoothEdges = surfaces.singleSampled && activeVertices(geometry) <= SMOOTH_UP_TO;
  const firstFrame = createFirstFrame({
    surfaces,
    layers: layersNow,
    mapLoaded: () => loaded,
    onReady: deps.onReady,
    // With the places clustered as the first frame draws them: the links staged before were
    // staged again at load, as the links of clustered places left for bundles (at gen-10000, one
    // segment in seven, and a third of a second).
    linksReady: Promise.all([detail.ready, clusters.ready]).then(() => {
      if (!disposed) labels.placeNodes();
    }),
  });
  const capture = createCapture(map, surfaces, render);
  const labels = createMapLabels({
    map,
    store,
    basemap,
    geometry,
    clusters: clusters.get,
    activeNodes: () => sets?.activeNodes ?? NO_NODES,
    featured: () => featured,
    panels: deps.panels,
    onChange: () => loaded && render(),
  });
  const picking = createPicking({
    map,
    store,
    topology,
    pick: surfaces.pick,
    reducedMotion: deps.reducedMotion,
    onInspect: (target, zoomIn) => deps.onInspect?.({ target, zoomIn }),
    loaded: () => loaded,
    onHover: (pick) => {
      deps.onHover(pick);
      const id = linkIdOf(pick?.object);
      if (id === hoveredLink) return;
      hoveredLink = id;
      featured = featuredPlaces(geometry, store.getState().selection, hoveredLink);
      if (loaded) {
        labels.placeNodes();
        render();
      }
    },
  });

  const disposers = followStore(store, {
    map,
    render,
    still,
    clock,
    labels,
    detail,
    projectNow: !!prepared?.styled(),
    selected: (selection) => {
      featured = featuredPlaces(geometry, selection, hoveredLink);
      if (loaded) {
        labels.placeNodes();
        framing.frameSelection(selection);
      }
    },
    firstFrameReady: () => firstFrame.ready() && capture.frozenTime() === null,
  });
  const framing = createFraming({
    map,
    store,
    topology,
    framePadding: deps.framePadding,
    reducedMotion: deps.reducedMotion,
  });

  const onLoad = () => {
    if (disposed) return;
    loaded = true;
    framing.placed();
    deps.onCapture?.(capture.capture);
    deps.onFrame?.(framing.frameBounds);
    // Place names first: country names fill the space they leave.
    labels.placeNodes();
    labels.placeCountries();
    render();
    map.triggerRepaint();
    // The surfaces may have been ready before the map: if so, they draw now.
    firstFrame.loaded();
  };

  clock.want("flow", !still());
  startSurfaces(map, surfaces, prepared, {
    clustersReady: clusters.ready,
    onLoad,
  });

  return () => {
    disposed = true;
    firstFrame.dispose();
    for (const dispose of disposers) dispose();
    framing.dispose();
    labels.dispose();
    detail.dispose();
    picking.dispose();
    clock.want("flow", false);
    surfaces.dispose();
    map.remove();
  };
}

/** Opens the map in `container` (or takes over `prepared`) at the store's view now. */
function openMapOf(container: HTMLElement, deps: MapViewDeps, prepared?: PreparedMap | null) {
  const { store, topology, basemap } = deps;
  const state = store.getState();
  return openMap(
    container,
    {
      topology,
      basemap,
      theme: state.theme,
      projection: state.projection,
      camera: state.camera,
      padding: deps.framePadding(),
      present: state.present,
    },
    prepared,
  );
}

/**
 * The surfaces start before the tiles are in (see `first-frame.ts`): the overlaid ones at once,
 * the interleaved one once the map has its style, as it adds its layers to it. The map loads once its places'
 * clusters are in: a dataset of many places draws its first frame with them clustered.
 */
function startSurfaces(
  map: MapLibreMap,
  surfaces: ReturnType<typeof createDeckSurfaces>,
  prepared: PreparedMap | null | undefined,
  steps: {
    readonly clustersReady: Promise<unknown>;
    readonly onLoad: () => void;
  },
) {
  surfaces.mountOverlaid();
  if (prepared?.styled()) surfaces.mountInterleaved();
  else map.once("style.load", surfaces.mountInterleaved);
  const loadWhenClustered = () => void steps.clustersReady.then(steps.onLoad);
  if (prepared?.loaded()) loadWhenClustered();
  else map.once("load", loadWhenClustered);
}

/** How long (days) a link glows as it appears and lingers as it retires: a 120th of the range. */
function fadeDaysOf(topology: Topology): number {
  const rangeDays = toDayNumber(topology.timeRange[1]) - toDayNumber(topology.timeRange[0]);
  return Math.max(14, rangeDays / 120);
}

/** The map's faults (a lost or restored GPU context, errors); and a zoom closes a group's panel. */
function watchFaults(map: MapLibreMap, deps: MapViewDeps) {
  map.on("zoomstart", () => deps.onInspect?.(null));
  map.on("webglcontextlost", () => deps.onContextLost?.());
  map.on("webglcontextrestored", () => deps.onContextRestored?.());
  // The basemap needs no network, so any map error is a real fault: report it as one.
  map.on("error", (event) => console.error("map:", event.error?.message ?? event));
}

interface Followers {
  readonly map: MapLibreMap;
  /** Hands every surface the layers for the store's state now. */
  readonly render: () => void;
  /** Whether the links stand still (no flow animation). */
  readonly still: () => boolean;
  readonly clock: Clock;
  readonly labels: MapLabels;
  readonly detail: DetailView;
  /** The map has its style already: the projection applies now, not once it has. */
  readonly projectNow: boolean;
  /** The selection changed (after the layers were handed over): its places named first, framed. */
  readonly selected: (selection: Selection | null) => void;
  /** Whether the first frame is drawn and no export holds the flow still. */
  readonly firstFrameReady: () => boolean;
}

/** The map follows the view state: each change re-renders what it touches; returns disposers. */
function followStore(store: AppStore, f: Followers): (() => void)[] {
  const { map, render, clock } = f;
  const applyProjection = () => map.setProjection({ type: store.getState().projection });
  if (f.projectNow) applyProjection();
  else map.on("style.load", applyProjection);
  return [
    watch(store, (s) => s.date, render),
    watch(
      store,
      (s) => s.selection,
      (selection) => {
        render();
        f.selected(selection);
      },
    ),
    watch(store, (s) => s.filters, render),
    watch(store, (s) => s.focus, render),
    watch(store, (s) => s.compare, render),
    watch(
      store,
      (s) => s.animate,
      () => {
        clock.want("flow", !f.still());
        render();
      },
    ),
    watch(
      store,
      (s) => s.theme,
      (theme) => {
        paintTheme(map, theme);
        render();
      },
    ),
    watch(
      store,
      (s) => s.projection,
      () => {
        applyProjection();
        f.detail.update(true);
        f.labels.placeNodes();
        f.labels.placeCountries();
        render();
      },
    ),
    clock.onTick(() => {
      // Not before the first frame is drawn: on a large dataset, each would be one more to wait for.
      if (f.firstFrameReady() && !store.getState().compare && !f.still()) render();
    }),
  ];
}
