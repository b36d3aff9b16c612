/**
 * The exports one dialog runs, one at a time: a still (PNG) or a clip (video). Holds what is being
 * made, the clip's cancel switch and the video format this browser encodes, and keeps the dialog's
 * controls, progress and messages in step with them. The drawing, encoding and muxing code is
 * loaded on first use (`import()`), so it costs the app's first load nothing.
 */
import { canEncodeVideo } from "../export/video-format";
import type { MapCapture } from "../map/capture";
import type { Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import {
  CANCELLED,
  clipProblem,
  clipSavedMessage,
  drawingMessage,
  type ExportBusy,
  exportControls,
  imageFailedMessage,
  imageSavedMessage,
  isAbort,
  NOT_READY,
  noVideoReason,
  renderingMessage,
  videoFailedMessage,
} from "./export-menu-model";
import {
  chosenScale,
  type ExportElements,
  fail,
  resetProgress,
  say,
  showControls,
  showProgress,
} from "./export-menu-view";
import { createVideoSupport } from "./export-video-support";

/** What the exports read: the view state and data they draw, and the map they draw it on. */
export interface ExportJobDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** The map's capture interface, or null before the map has loaded / without WebGL. */
  readonly capture: () => MapCapture | null;
}

/** The dialog's exports; each says how it went in the dialog, none throws. */
export interface ExportJobs {
  /** What is being made now. */
  readonly busy: () => ExportBusy;
  /** Checks once which format this browser encodes, and says so (or why it cannot). */
  readonly checkVideo: () => void;
  /** Brings the controls in step with what is being made. */
  readonly refresh: () => void;
  /** Makes and downloads a PNG at the chosen scale, unless something is being made. */
  readonly image: () => Promise<void>;
  /** Makes and downloads the clip the fields ask for, unless something is being made. */
  readonly clip: () => Promise<void>;
  /** Stops a clip being made; a still takes a moment, and finishes. */
  readonly cancel: () => void;
}

export function createExportJobs(
  deps: ExportJobDeps,
  el: ExportElements,
  save: (blob: Blob, fileName: string) => void,
): ExportJobs {
  const { store, topology } = deps;
  let busy: ExportBusy = null;
  let running: AbortController | null = null;
  const video = createVideoSupport(el, () => setBusy(busy));
  const setBusy = (next: ExportBusy) => {
    busy = next;
    showControls(el, exportControls(busy, video.support()));
  };

  const captureOrSay = (): MapCapture | null => {
    const capture = deps.capture();
    if (!capture) fail(el, NOT_READY);
    return capture;
  };

  const image = async () => {
    const capture = captureOrSay();
    if (!capture || busy) return;
    const scale = chosenScale(el);
    setBusy("image");
    say(el, drawingMessage(scale));
    try {
      const { exportImage } = await import("../export/image");
      const made = await exportImage({ capture, topology, state: store.getState(), scale });
      save(made.blob, made.fileName);
      say(el, imageSavedMessage(made));
    } catch (e) {
      fail(el, imageFailedMessage(e));
    } finally {
      setBusy(null);
      if (el.dialog.open) el.pngButton.focus();
    }
  };

  const clip = async () => {
    if (busy) return;
    const from = el.fromInput.value;
    const to = el.toInput.value;
    const seconds = el.secondsInput.valueAsNumber;
    const problem = clipProblem(from, to, seconds);
    if (problem) {
      fail(el, problem);
      return;
    }
    const chosen = await video.format();
    if (!chosen) {
      fail(el, noVideoReason(canEncodeVideo()));
      return;
    }
    const capture = captureOrSay();
    if (!capture) return;
    const controller = new AbortController();
    running = controller;
    setBusy("video");
    resetProgress(el);
    say(el, renderingMessage(from, to, chosen.label));
    try {
      const { exportVideo } = await import("../export/video");
      const made = await exportVideo({
        capture,
        store,
        topology,
        from,
        to,
        seconds,
        format: chosen,
        signal: controller.signal,
        onProgress: (done, total) => showProgress(el, done, total),
      });
      save(made.blob, made.fileName);
      say(el, clipSavedMessage(made));
    } catch (e) {
      if (isAbort(e)) say(el, CANCELLED);
      else fail(el, videoFailedMessage(e));
    } finally {
      running = null;
      setBusy(null);
      if (el.dialog.open) el.videoButton.focus();
    }
  };

  return {
    busy: () => busy,
    checkVideo: video.check,
    refresh: () => setBusy(busy),
    image,
    clip,
    cancel: () => running?.abort(),
  };
}
