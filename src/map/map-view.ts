/**
 * The map: MapLibre with the offline basemap and deck.gl layers on three surfaces (one interleaved
 * with the basemap, two canvases over it), kept in step with the store (camera, date, selection,
 * theme, projection) and driven by the shared clock.
 */
import type { Layer, PickingInfo } from "@deck.gl/core";
import { MapLibreOverlay } from "@deck.gl/maplibre";
import { geoDistance } from "d3-geo";
import { Map as MapLibreMap, type MapOptions, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { type CompareSets, createLayerBuilder, type LayerGroups } from "../layers/build-layers";
import { type LabelSide, placeCentredLabels, placeLabels } from "../layers/label-placement";
import type { LinkGeometry } from "../layers/link-geometry";
import { toDayNumber } from "../model/dates";
import type { Topology } from "../model/schema";
import { crossBorderLinkIds } from "../state/connectivity";
import { compareDates, datasetCountries, passesFilters, shownLinkIds } from "../state/filters";
import { activeLinksOn, disruptedLinkIds } from "../state/selectors";
import {
  type AppStore,
  type Camera,
  type ProjectionName,
  type Selection,
  select,
  setCamera,
  setFocus,
  type ThemeName,
  watch,
} from "../state/store";
import { afterFrame } from "./after-frame";
import { type Basemap, basemapThemePaint, buildBasemapStyle, type CountryLabel } from "./basemap";
import { datasetBounds, sameCamera } from "./camera";
import type { Clock } from "./clock";
import { validateByLinkStatus } from "./link-status";

setWorkerUrl(workerUrl);

const NO_PADDING = { top: 0, right: 0, bottom: 0, left: 0 };

/** Labels farther than this from the centre of the view (about 75°) are on the globe's far side. */
const FACING_RADIANS = (75 * Math.PI) / 180;
/** A country is named once its area (steradians × 4^zoom) is this large on screen. */
const COUNTRY_LABEL_MIN_SCREEN_AREA = 0.8;

/** The map as export draws it: a canvas, and its size on screen in CSS pixels. */
export interface MapImage {
  readonly canvas: HTMLCanvasElement;
  readonly view: { readonly width: number; readonly height: number };
}

/** Deterministic frames for export: the flow frozen at a chosen phase, at a chosen pixel ratio. */
export interface MapCapture {
  /**
   * Draws one frame with the flow animation at `time` seconds (frozen until `release`), at
   * `pixelRatio` (2 = twice the screen's CSS pixels), after the store's current state; resolves
   * with a copy of it once every surface has drawn that frame.
   */
  frame(options: { time: number; pixelRatio: number }): Promise<MapImage>;
  /** Back to the live clock and the screen's pixel ratio. */
  release(): void;
}

/** `[[west, south], [east, north]]`; a point when both corners are the same. */
export type FrameBounds = readonly [readonly [number, number], readonly [number, number]];

/** The deck.gl surfaces, bottom to top (see `LayerGroups`). */
type Stack = keyof LayerGroups;
const STACKS: readonly Stack[] = ["under", "flow", "over"];
/**
 * luma.gl links shader programs synchronously unless told otherwise: the page then waits for the
 * GPU to compile each one. Linked in parallel (KHR_parallel_shader_compile), the page goes on,
 * and waits only where it must (see `compiled`).
 */
const PARALLEL_COMPILE = { _disabledFeatures: {} };

/** The surfaces with canvases of their own, over MapLibre's. */
const OVERLAID = ["flow", "over"] as const;

/**
 * deck.gl's attribute arrays, by default allocated twice as large as needed (room to grow in
 * place) and kept in a pool once released. A dataset's arrays are built once and only replaced
 * when filters change: sized exactly, they take half the memory and half the upload to the GPU
 * (it uploads the whole array: at 100,000 links, a quarter of a gigabyte less).
 * The setting is deck.gl's, for the whole page.
 */
const TYPED_ARRAYS = { overAlloc: 1, poolSize: 0 };

/** How near a link or point a click may land and still select it, in CSS pixels. */
const CLICK_RADIUS_PX = 4;

/** A luma.gl render pipeline: its own status follows the shared program's only when drawn. */
interface LinkedPipeline {
  linkStatus: string;
  sharedRenderPipeline?: { linkStatus: string };
}
/** The part of a deck.gl overlay's own Deck (which it keeps private) that the map view drives. */
interface OverlayDeck {
  readonly layerManager?: {
    updateLayers(): void;
    getLayers(): { getModels(): { pipeline?: LinkedPipeline }[] }[];
  } | null;
  redraw(reason?: string): void;
  /** Draws every layer now (what `redraw` calls when no `_customRender` is given). */
  _drawLayers(reason: string): void;
  setProps(props: { _customRender: (reason: string) => void }): void;
  needsRedraw(options: { clearRedrawFlags: boolean }): false | string;
  getCanvas(): HTMLCanvasElement | null;
}
const deckOf = (overlay: MapLibreOverlay) => (overlay as unknown as { _deck?: OverlayDeck })._deck;

/** The part of luma.gl's canvas context that sizing, export and disposal need. */
interface DeckSurface {
  setDrawingBufferSize(width: number, height: number): void;
  /** Also applies a pending size to the canvas. */
  getCurrentFramebuffer(): unknown;
  destroy(): void;
}

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
  readonly onHover: (
    pick: { layerId: string; object: unknown; x: number; y: number } | null,
  ) => void;
  /** Screen space the UI covers on each side, kept clear when the camera frames the data. */
  readonly framePadding: () => { top: number; right: number; bottom: number; left: number };
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
  /** A problem the map cannot get past (no WebGL, say). */
  readonly onFailure: (message: string) => void;
}

const cameraOf = (map: MapLibreMap): Camera => {
  const c = map.getCenter();
  return {
    center: [c.lng, c.lat],
    zoom: map.getZoom(),
    bearing: map.getBearing(),
    pitch: map.getPitch(),
  };
};

/** Width in CSS pixels of the whole world in Web Mercator at zoom 0 (MapLibre's tile size). */
const WORLD_PX_AT_ZOOM_0 = 512;

/**
 * A dataset that spans the world is framed, padded for the panels, at a zoom where the world is
 * narrower than the map: flat Mercator then shows two or three copies of it side by side (and
 * deck.gl draws every layer once for each). Zoom in until one world fills the map's width; the
 * data's edges then lie under the panels, where a reader can pan to them.
 */
function fillWidthWithOneWorld(map: MapLibreMap, projection: ProjectionName): void {
  if (projection !== "mercator") return;
  const fill = Math.log2(map.getContainer().clientWidth / WORLD_PX_AT_ZOOM_0);
  if (map.getZoom() < fill) map.jumpTo({ zoom: fill });
}

/** The camera of a map placed before any dataset: the world, until the dataset frames itself. */
const WORLD_VIEW = { center: [10, 25] as [number, number], zoom: 1 };

/** A map made before its dataset is known (see `prepareMap`). */
export interface PreparedMap {
  readonly map: MapLibreMap;
  /** The theme its basemap was made in. */
  readonly theme: ThemeName;
  /** Whether its style is in (MapLibre's `style.load` event has fired). */
  styled(): boolean;
  /** Whether its style and first tiles are in (MapLibre's `load` event has fired). */
  loaded(): boolean;
}

/** A map of the app's basemap in `container`, placed at `camera` (throws without WebGL2). */
function createMap(
  container: HTMLElement,
  basemap: Basemap,
  theme: ThemeName,
  camera: Partial<MapOptions>,
): MapLibreMap {
  return new MapLibreMap({
    container,
    style: buildBasemapStyle(basemap, theme),
    ...camera,
    attributionControl: { compact: false, customAttribution: "Boundaries: Natural Earth" },
    canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true },
    maxPitch: 60,
    // Let image export reach 4× (MapLibre lowers this to the GPU's own limit).
    maxCanvasSize: [16384, 16384],
    renderWorldCopies: true,
  });
}

/**
 * Starts the basemap before the dataset is read: MapLibre's start (its worker cutting the
 * countries into tiles, its shaders) then overlaps downloading and checking the dataset, instead
 * of following them. It opens at `camera` (a permalink's), else at the whole world, so a shared
 * view does not show the world first. `setupMapView` takes the map over. `null` where no map can
 * be made (no WebGL2): `setupMapView` then says why.
 */
export function prepareMap(
  container: HTMLElement,
  basemap: Basemap,
  theme: ThemeName,
  camera?: Camera,
): PreparedMap | null {
  let map: MapLibreMap;
  try {
    map = createMap(container, basemap, theme, camera ? cameraOptions(camera) : WORLD_VIEW);
  } catch {
    return null;
  }
  let styled = false;
  let loaded = false;
  map.once("style.load", () => {
    styled = true;
  });
  map.once("load", () => {
    loaded = true;
  });
  return { map, theme, styled: () => styled, loaded: () => loaded };
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
  const padding = deps.framePadding();
  let map: MapLibreMap;
  if (prepared) {
    map = prepared.map;
    if (prepared.theme !== state.theme) paintTheme(map, state.theme);
    if (state.camera) map.jumpTo(cameraOptions(state.camera));
    else map.fitBounds(datasetBounds(topology), { padding, maxZoom: 6, duration: 0 });
  } else {
    try {
      map = createMap(
        container,
        basemap,
        state.theme,
        state.camera
          ? cameraOptions(state.camera)
          : { bounds: datasetBounds(topology), fitBoundsOptions: { padding, maxZoom: 6 } },
      );
    } catch (error) {
      deps.onFailure(
        `This browser gives the page no WebGL2, which drawing the map needs. The timeline, the list of active links and their details still work; to see the map, turn on hardware acceleration or try another browser. (${firstSentence((error as Error).message)})`,
      );
      return () => {};
    }
  }
  if (!state.camera) fillWidthWithOneWorld(map, state.projection);
  map.on("webglcontextlost", () => deps.onContextLost?.());
  map.on("webglcontextrestored", () => deps.onContextRestored?.());
  // The basemap needs no network, so any map error is a real fault: report it as one.
  map.on("error", (event) => console.error("map:", event.error?.message ?? event));

  const buildLayers = createLayerBuilder();
  const rangeDays = toDayNumber(topology.timeRange[1]) - toDayNumber(topology.timeRange[0]);
  const fadeDays = Math.max(14, rangeDays / 120);
  let derivedFor = "";
  let filtersFor: unknown;
  let shown: ReadonlySet<string> | null = null;
  let focusFor: string | null | undefined;
  let focusLinks: ReadonlySet<string> | null = null;
  let compare: CompareSets | null = null;
  let disrupted: ReadonlySet<string> = new Set();
  let activeNodes: ReadonlySet<string> = new Set();
  let labelSides: ReadonlyMap<string, LabelSide> = new Map();
  let countryLabels: readonly CountryLabel[] = basemap.labels;
  let ready = false;
  let loaded = false;
  /** Whether every surface has compiled its layers (see `warmUp`); nothing is drawn before. */
  let warmedUp = false;
  /** Whether the overlaid surfaces have their layers (and so take the links, see `stage`). */
  let overlaidWarm = false;
  /** Whether they are about to. */
  let overlaidWarming = false;
  /** Whether their shader programs are linked. */
  let overlaidLinked = false;
  /** Whether the interleaved surface has compiled its layers, or is about to. */
  let underWarm = false;
  let underWarming = false;
  /** Whether it holds its links, not drawn (see `warmUp`). */
  let underStaged = false;
  let disposed = false;

  /**
   * Three deck.gl surfaces, bottom to top (see `LayerGroups`): `under` shares MapLibre's canvas
   * (interleaved), `flow` and `over` have canvases of their own above it. An animation frame
   * changes only the flow's layers, so it redraws one canvas and a layer or two, not the basemap
   * and every layer: the others keep their pixels until the camera or the data changes.
   * Each surface keeps its own pixel ratio, which export sets (and the disposer stops its
   * observers).
   */
  const surfaces: Record<Stack, DeckSurface | null> = { under: null, flow: null, over: null };
  const onDeviceInitialized =
    (stack: Stack) => (device: { canvasContext: DeckSurface | null; handle: unknown }) => {
      surfaces[stack] = device.canvasContext;
      if (device.handle instanceof WebGL2RenderingContext) validateByLinkStatus(device.handle);
    };
  /** What each overlaid surface's pointer is over; the one on top wins. */
  const hovered: Record<"flow" | "over", PickingInfo | null> = { flow: null, over: null };
  const onHover = (stack: "flow" | "over") => (info: PickingInfo) => {
    hovered[stack] = info.object && info.layer ? info : null;
    const top = hovered.over ?? hovered.flow;
    map.getCanvas().style.cursor = top ? "pointer" : "";
    deps.onHover(
      top?.layer ? { layerId: top.layer.id, object: top.object, x: top.x, y: top.y } : null,
    );
  };
  /** The surfaces whose deck.gl has its GPU device, and so can take layers. */
  const started = new Set<Stack>();
  const onLoadOf = (stack: Stack) => () => {
    started.add(stack);
    if (stack !== "under") {
      // (MapLibreOverlay's own props leave this one out: it is the interleaved surface's way in.)
      deckOf(overlays[stack])?.setProps({ _customRender: drawOverlaid(stack) });
      // Size the canvas now, while the GPU is idle. luma.gl would do it on the first frame, and
      // resizing a WebGL canvas waits for the GPU to finish all it was given: then, the map's
      // first frame with its tiles (seconds, with software WebGL).
      const canvas = map.getCanvas();
      surfaces[stack]?.setDrawingBufferSize(canvas.width, canvas.height);
      surfaces[stack]?.getCurrentFramebuffer();
    }
    warmUp();
  };
  /** The surfaces still to draw, after the warm-up, before the map is ready. */
  const toDraw = new Set<Stack>(STACKS);
  /** Whether each surface holds the layers built after the warm-up (with the links). */
  const withLinks: Record<Stack, boolean> = { under: false, flow: false, over: false };
  const afterRender = (stack: Stack) => () => {
    if (stack === "under") {
      const waiting = frameWaiters.splice(0);
      for (const resolve of waiting) resolve();
    }
    // Once every surface has drawn with the links, the map is ready.
    if (!loaded || ready || !withLinks[stack]) return;
    toDraw.delete(stack);
    if (toDraw.size > 0) return;
    ready = true;
    deps.onReady();
  };
  /**
   * How an overlaid surface draws, whoever asks (this view, or its deck.gl when the camera moves
   * or the canvas is resized). Not before it holds the layers with the links: there is nothing
   * to show yet, and with software WebGL each frame of a canvas costs a few hundred milliseconds
   * even when empty. Nor while it has layers yet to take: they replace what it holds, and draw
   * soon (see `scheduleRedraw`).
   */
  const drawOverlaid = (stack: "flow" | "over") => (reason: string) => {
    if (withLinks[stack] && !pending[stack]) deckOf(overlays[stack])?._drawLayers(reason);
  };
  const overlaid = (stack: "flow" | "over") =>
    new MapLibreOverlay({
      interleaved: false,
      _typedArrayManagerProps: TYPED_ARRAYS,
      deviceProps: PARALLEL_COMPILE,
      layers: [],
      onDeviceInitialized: onDeviceInitialized(stack),
      onLoad: onLoadOf(stack),
      onHover: onHover(stack),
      onAfterRender: afterRender(stack),
    });
  const overlays: Record<Stack, MapLibreOverlay> = {
    under: new MapLibreOverlay({
      interleaved: true,
      _typedArrayManagerProps: TYPED_ARRAYS,
      deviceProps: PARALLEL_COMPILE,
      layers: [],
      onDeviceInitialized: onDeviceInitialized("under"),
      onLoad: onLoadOf("under"),
      onAfterRender: afterRender("under"),
    }),
    flow: overlaid("flow"),
    over: overlaid("over"),
  };
  /** The layers each surface was last given. */
  const applied: Record<Stack, Layer[]> = { under: [], flow: [], over: [] };

  /**
   * deck.gl follows a canvas only when its CSS size changes; a new pixel ratio leaves it drawing
   * into the old buffer size (a corner of the canvas), so tell every surface.
   */
  const matchDecksToCanvas = () => {
    const canvas = map.getCanvas();
    for (const stack of STACKS) surfaces[stack]?.setDrawingBufferSize(canvas.width, canvas.height);
  };

  /**
   * Layers an overlaid surface has yet to be given: they are handed over when it is to draw them,
   * so deck.gl's own animation frame does not draw them first (see `scheduleRedraw`).
   */
  const pending: Record<"flow" | "over", Layer[] | null> = {
    flow: null,
    over: null,
  };
  /** Has an overlaid surface take its latest layers and draw them, now. */
  const drawNow = (stack: "flow" | "over", reason: string) => {
    const next = pending[stack];
    pending[stack] = null;
    if (next) {
      overlays[stack].setProps({ layers: next });
      withLinks[stack] = true;
    }
    const deck = deckOf(overlays[stack]);
    deck?.layerManager?.updateLayers();
    deck?.redraw(reason);
  };

  /** Where export's frames are put together (one canvas for all of a video's frames). */
  let exported: HTMLCanvasElement | null = null;
  /** The map as drawn: MapLibre's canvas with the overlaid surfaces' canvases over it. */
  const composite = (): MapImage => {
    const canvas = map.getCanvas();
    exported ??= document.createElement("canvas");
    const out = exported;
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext("2d");
    if (ctx) {
      ctx.drawImage(canvas, 0, 0);
      for (const stack of ["flow", "over"] as const) {
        const layer = deckOf(overlays[stack])?.getCanvas();
        if (layer) ctx.drawImage(layer, 0, 0, out.width, out.height);
      }
    }
    return { canvas: out, view: { width: canvas.clientWidth, height: canvas.clientHeight } };
  };

  const countries = new Set(datasetCountries(topology));
  /** The ISO code of the country drawn at a point of the map, if any. */
  const countryAt = (x: number, y: number): string | null => {
    const feature = map.queryRenderedFeatures([x, y], { layers: ["countries-fill"] })[0];
    const code: unknown = feature?.properties?.code;
    return typeof code === "string" ? code : null;
  };

  /** Set while exporting: the flow's phase stands still at this time. */
  let frozenTime: number | null = null;
  const frameWaiters: (() => void)[] = [];

  /** The layers for the store's state now (`warm`: without the links, see `warmUp`). */
  const layersNow = (warm = false) => {
    const s = store.getState();
    if (s.filters !== filtersFor) {
      filtersFor = s.filters;
      shown = shownLinkIds(topology, s.filters);
      derivedFor = "";
    }
    if (s.focus !== focusFor) {
      focusFor = s.focus;
      focusLinks = s.focus ? crossBorderLinkIds(topology, s.focus) : null;
    }
    // Sets of ids change only when the date crosses an interval or event boundary.
    const key = `${s.date}|${s.compare}`;
    if (key !== derivedFor) {
      derivedFor = key;
      const nextDisrupted = disruptedLinkIds(topology, s.date);
      if (!sameSet(nextDisrupted, disrupted)) disrupted = nextDisrupted;
      const c = s.compare ? compareDates(topology, s.compare, s.date, s.filters) : null;
      const drawn = c
        ? [...c.onlyA, ...c.onlyB, ...c.both]
        : activeLinksOn(topology, s.date).filter((l) => passesFilters(l, s.filters));
      const nextNodes = new Set<string>();
      for (const { from, to, via = [] } of drawn) {
        nextNodes.add(from).add(to);
        for (const id of via) nextNodes.add(id);
      }
      if (!sameSet(nextNodes, activeNodes)) activeNodes = nextNodes;
      const ids = (links: readonly { id: string }[]) => new Set(links.map((l) => l.id));
      const next = c ? { onlyA: ids(c.onlyA), onlyB: ids(c.onlyB), both: ids(c.both) } : null;
      if (!sameCompare(next, compare)) compare = next;
    }
    return buildLayers({
      geometry,
      countryLabels,
      day: toDayNumber(s.date),
      fadeDays,
      selection: s.selection,
      disrupted,
      activeNodes,
      labelSides,
      theme: s.theme,
      projection: s.projection,
      animate: s.animate && !deps.reducedMotion && !s.compare,
      // The flow stands still until the map is ready: a new phase would be one more frame.
      time: frozenTime ?? (ready ? clock.time() : 0),
      shown,
      focusLinks,
      compare,
      warmUp: warm,
    });
  };
  /** Hands every surface the layers for the store's state now (once warmed up). */
  const render = () => {
    if (warmedUp) apply(layersNow());
    else if (overlaidWarm) stage(layersNow());
  };

  /**
   * Gives each of `stacks` the layers of `groups` and has deck.gl update them now (compiling
   * their shaders, filling their attributes), drawing nothing.
   */
  const compile = (stacks: readonly Stack[], groups: LayerGroups) => {
    for (const stack of stacks) {
      overlays[stack].setProps({ layers: groups[stack] });
      applied[stack] = groups[stack];
      const deck = deckOf(overlays[stack]);
      deck?.layerManager?.updateLayers();
      // Nothing to draw yet: the first frame comes with the links.
      deck?.needsRedraw({ clearRedrawFlags: true });
    }
  };

  /** Whether any of a surface's shader programs is still being linked (see `PARALLEL_COMPILE`). */
  const linking = (stack: Stack) =>
    deckOf(overlays[stack])
      ?.layerManager?.getLayers()
      .some((layer) =>
        layer
          .getModels()
          .some((m) => (m.pipeline?.sharedRenderPipeline ?? m.pipeline)?.linkStatus === "pending"),
      ) ?? false;
  /** Resolves once every program of `stacks` is linked; the map draws its frames meanwhile. */
  const compiled = async (stacks: readonly Stack[]) => {
    while (!disposed && stacks.some(linking)) await afterFrame(window, 20);
  };

  /**
   * Before the map's first frame with the links, the overlaid surfaces take their layers as they
   * change, and compute and upload their attributes, but draw nothing (`drawOverlaid` waits for
   * `withLinks`): drawn, a large dataset's links would keep the GPU from the basemap's tiles.
   */
  const stage = (groups: LayerGroups) => {
    for (const stack of OVERLAID) {
      const layers = groups[stack];
      if (sameLayers(layers, applied[stack])) continue;
      overlays[stack].setProps({ layers });
      applied[stack] = layers;
      deckOf(overlays[stack])?.layerManager?.updateLayers();
    }
  };

  /**
   * Before the first frame, once every surface can take layers: each gets all the layers it will
   * draw, without the links, and compiles their shaders, with nothing drawn. A layer compiled
   * after the links were given to the GPU would wait (in a synchronous WebGL call) for the GPU to
   * finish them: with software WebGL at 100,000 links, half a minute. Then the first frame.
   *
   * The overlaid surfaces do not wait for the map: they are on it from the start, and as soon as
   * both can take layers they compile theirs and take the links (see `stage`), while MapLibre
   * loads the basemap's tiles. Their attributes are filled and uploaded while the GPU links their
   * programs (in parallel, `PARALLEL_COMPILE`): waiting for the links first left the page idle,
   * and at 100,000 links the fill takes over half a second. The interleaved surface joins as soon
   * as the map has its style, and compiles its layers (drawn in the map's frames, they show no
   * links yet). Once the map has loaded, every surface draws with the links.
   */
  const warmUp = () => {
    if (!overlaidWarming && OVERLAID.every((stack) => started.has(stack))) {
      overlaidWarming = true;
      // Each step is long on a large dataset: the map draws a frame before each (see `afterFrame`).
      afterFrame(window)
        .then(() => {
          if (disposed) return;
          compile(OVERLAID, layersNow(true));
          overlaidWarm = true;
          stage(layersNow());
          warmUp();
          return compiled(OVERLAID);
        })
        .then(() => {
          if (disposed) return;
          overlaidLinked = true;
          warmUp();
        });
    }
    if (!underWarming && started.has("under")) {
      underWarming = true;
      compile(["under"], layersNow(true));
      compiled(["under"]).then(() => {
        underWarm = true;
        if (!disposed) warmUp();
      });
    }
    // Then the interleaved surface takes its links, its layers that hold them hidden: drawn now,
    // they would be in each of the map's frames until the first. Their attributes are filled by
    // then, and showing them costs nothing.
    if (!underStaged && underWarm && overlaidWarm) {
      underStaged = true;
      const { under } = layersNow();
      const hidden = under.map((layer) =>
        applied.under.includes(layer) ? layer : layer.clone({ visible: false }),
      );
      compile(["under"], { under: hidden, flow: [], over: [] });
    }
    if (warmedUp || !loaded || !overlaidLinked || !underWarm) return;
    warmedUp = true;
    render();
    // The first frame: every surface draws what it now holds, changed since the warm-up or not.
    withLinks.under = true;
    pending.flow ??= applied.flow;
    pending.over ??= applied.over;
    scheduleRedraw(true);
    map.triggerRepaint();
  };

  let redrawScheduled = false;
  /** Draws the overlaid surfaces that have new layers. */
  const redrawChanged = () => {
    redrawScheduled = false;
    if (pending.flow) drawNow("flow", "new layers");
    if (pending.over) drawNow("over", "new layers");
  };
  /**
   * The overlaid surfaces draw once the current task is done, however many changes it made; when
   * MapLibre is to draw too, right after it, in the same task: drawn first, a large dataset's links
   * would hold MapLibre's frame back until the GPU is done with them (half a minute at 100,000
   * links with software WebGL).
   */
  const scheduleRedraw = (afterMap: boolean) => {
    if (redrawScheduled) return;
    redrawScheduled = true;
    if (afterMap) map.once("render", redrawChanged);
    else queueMicrotask(redrawChanged);
  };

  /**
   * Hands each surface its layers, if they changed, and has it draw them without waiting for a
   * frame of its own: deck.gl would apply new layers in its next animation frame (and the
   * interleaved surface would then ask MapLibre for one more), and with software WebGL a frame is
   * seconds on a large dataset. MapLibre is asked for its next frame; the overlaid surfaces draw
   * as `scheduleRedraw` says.
   */
  const apply = (groups: LayerGroups) => {
    let mapToDraw = false;
    for (const stack of STACKS) {
      const layers = groups[stack];
      if (sameLayers(layers, applied[stack])) continue;
      applied[stack] = layers;
      if (stack !== "under") {
        pending[stack] = layers;
        scheduleRedraw(mapToDraw);
        continue;
      }
      overlays.under.setProps({ layers });
      deckOf(overlays.under)?.layerManager?.updateLayers();
      if (loaded) {
        map.triggerRepaint();
        mapToDraw = true;
      }
    }
  };

  /** On the globe, labels are drawn over the sphere: keep only those on the side facing us. */
  const facing = (point: readonly number[]) => {
    if (store.getState().projection !== "globe") return true;
    const c = map.getCenter();
    return geoDistance([c.lng, c.lat], [point[0] ?? 0, point[1] ?? 0]) < FACING_RADIANS;
  };
  /** Country names that face us and fit without overlapping, larger countries first. */
  const updateCountryLabels = () => {
    const zoom = map.getZoom();
    const candidates = basemap.labels
      .filter((l) => l.area * 4 ** zoom > COUNTRY_LABEL_MIN_SCREEN_AREA && facing(l.position))
      .map((l, i) => {
        const p = map.project(l.position);
        return {
          id: String(i),
          label: l,
          x: p.x,
          y: p.y,
          width: l.name.length * 8.5,
          height: 14,
          priority: l.area,
        };
      });
    const kept = placeCentredLabels(candidates);
    const next = candidates.filter((c) => kept.has(c.id)).map((c) => c.label);
    if (next.length !== countryLabels.length || next.some((l, i) => l !== countryLabels[i])) {
      countryLabels = next;
      if (loaded) render();
    }
  };
  map.on("moveend", updateCountryLabels);

  /**
   * A click selects the node or link under it (points over links); on nothing, it clears the
   * selection, and on a country the dataset's links touch it focuses that country (again:
   * unfocuses it).
   */
  map.on("click", (e) => {
    if (!loaded) return;
    const at = { x: e.point.x, y: e.point.y, radius: CLICK_RADIUS_PX };
    const picked = overlays.over.pickObject(at) ?? overlays.flow.pickObject(at);
    const object = picked?.object as { link?: { id: string }; node?: { id: string } } | undefined;
    if (object?.node && picked?.layer?.id === "nodes") {
      select(store, { kind: "node", id: object.node.id });
      return;
    }
    if (object?.link) {
      select(store, { kind: "link", id: object.link.id });
      return;
    }
    select(store, null);
    const code = countryAt(e.point.x, e.point.y);
    if (code && countries.has(code)) setFocus(store, store.getState().focus === code ? null : code);
  });

  /** Re-places node labels for the current camera; re-renders only if the placement changed. */
  const placeNodeLabels = () => {
    const next = placeLabels(
      geometry.nodes
        .filter((d) => d.node.kind !== "waypoint" && facing(d.node.coordinates))
        .map((d) => {
          const p = map.project(d.node.coordinates as [number, number]);
          const active = activeNodes.has(d.node.id);
          return {
            id: d.node.id,
            x: p.x,
            y: p.y,
            width: d.node.name.length * 7.6 + 4,
            height: 16,
            priority: d.degree + (active ? 100 : 0),
          };
        }),
    );
    const same =
      next.size === labelSides.size && [...next].every(([id, side]) => labelSides.get(id) === side);
    if (!same) {
      labelSides = next;
      if (loaded) render();
    }
  };
  map.on("move", placeNodeLabels);

  /** Pans (and zooms out if needed) so the selection is in view and not behind a panel. */
  const frameSelection = (selection: Selection | null) => {
    // In story mode each step sets its own camera.
    if (!selection || !loaded || store.getState().present) return;
    const points =
      selection.kind === "link"
        ? (topology.links.find((l) => l.id === selection.id)?.path ?? [])
        : topology.nodes.filter((n) => n.id === selection.id).map((n) => n.coordinates);
    if (points.length === 0) return;
    const padding = deps.framePadding();
    const canvas = map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const visible = points.every((p) => {
      const { x, y } = map.project(p as [number, number]);
      return (
        x >= padding.left &&
        x <= width - padding.right &&
        y >= padding.top &&
        y <= height - padding.bottom
      );
    });
    if (visible) return;
    const lons = points.map((p) => p[0] as number);
    const lats = points.map((p) => p[1] as number);
    const bounds: [[number, number], [number, number]] = [
      [Math.min(...lons), Math.min(...lats)],
      [Math.max(...lons), Math.max(...lats)],
    ];
    const fits =
      width - padding.left - padding.right > 40 && height - padding.top - padding.bottom > 40;
    map.fitBounds(bounds, {
      padding: fits ? padding : 20,
      maxZoom: Math.max(map.getZoom(), 3),
      // Keep the reader's rotation and tilt: only the framing changes.
      bearing: map.getBearing(),
      pitch: map.getPitch(),
      duration: store.getState().animate && !deps.reducedMotion ? 700 : 0,
    });
  };

  const applyProjection = () => map.setProjection({ type: store.getState().projection });
  // A prepared map may have its style already (and be past `load`): see the end of this function.
  if (prepared?.styled()) applyProjection();
  else map.on("style.load", applyProjection);
  const onLoad = () => {
    loaded = true;
    // The view is now placed: the store (and so the address) learns where.
    if (!store.getState().camera) setCamera(store, cameraOf(map));
    deps.onCapture?.({
      async frame({ time, pixelRatio }) {
        frozenTime = time;
        if (map.getPixelRatio() !== pixelRatio) map.setPixelRatio(pixelRatio);
        // deck.gl sizes its viewport by its own pixel ratio: keep it the map's, or the links are
        // drawn smaller and shifted against the basemap. On every frame, not only when the ratio
        // changes: deck.gl's own resize observer may size its buffer back after the first one.
        matchDecksToCanvas();
        const drawn = new Promise<void>((resolve) => frameWaiters.push(resolve));
        render();
        map.triggerRepaint();
        await drawn;
        // The overlaid canvases keep no pixels once shown: draw them again and copy them now.
        drawNow("flow", "export");
        drawNow("over", "export");
        return composite();
      },
      release() {
        frozenTime = null;
        // Large canvases hold tens of megabytes until collected: let go now.
        if (exported) exported.width = exported.height = 0;
        exported = null;
        map.setPixelRatio(window.devicePixelRatio);
        matchDecksToCanvas();
        render();
        drawNow("flow", "export done");
        drawNow("over", "export done");
      },
    });
    deps.onFrame?.((bounds) => {
      const [[west, south], [east, north]] = bounds;
      const padding = deps.framePadding();
      const width = map.getCanvas().clientWidth;
      const height = map.getCanvas().clientHeight;
      const fits =
        width - padding.left - padding.right > 60 && height - padding.top - padding.bottom > 60;
      map.fitBounds(
        [
          [west, south],
          [east, north],
        ],
        {
          padding: fits ? padding : 20,
          // A place alone: close enough to see its town, not its street.
          maxZoom: 6.5,
          bearing: map.getBearing(),
          pitch: map.getPitch(),
          duration: store.getState().animate && !deps.reducedMotion ? 900 : 0,
        },
      );
    });
    updateCountryLabels();
    render();
    placeNodeLabels();
    map.triggerRepaint();
    // The surfaces may have been ready before the map: if so, they draw now.
    warmUp();
  };

  map.on("moveend", () => {
    const camera = cameraOf(map);
    if (!sameCamera(camera, store.getState().camera)) setCamera(store, camera);
  });

  const disposers = [
    watch(store, (s) => s.date, render),
    watch(
      store,
      (s) => s.selection,
      (selection) => {
        render();
        frameSelection(selection);
      },
    ),
    watch(store, (s) => s.filters, render),
    watch(store, (s) => s.focus, render),
    watch(store, (s) => s.compare, render),
    watch(
      store,
      (s) => s.animate,
      (animate) => {
        clock.want("flow", animate && !deps.reducedMotion);
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
        updateCountryLabels();
        placeNodeLabels();
        render();
      },
    ),
    watch(
      store,
      (s) => s.camera,
      (camera) => {
        if (camera && !sameCamera(camera, cameraOf(map))) {
          const target = cameraOptions(camera);
          // Presenting, the step's centre is the middle of the map left clear by the caption.
          const padding = store.getState().present ? deps.framePadding() : NO_PADDING;
          if (store.getState().animate && !deps.reducedMotion) {
            map.flyTo({ ...target, padding, essential: false });
          } else map.jumpTo({ ...target, padding });
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
    clock.onTick(() => {
      const s = store.getState();
      // Not before the first frame is drawn: on a large dataset, each would be one more to wait for.
      if (ready && frozenTime === null && s.animate && !s.compare && !deps.reducedMotion) render();
    }),
  ];
  clock.want("flow", state.animate && !deps.reducedMotion);
  // The surfaces start before the tiles are in (see `warmUp`): the overlaid ones now, the
  // interleaved one once the map has its style, as it adds its layers to it.
  for (const stack of OVERLAID) map.addControl(overlays[stack]);
  const addUnder = () => map.addControl(overlays.under);
  if (prepared?.styled()) addUnder();
  else map.once("style.load", addUnder);
  if (prepared?.loaded()) onLoad();
  else map.once("load", onLoad);

  return () => {
    disposed = true;
    for (const dispose of disposers) dispose();
    clock.want("flow", false);
    const canvases = [deckOf(overlays.flow)?.getCanvas(), deckOf(overlays.over)?.getCanvas()];
    for (const stack of STACKS) {
      overlays[stack].finalize(); // and off the map, if on it
      // luma.gl keeps a device-pixel-ratio listener per surface (and does not destroy a device it
      // attached to MapLibre's context) that would hold this whole map view, and the session
      // around it, for the life of the page: stop it.
      surfaces[stack]?.destroy();
    }
    // Give the overlaid canvases' contexts back now: the browser keeps only so many alive, and
    // would take MapLibre's next one to make room.
    for (const canvas of canvases)
      canvas?.getContext("webgl2")?.getExtension("WEBGL_lose_context")?.loseContext();
    map.remove();
  };
}

/** Recolours the basemap: only paint changes, so the (large, inline) sources stay where they are. */
function paintTheme(map: MapLibreMap, theme: ThemeName): void {
  for (const [layer, property, value] of basemapThemePaint(theme)) {
    map.setPaintProperty(layer, property as Parameters<MapLibreMap["setPaintProperty"]>[1], value);
  }
}

const cameraOptions = (camera: Camera) => ({
  center: [...camera.center] as [number, number],
  zoom: camera.zoom,
  bearing: camera.bearing,
  pitch: camera.pitch,
});

/** The first sentence of a library's message, which is enough to search for. */
const firstSentence = (message: string) => message.split(/(?<=\.)\s/)[0] ?? message;

function sameCompare(a: CompareSets | null, b: CompareSets | null): boolean {
  if (!a || !b) return a === b;
  return sameSet(a.onlyA, b.onlyA) && sameSet(a.onlyB, b.onlyB) && sameSet(a.both, b.both);
}

const sameLayers = (a: readonly Layer[], b: readonly Layer[]) =>
  a.length === b.length && a.every((layer, i) => layer === b[i]);

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
