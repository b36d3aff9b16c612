/**
 * The three deck.gl surfaces of the map, bottom to top (see `LayerGroups`): `under` shares
 * MapLibre's canvas (interleaved), `flow` and `over` have canvases of their own above it. An
 * animation frame changes only the flow's layers, so it redraws one canvas and a layer or two, not
 * the basemap and every layer: the others keep their pixels until the camera or the data changes.
 *
 * This module makes them, hands them layers (compiled, staged or drawn), sizes them, picks on
 * them and disposes of them. When each step happens before the first frame is `first-frame.ts`'s.
 */
import type { Layer, PickingInfo } from "@deck.gl/core";
import { MapLibreOverlay } from "@deck.gl/maplibre";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LayerGroups } from "../layers/build-layers";
import { afterFrame } from "./after-frame";
import { validateByLinkStatus } from "./link-status";
import { isSoftwareRenderer, rendererOf } from "./software-renderer";

/** A surface, named by the stack of layers it draws. */
export type Stack = keyof LayerGroups;
export const STACKS: readonly Stack[] = ["under", "flow", "over"];
/** The surfaces with canvases of their own, over MapLibre's. */
export const OVERLAID = ["flow", "over"] as const;
export type Overlaid = (typeof OVERLAID)[number];

/**
 * luma.gl links shader programs synchronously unless told otherwise: the page then waits for the
 * GPU to compile each one. Linked in parallel (KHR_parallel_shader_compile), the page goes on,
 * and waits only where it must (see `linked`).
 */
const PARALLEL_COMPILE = { _disabledFeatures: {} };

/**
 * The flow's surface without multisampled antialiasing, where WebGL draws on the CPU: it is the
 * surface every animation frame redraws, and there multisampling costs a third of the frame
 * (gen-10000 at zoom 5 over Europe: 183–200 ms a frame with it, 133 without). Its lines smooth
 * their own edges instead, in the shader (`LayerInput.smoothEdges`), but for the largest
 * datasets (`map-view.ts`). The other surfaces keep it: they are redrawn only when the camera or
 * the data changes.
 */
const SINGLE_SAMPLED = { ...PARALLEL_COMPILE, webgl: { antialias: false } };

/**
 * deck.gl's attribute arrays, by default allocated twice as large as needed (room to grow in
 * place) and kept in a pool once released. A dataset's arrays are built once and only replaced
 * when filters change: sized exactly, they take half the memory and half the upload to the GPU
 * (it uploads the whole array: at 100,000 links, a quarter of a gigabyte less).
 * The setting is deck.gl's, for the whole page.
 */
const TYPED_ARRAYS = { overAlloc: 1, poolSize: 0 };

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
interface CanvasContext {
  setDrawingBufferSize(width: number, height: number): void;
  /** Also applies a pending size to the canvas. */
  getCurrentFramebuffer(): unknown;
  destroy(): void;
}

/** What the surfaces tell their owner. */
export interface SurfaceEvents {
  /** A surface's deck.gl has its GPU device: from now on it can take layers. */
  onStart(stack: Stack): void;
  /** A surface has drawn a frame. */
  onDrawn(stack: Stack): void;
  /** What an overlaid surface's pointer is over changed. */
  onHover(stack: Overlaid, info: PickingInfo): void;
}

export interface DeckSurfaces {
  /** Puts the overlaid surfaces on the map (they start before its tiles are in). */
  mountOverlaid(): void;
  /** Puts the interleaved surface on the map, which must have its style: it adds layers to it. */
  mountInterleaved(): void;
  /**
   * Gives each of `stacks` the layers of `groups` and has deck.gl update them now (compiling
   * their shaders, filling their attributes), drawing nothing.
   */
  compile(stacks: readonly Stack[], groups: LayerGroups): void;
  /** The overlaid surfaces take the layers of `groups` that changed, drawing nothing. */
  stage(groups: LayerGroups): void;
  /** Resolves once every shader program of `stacks` is linked; the map draws frames meanwhile. */
  linked(stacks: readonly Stack[]): Promise<void>;
  /** The layers a surface was last given. */
  applied(stack: Stack): readonly Layer[];
  /** The first frame: every surface draws what it holds, changed since it was staged or not. */
  drawAll(): void;
  /**
   * Hands each surface its layers, if they changed, and has it draw them without waiting for a
   * frame of its own (`mapLoaded`: MapLibre can draw, and is asked to).
   */
  apply(groups: LayerGroups, mapLoaded: boolean): void;
  /** Has an overlaid surface take its latest layers and draw them, now. */
  drawNow(stack: Overlaid, reason: string): void;
  /** Whether a surface holds the layers built after the warm-up (with the links). */
  withLinks(stack: Stack): boolean;
  /** The object under a point, on the top surface that has one. */
  pick(at: { x: number; y: number; radius: number }): PickingInfo | null;
  /** Sizes every surface's drawing buffer to MapLibre's canvas (after a pixel ratio change). */
  matchCanvas(): void;
  /** The overlaid surfaces' canvases, bottom to top. */
  canvases(): HTMLCanvasElement[];
  /** Whether the flow's surface draws without multisampling (see `SINGLE_SAMPLED`). */
  readonly singleSampled: boolean;
  dispose(): void;
}

export function createDeckSurfaces(map: MapLibreMap, events: SurfaceEvents): DeckSurfaces {
  let disposed = false;
  const software = isSoftwareRenderer(rendererOf(map.getCanvas()) ?? "");
  const contexts: Record<Stack, CanvasContext | null> = { under: null, flow: null, over: null };
  const applied: Record<Stack, Layer[]> = { under: [], flow: [], over: [] };
  const withLinks: Record<Stack, boolean> = { under: false, flow: false, over: false };
  /**
   * Layers an overlaid surface has yet to be given: they are handed over when it is to draw them,
   * so deck.gl's own animation frame does not draw them first (see `scheduleRedraw`).
   */
  const pending: Record<Overlaid, Layer[] | null> = { flow: null, over: null };

  const onDeviceInitialized =
    (stack: Stack) => (device: { canvasContext: CanvasContext | null; handle: unknown }) => {
      contexts[stack] = device.canvasContext;
      if (device.handle instanceof WebGL2RenderingContext) validateByLinkStatus(device.handle);
    };
  const onLoad = (stack: Stack) => () => {
    if (stack !== "under") {
      // (MapLibreOverlay's own props leave this one out: it is the interleaved surface's way in.)
      deckOf(overlays[stack])?.setProps({ _customRender: drawOverlaid(stack) });
      // Size the canvas now, while the GPU is idle. luma.gl would do it on the first frame, and
      // resizing a WebGL canvas waits for the GPU to finish all it was given: then, the map's
      // first frame with its tiles (seconds, with software WebGL).
      const canvas = map.getCanvas();
      contexts[stack]?.setDrawingBufferSize(canvas.width, canvas.height);
      contexts[stack]?.getCurrentFramebuffer();
    }
    events.onStart(stack);
  };
  /**
   * How an overlaid surface draws, whoever asks (this view, or its deck.gl when the camera moves
   * or the canvas is resized). Not before it holds the layers with the links: there is nothing
   * to show yet, and with software WebGL each frame of a canvas costs a few hundred milliseconds
   * even when empty. Nor while it has layers yet to take: they replace what it holds, and draw
   * soon (see `scheduleRedraw`).
   */
  const drawOverlaid = (stack: Overlaid) => (reason: string) => {
    if (withLinks[stack] && !pending[stack]) deckOf(overlays[stack])?._drawLayers(reason);
  };
  const surface = (stack: Stack) =>
    new MapLibreOverlay({
      interleaved: stack === "under",
      _typedArrayManagerProps: TYPED_ARRAYS,
      deviceProps: stack === "flow" && software ? SINGLE_SAMPLED : PARALLEL_COMPILE,
      layers: [],
      onDeviceInitialized: onDeviceInitialized(stack),
      onLoad: onLoad(stack),
      ...(stack === "under" ? {} : { onHover: (info: PickingInfo) => events.onHover(stack, info) }),
      onAfterRender: () => events.onDrawn(stack),
    });
  const overlays: Record<Stack, MapLibreOverlay> = {
    under: surface("under"),
    flow: surface("flow"),
    over: surface("over"),
  };

  const drawNow = (stack: Overlaid, reason: string) => {
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

  /** Whether any of a surface's shader programs is still being linked (see `PARALLEL_COMPILE`). */
  const linking = (stack: Stack) =>
    deckOf(overlays[stack])
      ?.layerManager?.getLayers()
      .some((layer) =>
        layer
          .getModels()
          .some((m) => (m.pipeline?.sharedRenderPipeline ?? m.pipeline)?.linkStatus === "pending"),
      ) ?? false;

  return {
    mountOverlaid: () => {
      for (const stack of OVERLAID) map.addControl(overlays[stack]);
    },
    mountInterleaved: () => map.addControl(overlays.under),
    compile(stacks, groups) {
      for (const stack of stacks) {
        overlays[stack].setProps({ layers: groups[stack] });
        applied[stack] = groups[stack];
        const deck = deckOf(overlays[stack]);
        deck?.layerManager?.updateLayers();
        // Nothing to draw yet: the first frame comes with the links.
        deck?.needsRedraw({ clearRedrawFlags: true });
      }
    },
    stage(groups) {
      for (const stack of OVERLAID) {
        const layers = groups[stack];
        if (sameLayers(layers, applied[stack])) continue;
        overlays[stack].setProps({ layers });
        applied[stack] = layers;
        deckOf(overlays[stack])?.layerManager?.updateLayers();
      }
    },
    async linked(stacks) {
      while (!disposed && stacks.some(linking)) await afterFrame(window, 20);
    },
    applied: (stack) => applied[stack],
    drawAll() {
      withLinks.under = true;
      pending.flow ??= applied.flow;
      pending.over ??= applied.over;
      scheduleRedraw(true);
      map.triggerRepaint();
    },
    apply(groups, mapLoaded) {
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
        if (mapLoaded) {
          map.triggerRepaint();
          mapToDraw = true;
        }
      }
    },
    drawNow,
    withLinks: (stack) => withLinks[stack],
    pick: (at) => overlays.over.pickObject(at) ?? overlays.flow.pickObject(at),
    matchCanvas() {
      // deck.gl follows a canvas only when its CSS size changes; a new pixel ratio leaves it
      // drawing into the old buffer size (a corner of the canvas), so tell every surface.
      const canvas = map.getCanvas();
      for (const stack of STACKS)
        contexts[stack]?.setDrawingBufferSize(canvas.width, canvas.height);
    },
    singleSampled: software,
    canvases: () =>
      OVERLAID.flatMap((stack) => {
        const canvas = deckOf(overlays[stack])?.getCanvas();
        return canvas ? [canvas] : [];
      }),
    dispose() {
      disposed = true;
      const canvases = OVERLAID.map((stack) => deckOf(overlays[stack])?.getCanvas());
      for (const stack of STACKS) {
        overlays[stack].finalize(); // and off the map, if on it
        // luma.gl keeps a device-pixel-ratio listener per surface (and does not destroy a device
        // it attached to MapLibre's context) that would hold this whole map view, and the session
        // around it, for the life of the page: stop it.
        contexts[stack]?.destroy();
      }
      // Give the overlaid canvases' contexts back now: the browser keeps only so many alive, and
      // would take MapLibre's next one to make room.
      for (const canvas of canvases)
        canvas?.getContext("webgl2")?.getExtension("WEBGL_lose_context")?.loseContext();
    },
  };
}

const sameLayers = (a: readonly Layer[], b: readonly Layer[]) =>
  a.length === b.length && a.every((layer, i) => layer === b[i]);
