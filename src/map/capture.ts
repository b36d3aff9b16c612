/**
 * Export's view of the map: deterministic frames (the flow frozen at a chosen phase) at a chosen
 * pixel ratio, put together from MapLibre's canvas and the overlaid surfaces' canvases.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { DeckSurfaces } from "./deck-surfaces";

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

export interface CaptureControl {
  readonly capture: MapCapture;
  /** While exporting, the time the flow stands still at; otherwise `null`. */
  frozenTime(): number | null;
  /** The interleaved surface (and so MapLibre's canvas) has drawn a frame. */
  drawn(): void;
}

/** `render` hands the surfaces the layers for the store's state now. */
export function createCapture(
  map: MapLibreMap,
  surfaces: DeckSurfaces,
  render: () => void,
): CaptureControl {
  let frozenTime: number | null = null;
  const frameWaiters: (() => void)[] = [];
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
      for (const layer of surfaces.canvases()) ctx.drawImage(layer, 0, 0, out.width, out.height);
    }
    return { canvas: out, view: { width: canvas.clientWidth, height: canvas.clientHeight } };
  };

  const capture: MapCapture = {
    async frame({ time, pixelRatio }) {
      frozenTime = time;
      if (map.getPixelRatio() !== pixelRatio) map.setPixelRatio(pixelRatio);
      // deck.gl sizes its viewport by its own pixel ratio: keep it the map's, or the links are
      // drawn smaller and shifted against the basemap. On every frame, not only when the ratio
      // changes: deck.gl's own resize observer may size its buffer back after the first one.
      surfaces.matchCanvas();
      const drawn = new Promise<void>((resolve) => frameWaiters.push(resolve));
      render();
      map.triggerRepaint();
      await drawn;
      // The overlaid canvases keep no pixels once shown: draw them again and copy them now.
      surfaces.drawNow("flow", "export");
      surfaces.drawNow("over", "export");
      return composite();
    },
    release() {
      frozenTime = null;
      // Large canvases hold tens of megabytes until collected: let go now.
      if (exported) exported.width = exported.height = 0;
      exported = null;
      map.setPixelRatio(window.devicePixelRatio);
      surfaces.matchCanvas();
      render();
      surfaces.drawNow("flow", "export done");
      surfaces.drawNow("over", "export done");
    },
  };

  return {
    capture,
    frozenTime: () => frozenTime,
    drawn() {
      const waiting = frameWaiters.splice(0);
      for (const resolve of waiting) resolve();
    },
  };
}
