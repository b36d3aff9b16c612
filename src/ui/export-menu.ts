/**
 * Export: a toolbar button opening a dialog that saves the view as a PNG (1×, 2× or 4×) or a clip
 * of the timeline between two dates (1920 × 1080, 30 fps, WebM or MP4). The drawing, encoding and
 * muxing code is loaded on first use (`import()`), so it costs the app's first load nothing.
 */
import { durationProblem, MAX_SECONDS, MIN_SECONDS, rangeProblem } from "../export/frame-dates";
import {
  canEncodeVideo,
  chooseVideoFormat,
  VIDEO_SIZE,
  type VideoFormat,
} from "../export/video-format";
import type { MapCapture } from "../map/map-view";
import type { Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { timelineRange } from "./timeline";

export interface ExportDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** The map's capture interface, or null before the map has loaded / without WebGL. */
  readonly capture: () => MapCapture | null;
  /** Default video range: [from, to] dates — the previous and current story step's dates, or the whole timeline range. */
  readonly defaultRange: () => readonly [string, string];
}

const SCALES = [1, 2, 4] as const;
const DEFAULT_SECONDS = 6;
/** How long a download's blob URL is kept: long enough for the browser to start saving it. */
const REVOKE_AFTER_MS = 60_000;
const NO_WEBCODECS =
  "This browser cannot encode video (WebCodecs is missing); use Chrome, Edge or a recent Firefox/Safari.";
const NO_FORMAT =
  "This browser cannot encode 1920 × 1080 video as WebM (VP9) or MP4 (H.264); use Chrome, Edge or a recent Firefox/Safari.";

let dialogs = 0;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function setupExport(root: HTMLElement, deps: ExportDeps): () => void {
  const { store, topology } = deps;
  const id = `export-${++dialogs}`;
  const [minDate, maxDate] = timelineRange(topology);

  const button = h(
    "button",
    { type: "button", class: "tool", "aria-haspopup": "dialog", "aria-expanded": "false" },
    "Export",
  );

  // Image
  const sizes = new Map<number, HTMLSpanElement>();
  const radios = SCALES.map((scale) => {
    const input = h("input", {
      type: "radio",
      name: `${id}-scale`,
      value: String(scale),
      checked: scale === 1,
    });
    const size = h("span", { class: "export-size" });
    sizes.set(scale, size);
    return {
      scale,
      input,
      label: h("label", { class: "export-choice" }, input, `${scale}×`, size),
    };
  });
  const scaleGroup = h(
    "div",
    { class: "export-scales", role: "radiogroup", "aria-labelledby": `${id}-scale-label` },
    h("span", { id: `${id}-scale-label`, class: "export-label" }, "Scale"),
    ...radios.map((r) => r.label),
  );
  const pngButton = h("button", { type: "button", class: "tool export-go" }, "Download PNG");

  // Video
  const fromInput = h("input", { type: "date", min: minDate, max: maxDate, required: true });
  const toInput = h("input", { type: "date", min: minDate, max: maxDate, required: true });
  const secondsInput = h("input", {
    type: "number",
    min: MIN_SECONDS,
    max: MAX_SECONDS,
    step: 1,
    value: DEFAULT_SECONDS,
    required: true,
  });
  const formatHint = h("p", { class: "export-hint" });
  const unsupported = h("p", { class: "export-unsupported", hidden: true });
  const videoButton = h("button", { type: "button", class: "tool export-go" }, "Export video");
  const cancelButton = h("button", { type: "button", class: "tool", hidden: true }, "Cancel");
  const progress = h("progress", {
    max: 1,
    value: 0,
    "aria-label": "Export progress",
    hidden: true,
  });
  const frameCounter = h("span", { class: "export-count", "aria-hidden": "true" });
  const videoFields = h(
    "div",
    { class: "export-fields" },
    h("label", {}, h("span", { class: "export-label" }, "From"), fromInput),
    h("label", {}, h("span", { class: "export-label" }, "To"), toInput),
    h("label", {}, h("span", { class: "export-label" }, "Duration (seconds)"), secondsInput),
  );

  const status = h("p", { class: "export-status", role: "status", "aria-live": "polite" });
  const error = h("p", { class: "export-error", role: "alert" });
  const closeButton = h("button", { type: "button", class: "close", "aria-label": "Close" }, "×");

  const dialog = h(
    "dialog",
    { class: "export-dialog", "aria-labelledby": `${id}-title` },
    h(
      "div",
      { class: "export-body" },
      h("header", {}, h("h2", { id: `${id}-title` }, "Export"), closeButton),
      h(
        "section",
        { "aria-labelledby": `${id}-image` },
        h("h3", { id: `${id}-image` }, "Image (PNG)"),
        scaleGroup,
        h("div", { class: "export-actions" }, pngButton),
      ),
      h(
        "section",
        { "aria-labelledby": `${id}-video` },
        h("h3", { id: `${id}-video` }, "Video"),
        unsupported,
        videoFields,
        formatHint,
        h("div", { class: "export-actions" }, videoButton, cancelButton),
        h("div", { class: "export-progress" }, progress, frameCounter),
      ),
      status,
      error,
    ),
  );
  root.append(button, dialog);

  let busy: "image" | "video" | null = null;
  let running: AbortController | null = null;
  let format: Promise<VideoFormat | null> | null = null;
  const revokers: ReturnType<typeof setTimeout>[] = [];
  const urls = new Set<string>();

  const say = (text: string) => {
    status.textContent = text;
    if (text) error.textContent = "";
  };
  const fail = (text: string) => {
    error.textContent = text;
    status.textContent = "";
  };

  const videoPossible = () => canEncodeVideo() && !unsupported.textContent;
  const setBusy = (next: typeof busy) => {
    busy = next;
    pngButton.disabled = busy !== null;
    for (const r of radios) r.input.disabled = busy !== null;
    videoButton.disabled = busy !== null || !videoPossible();
    for (const input of [fromInput, toInput, secondsInput])
      input.disabled = busy !== null || !canEncodeVideo();
    cancelButton.hidden = busy !== "video";
    progress.hidden = busy !== "video";
    frameCounter.hidden = busy !== "video";
  };

  /** Checks once which format this browser encodes, and says so (or why it cannot). */
  const checkVideo = () => {
    if (!canEncodeVideo()) {
      unsupported.textContent = NO_WEBCODECS;
      unsupported.hidden = false;
      formatHint.textContent = "";
      setBusy(busy);
      return;
    }
    if (!format) {
      formatHint.textContent = `${VIDEO_SIZE.width} × ${VIDEO_SIZE.height} · 30 fps`;
      format = chooseVideoFormat();
      format.then((chosen) => {
        if (chosen) {
          formatHint.textContent = `${VIDEO_SIZE.width} × ${VIDEO_SIZE.height} · 30 fps · ${chosen.label}`;
        } else {
          unsupported.textContent = NO_FORMAT;
          unsupported.hidden = false;
        }
        setBusy(busy);
      });
    }
  };

  const open = () => {
    if (dialog.open) return;
    for (const [scale, size] of sizes) {
      size.textContent = `${Math.round(window.innerWidth * scale)} × ${Math.round(window.innerHeight * scale)}`;
    }
    if (!busy) {
      const [from, to] = deps.defaultRange();
      fromInput.value = from;
      toInput.value = to;
      say("");
      error.textContent = "";
    }
    checkVideo();
    setBusy(busy);
    dialog.showModal();
    button.setAttribute("aria-expanded", "true");
  };

  const download = (blob: Blob, fileName: string) => {
    const url = URL.createObjectURL(blob);
    urls.add(url);
    const link = h("a", { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    revokers.push(
      setTimeout(() => {
        URL.revokeObjectURL(url);
        urls.delete(url);
      }, REVOKE_AFTER_MS),
    );
  };

  const captureOrSay = (): MapCapture | null => {
    const capture = deps.capture();
    if (!capture) fail("The map is not ready to export yet (it is loading, or WebGL is off).");
    return capture;
  };

  const exportPng = async () => {
    const capture = captureOrSay();
    if (!capture || busy) return;
    const scale = radios.find((r) => r.input.checked)?.scale ?? 1;
    setBusy("image");
    say(`Drawing the map at ${scale}×…`);
    try {
      const { exportImage } = await import("../export/image");
      const image = await exportImage({ capture, topology, state: store.getState(), scale });
      download(image.blob, image.fileName);
      say(
        `Saved ${image.fileName} (${image.width} × ${image.height}).${image.note ? ` ${image.note}` : ""}`,
      );
    } catch (e) {
      fail(`The image could not be made: ${messageOf(e)}`);
    } finally {
      setBusy(null);
      if (dialog.open) pngButton.focus();
    }
  };

  const exportClip = async () => {
    if (busy) return;
    const from = fromInput.value;
    const to = toInput.value;
    const seconds = secondsInput.valueAsNumber;
    const problem = rangeProblem(from, to) ?? durationProblem(seconds);
    if (problem) {
      fail(problem);
      return;
    }
    const chosen = await format;
    if (!chosen) {
      fail(canEncodeVideo() ? NO_FORMAT : NO_WEBCODECS);
      return;
    }
    const capture = captureOrSay();
    if (!capture) return;
    const controller = new AbortController();
    running = controller;
    setBusy("video");
    progress.value = 0;
    frameCounter.textContent = "";
    say(`Rendering ${from} to ${to} as ${chosen.label}…`);
    try {
      const { exportVideo } = await import("../export/video");
      const clip = await exportVideo({
        capture,
        store,
        topology,
        from,
        to,
        seconds,
        format: chosen,
        signal: controller.signal,
        onProgress: (done, total) => {
          progress.value = done / total;
          frameCounter.textContent = `Frame ${done} of ${total}`;
        },
      });
      download(clip.blob, clip.fileName);
      say(`Saved ${clip.fileName} (${clip.frames} frames, ${megabytes(clip.blob.size)}).`);
    } catch (e) {
      if (isAbort(e)) say("Export cancelled.");
      else fail(`The video could not be made: ${messageOf(e)}`);
    } finally {
      running = null;
      setBusy(null);
      if (dialog.open) videoButton.focus();
    }
  };

  const onCancel = (e: Event) => {
    // Escape: stops a clip being made (a still takes a moment; it finishes).
    if (busy) {
      e.preventDefault();
      running?.abort();
    }
  };
  const onBackdrop = (e: MouseEvent) => {
    if (e.target === dialog && !busy) dialog.close();
  };
  const onClose = () => {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  };

  button.addEventListener("click", open);
  closeButton.addEventListener("click", () => {
    running?.abort();
    if (busy !== "image") dialog.close();
  });
  pngButton.addEventListener("click", exportPng);
  videoButton.addEventListener("click", exportClip);
  cancelButton.addEventListener("click", () => running?.abort());
  // While the dialog is open, keys are the dialog's: Escape closes it without also clearing the
  // selection, and arrows move between choices, not along the timeline. (The page behind a
  // modal dialog is inert, so nothing else there expects keys; default actions still happen.)
  const onKey = (e: KeyboardEvent) => {
    if (dialog.open) e.stopPropagation();
  };
  document.addEventListener("keydown", onKey, { capture: true });
  dialog.addEventListener("cancel", onCancel);
  dialog.addEventListener("click", onBackdrop);
  dialog.addEventListener("close", onClose);

  return () => {
    running?.abort();
    document.removeEventListener("keydown", onKey, { capture: true });
    dialog.removeEventListener("close", onClose);
    if (dialog.open) dialog.close();
    for (const timer of revokers) clearTimeout(timer);
    for (const url of urls) URL.revokeObjectURL(url);
    button.remove();
    dialog.remove();
  };
}
