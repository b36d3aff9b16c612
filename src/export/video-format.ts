/** Which video format this browser can encode with WebCodecs. Light: the muxers load later. */

export interface VideoFormat {
  readonly container: "webm" | "mp4";
  /** The WebCodecs codec string. */
  readonly codec: string;
  /** What the dialog calls it. */
  readonly label: string;
}

/** Exported clips are 1080p. */
export const VIDEO_SIZE = { width: 1920, height: 1080 } as const;
/** Bits per second: plenty for a mostly still map with thin moving lines. */
export const VIDEO_BITRATE = 8_000_000;

/**
 * WebM with VP9 first (royalty-free, encoded by Chrome, Edge and Firefox), then MP4 with H.264
 * (Safari). VP9 level 4.0 and H.264 levels 4.x are the ones that cover 1920 × 1080 at 30 fps;
 * Baseline level 3.1 (`avc1.42001f`) stops at 1280 × 720, so browsers refuse it at 1080p.
 */
export const VIDEO_FORMATS: readonly VideoFormat[] = [
  { container: "webm", codec: "vp09.00.40.08", label: "WebM (VP9)" },
  { container: "webm", codec: "vp09.00.10.08", label: "WebM (VP9)" },
  { container: "mp4", codec: "avc1.640028", label: "MP4 (H.264)" },
  { container: "mp4", codec: "avc1.4d0028", label: "MP4 (H.264)" },
  { container: "mp4", codec: "avc1.42002a", label: "MP4 (H.264)" },
];

/** True when this browser has WebCodecs' video encoder. */
export const canEncodeVideo = (): boolean =>
  typeof globalThis.VideoEncoder === "function" && typeof globalThis.VideoFrame === "function";

/** The first of `VIDEO_FORMATS` this browser encodes at 1080p30, or null. */
export async function chooseVideoFormat(): Promise<VideoFormat | null> {
  if (!canEncodeVideo()) return null;
  for (const format of VIDEO_FORMATS) {
    try {
      const { supported } = await VideoEncoder.isConfigSupported(encoderConfig(format));
      if (supported) return format;
    } catch {
      // A codec string the browser does not parse: try the next.
    }
  }
  return null;
}

/** The encoder configuration of `format` at 1080p30. */
export const encoderConfig = (format: VideoFormat): VideoEncoderConfig => ({
  codec: format.codec,
  width: VIDEO_SIZE.width,
  height: VIDEO_SIZE.height,
  bitrate: VIDEO_BITRATE,
  framerate: 30,
});
