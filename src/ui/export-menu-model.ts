/**
 * What the export dialog offers and says, computed from what is being exported and what the
 * browser can encode: which controls are enabled or shown, the image sizes, the video format, the
 * clip's checks and every status and error message. No DOM: `export-menu-view.ts` draws it.
 */
import { durationProblem, rangeProblem } from "../export/frame-dates";
import { VIDEO_SIZE } from "../export/video-format";

/** The PNG scales offered, the first one chosen. */
export const SCALES = [1, 2, 4] as const;
/** A clip's duration, in seconds, until the user changes it. */
export const DEFAULT_SECONDS = 6;

export const NO_WEBCODECS =
  "This browser cannot encode video (WebCodecs is missing); use Chrome, Edge or a recent Firefox/Safari.";
export const NO_FORMAT =
  "This browser cannot encode 1920 × 1080 video as WebM (VP9) or MP4 (H.264); use Chrome, Edge or a recent Firefox/Safari.";
export const NOT_READY = "The map is not ready to export yet (it is loading, or WebGL is off).";
export const CANCELLED = "Export cancelled.";

/** What is being exported: one thing at a time, or nothing. */
export type ExportBusy = "image" | "video" | null;

/** What the browser can do about video, as far as the dialog knows yet. */
export interface VideoSupport {
  /** WebCodecs is there. */
  readonly canEncode: boolean;
  /** Why no video can be made (`NO_WEBCODECS`, `NO_FORMAT`), or "" while none is known. */
  readonly unsupported: string;
}

/** Which controls the dialog enables and shows. */
export interface ExportControls {
  /** The scale choices and "Download PNG". */
  readonly imageDisabled: boolean;
  /** "Export video". */
  readonly videoDisabled: boolean;
  /** The From, To and Duration fields. */
  readonly fieldsDisabled: boolean;
  /** "Cancel", the progress bar and the frame counter. */
  readonly progressShown: boolean;
}

/** While anything is exported, nothing else can start; a clip's progress shows while it renders. */
export function exportControls(busy: ExportBusy, video: VideoSupport): ExportControls {
  return {
    imageDisabled: busy !== null,
    videoDisabled: busy !== null || !(video.canEncode && !video.unsupported),
    fieldsDisabled: busy !== null || !video.canEncode,
    progressShown: busy === "video",
  };
}

/**
 * What the dialog says of the credit every image and clip carries (`attributionText`), or "" for
 * a dataset whose data asks for none.
 */
export const creditNote = (credit: string): string =>
  credit ? `Images and clips carry the credit the data's license asks for: ${credit}` : "";

/** "1280 × 720": the PNG's size at `scale` for a window of `width` × `height` CSS pixels. */
export const scaleSize = (scale: number, width: number, height: number): string =>
  `${Math.round(width * scale)} × ${Math.round(height * scale)}`;

/** "1920 × 1080 · 30 fps", then " · WebM (VP9)" once the format is chosen. */
export const formatHint = (label: string | null): string =>
  `${VIDEO_SIZE.width} × ${VIDEO_SIZE.height} · 30 fps${label === null ? "" : ` · ${label}`}`;

/** Why the clip asked for cannot be made, or null when it can. */
export const clipProblem = (from: string, to: string, seconds: number): string | null =>
  rangeProblem(from, to) ?? durationProblem(seconds);

/** Why no clip can be made when no format was found. */
export const noVideoReason = (canEncode: boolean): string => (canEncode ? NO_FORMAT : NO_WEBCODECS);

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === "AbortError";
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

export const drawingMessage = (scale: number): string => `Drawing the map at ${scale}×…`;

export const imageSavedMessage = (image: {
  readonly fileName: string;
  readonly width: number;
  readonly height: number;
  readonly note: string | null;
}): string =>
  `Saved ${image.fileName} (${image.width} × ${image.height}).${image.note ? ` ${image.note}` : ""}`;

export const imageFailedMessage = (error: unknown): string =>
  `The image could not be made: ${messageOf(error)}`;

export const renderingMessage = (from: string, to: string, label: string): string =>
  `Rendering ${from} to ${to} as ${label}…`;

export const frameCounterText = (done: number, total: number): string =>
  `Frame ${done} of ${total}`;

export const clipSavedMessage = (clip: {
  readonly fileName: string;
  readonly frames: number;
  readonly blob: { readonly size: number };
}): string => `Saved ${clip.fileName} (${clip.frames} frames, ${megabytes(clip.blob.size)}).`;

export const videoFailedMessage = (error: unknown): string =>
  `The video could not be made: ${messageOf(error)}`;
