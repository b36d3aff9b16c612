/** PNG export: one frame of the map at a chosen scale, under the overlay. Loaded on first use. */
import { FLOW_PERIOD_S } from "../layers/build-layers";
import type { MapCapture } from "../map/capture";
import type { Topology } from "../model/schema";
import type { AppState } from "../state/store";
import { buildFileName } from "./file-name";
import { composeFrame, type OverlayContent, overlayContent } from "./overlay";

/**
 * The flow's time in stills: the pulse's head 70% along each link (the flow's phase runs over
 * 1.5 link lengths per period), so its trail sits mid-link where it reads best.
 */
export const STILL_FLOW_TIME = (FLOW_PERIOD_S * 0.7) / 1.5;
/** The largest image offered when the browser refuses a larger canvas. */
const FALLBACK_SIZE = { width: 3840, height: 2160 };

export interface ImageExport {
  readonly blob: Blob;
  readonly fileName: string;
  readonly width: number;
  readonly height: number;
  /** Said to the user when the image is smaller than asked for, and why. */
  readonly note: string | null;
}

interface Shot {
  readonly blob: Blob | null;
  readonly width: number;
  readonly height: number;
  readonly view: { readonly width: number; readonly height: number };
}

async function shoot(
  capture: MapCapture,
  content: OverlayContent,
  pixelRatio: number,
): Promise<Shot> {
  const { canvas: map, view } = await capture.frame({ time: STILL_FLOW_TIME, pixelRatio });
  const { width, height } = map;
  const out = document.createElement("canvas");
  out.width = width;
  out.height = height;
  const ctx = out.getContext("2d");
  let blob: Blob | null = null;
  if (ctx) {
    const whole = { x: 0, y: 0, width, height };
    composeFrame(ctx, map, whole, content, { width, height, unit: width / view.width });
    blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, "image/png"));
  }
  // Large canvases hold tens of megabytes until collected: let go now.
  out.width = 0;
  out.height = 0;
  return { blob, width, height, view };
}

/**
 * Draws the map at `scale` times its on-screen size, composes the overlay and encodes a PNG.
 * The map is released (live again) whatever happens.
 */
export async function exportImage(options: {
  readonly capture: MapCapture;
  readonly topology: Topology;
  readonly state: AppState;
  readonly scale: number;
}): Promise<ImageExport> {
  const { capture, topology, state, scale } = options;
  const content = overlayContent(topology, state);
  try {
    let shot = await shoot(capture, content, scale);
    let note: string | null = null;
    const effective = shot.width / shot.view.width;
    if (effective < scale - 0.01) {
      note = `${scale}× is limited to ${shot.width} × ${shot.height} pixels: the map cannot draw a larger canvas here.`;
    }
    if (!shot.blob) {
      const asked = `${shot.width} × ${shot.height}`;
      const ratio = Math.min(
        FALLBACK_SIZE.width / shot.view.width,
        FALLBACK_SIZE.height / shot.view.height,
        effective,
      );
      shot = await shoot(capture, content, ratio);
      if (!shot.blob) throw new Error("The browser could not encode the image.");
      note = `The browser refused a ${asked} image; saved at ${shot.width} × ${shot.height} instead.`;
    }
    return {
      blob: shot.blob,
      fileName: buildFileName({
        dataset: topology.id,
        dates: state.date,
        selection: state.selection,
        scale: shot.width / shot.view.width,
        extension: "png",
      }),
      width: shot.width,
      height: shot.height,
      note,
    };
  } finally {
    capture.release();
  }
}
