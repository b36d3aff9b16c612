/**
 * Video export: steps the timeline from one date to another, one deterministic frame at a time
 * (date and flow phase set, map drawn, overlay composed), and encodes the frames with WebCodecs
 * into WebM (VP9) or MP4 (H.264). Loaded on first use, with the muxer the format needs.
 */
import type { MapCapture } from "../map/capture";
import type { Topology } from "../model/schema";
import { type AppStore, setDate, setPlaying } from "../state/store";
import { buildFileName } from "./file-name";
import { frameCount, frameDate, rangeProblem, VIDEO_FPS } from "./frame-dates";
import { type FrameFit, fitFrame } from "./frame-fit";
import { composeFrame, overlayContent } from "./overlay";
import { encoderConfig, VIDEO_SIZE, type VideoFormat } from "./video-format";

/** A keyframe every two seconds: a clip can be cut or scrubbed in a slide editor. */
const KEYFRAME_EVERY = 2 * VIDEO_FPS;
/** Frames waiting in the encoder before the loop waits for it. */
const MAX_QUEUE = 3;
const MICROSECONDS = 1_000_000;

export interface VideoRequest {
  readonly capture: MapCapture;
  readonly store: AppStore;
  readonly topology: Topology;
  readonly from: string;
  readonly to: string;
  readonly seconds: number;
  readonly format: VideoFormat;
  /** Aborting stops the loop after the frame in hand; the promise then rejects with an AbortError. */
  readonly signal: AbortSignal;
  readonly onProgress: (done: number, total: number) => void;
}

export interface VideoExport {
  readonly blob: Blob;
  readonly fileName: string;
  readonly frames: number;
}

interface Muxing {
  add(chunk: EncodedVideoChunk, meta: EncodedVideoChunkMetadata | undefined): void;
  finish(): ArrayBuffer;
}

async function createMuxing(format: VideoFormat): Promise<Muxing> {
  const video = { width: VIDEO_SIZE.width, height: VIDEO_SIZE.height, frameRate: VIDEO_FPS };
  if (format.container === "webm") {
    const { Muxer, ArrayBufferTarget } = await import("webm-muxer");
    const muxer = new Muxer({
      target: new ArrayBufferTarget(),
      video: { ...video, codec: "V_VP9" },
    });
    return {
      add: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
      finish: () => {
        muxer.finalize();
        return muxer.target.buffer;
      },
    };
  }
  const { Muxer, ArrayBufferTarget } = await import("mp4-muxer");
  const muxer = new Muxer({
    target: new ArrayBufferTarget(),
    video: { ...video, codec: "avc" },
    fastStart: "in-memory",
  });
  return {
    add: (chunk, meta) => muxer.addVideoChunk(chunk, meta),
    finish: () => {
      muxer.finalize();
      return muxer.target.buffer;
    },
  };
}

/** Resolves once the encoder's queue is short again. */
async function drain(encoder: VideoEncoder): Promise<void> {
  while (encoder.encodeQueueSize > MAX_QUEUE) {
    await new Promise((resolve) => encoder.addEventListener("dequeue", resolve, { once: true }));
  }
}

function outputCanvas(): { canvas: OffscreenCanvas | HTMLCanvasElement; ctx: Context } {
  const canvas =
    typeof OffscreenCanvas === "function"
      ? new OffscreenCanvas(VIDEO_SIZE.width, VIDEO_SIZE.height)
      : Object.assign(document.createElement("canvas"), VIDEO_SIZE);
  const ctx = canvas.getContext("2d", { alpha: false });
  if (!ctx) throw new Error("The browser could not create a canvas for the video frames.");
  return { canvas, ctx: ctx as Context };
}
type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Renders and encodes the clip. The user's date (and playback) come back, the capture is released
 * and the encoder closed whether it ends, fails or is cancelled.
 */
export async function exportVideo(request: VideoRequest): Promise<VideoExport> {
  const { capture, store, topology, from, to, format, signal } = request;
  const problem = rangeProblem(from, to);
  if (problem) throw new RangeError(problem);
  const count = frameCount(request.seconds);
  const initial = store.getState();
  const content = overlayContent(topology, initial);
  if (initial.playing) setPlaying(store, false);

  const muxing = await createMuxing(format);
  const { canvas, ctx } = outputCanvas();
  let failure: unknown = null;
  const encoder = new VideoEncoder({
    output: (chunk, meta) => muxing.add(chunk, meta),
    error: (error) => {
      failure = error;
    },
  });
  try {
    encoder.configure(encoderConfig(format));
    let fit: FrameFit | null = null;
    for (let i = 0; i < count; i++) {
      signal.throwIfAborted();
      if (failure) throw failure;
      const date = frameDate(from, to, i, count);
      setDate(store, date);
      const time = i / VIDEO_FPS;
      const pixelRatio = fit?.pixelRatio ?? VIDEO_SIZE.width / window.innerWidth;
      let map = await capture.frame({ time, pixelRatio });
      if (!fit) {
        // The map's size is known once it has drawn: draw again if the guess was not the ratio.
        fit = fitFrame(map.view, VIDEO_SIZE);
        if (Math.abs(fit.pixelRatio - pixelRatio) > 1e-6)
          map = await capture.frame({ time, pixelRatio: fit.pixelRatio });
      }
      composeFrame(
        ctx,
        map.canvas,
        fit,
        { ...content, date },
        { ...VIDEO_SIZE, unit: fit.pixelRatio },
      );
      const frame = new VideoFrame(canvas, {
        timestamp: Math.round((i * MICROSECONDS) / VIDEO_FPS),
        duration: Math.round(MICROSECONDS / VIDEO_FPS),
      });
      try {
        encoder.encode(frame, { keyFrame: i % KEYFRAME_EVERY === 0 });
      } finally {
        frame.close();
      }
      await drain(encoder);
      request.onProgress(i + 1, count);
    }
    await encoder.flush();
    if (failure) throw failure;
    return {
      blob: new Blob([muxing.finish()], { type: `video/${format.container}` }),
      fileName: buildFileName({
        dataset: topology.id,
        dates: [from, to],
        selection: initial.selection,
        extension: format.container,
      }),
      frames: count,
    };
  } finally {
    if (encoder.state !== "closed") encoder.close();
    capture.release();
    setDate(store, initial.date);
    if (initial.playing) setPlaying(store, true);
  }
}
