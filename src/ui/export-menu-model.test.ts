import { describe, expect, it } from "vitest";
import {
  CANCELLED,
  clipProblem,
  clipSavedMessage,
  creditNote,
  DEFAULT_SECONDS,
  drawingMessage,
  exportControls,
  formatHint,
  frameCounterText,
  imageFailedMessage,
  imageSavedMessage,
  isAbort,
  NO_FORMAT,
  NO_WEBCODECS,
  noVideoReason,
  renderingMessage,
  SCALES,
  scaleSize,
  videoFailedMessage,
} from "./export-menu-model";

describe("exportControls", () => {
  it("enables everything and hides the progress while nothing is being made", () => {
    expect(exportControls(null, { canEncode: true, unsupported: "" })).toEqual({
      imageDisabled: false,
      videoDisabled: false,
      fieldsDisabled: false,
      progressShown: false,
    });
  });

  it("disables the video button and fields in a browser without WebCodecs", () => {
    expect(exportControls(null, { canEncode: false, unsupported: NO_WEBCODECS })).toEqual({
      imageDisabled: false,
      videoDisabled: true,
      fieldsDisabled: true,
      progressShown: false,
    });
  });

  it("disables only the video button when no format can be encoded", () => {
    expect(exportControls(null, { canEncode: true, unsupported: NO_FORMAT })).toEqual({
      imageDisabled: false,
      videoDisabled: true,
      fieldsDisabled: false,
      progressShown: false,
    });
  });

  it("disables every choice while a still is drawn, without showing progress", () => {
    expect(exportControls("image", { canEncode: true, unsupported: "" })).toEqual({
      imageDisabled: true,
      videoDisabled: true,
      fieldsDisabled: true,
      progressShown: false,
    });
  });

  it("shows the progress and Cancel while a clip is made", () => {
    expect(exportControls("video", { canEncode: true, unsupported: "" })).toEqual({
      imageDisabled: true,
      videoDisabled: true,
      fieldsDisabled: true,
      progressShown: true,
    });
  });
});

describe("what the dialog offers", () => {
  it("offers scales 1×, 2× and 4× and a clip of 6 seconds", () => {
    expect(SCALES).toEqual([1, 2, 4]);
    expect(DEFAULT_SECONDS).toBe(6);
  });

  it("scaleSize gives a scale's PNG size in whole pixels", () => {
    expect(scaleSize(1, 1280, 720)).toBe("1280 × 720");
    expect(scaleSize(2, 640.5, 359.75)).toBe("1281 × 720");
  });

  it("formatHint gives the clip's size and rate, then its format once chosen", () => {
    expect(formatHint(null)).toBe("1920 × 1080 · 30 fps");
    expect(formatHint("WebM (VP9)")).toBe("1920 × 1080 · 30 fps · WebM (VP9)");
  });
});

describe("clipProblem", () => {
  it("accepts a range forwards and a duration within bounds", () => {
    expect(clipProblem("2017-09-25", "2017-10-05", 2)).toBeNull();
    expect(clipProblem("2017-10-05", "2017-10-05", 60)).toBeNull();
  });

  it("names the range's problem before the duration's", () => {
    expect(clipProblem("2017-10-05", "2017-09-25", 0)).toBe(
      "The start date (2017-10-05) is after the end date (2017-09-25)",
    );
    expect(clipProblem("", "2017-09-25", 2)).toBe('The start date is not a date: ""');
  });

  it("rejects a duration that is missing or out of bounds", () => {
    const problem = "The duration must be between 1 and 60 seconds";
    expect(clipProblem("2017-09-25", "2017-10-05", Number.NaN)).toBe(problem);
    expect(clipProblem("2017-09-25", "2017-10-05", 61)).toBe(problem);
  });
});

describe("messages", () => {
  it("noVideoReason blames the format when WebCodecs is there, else WebCodecs", () => {
    expect(noVideoReason(true)).toBe(NO_FORMAT);
    expect(noVideoReason(false)).toBe(NO_WEBCODECS);
  });

  it("isAbort knows a cancelled export from a failed one", () => {
    expect(isAbort(new DOMException("stopped", "AbortError"))).toBe(true);
    expect(isAbort(new DOMException("no", "NotSupportedError"))).toBe(false);
    expect(isAbort(new Error("AbortError"))).toBe(false);
  });

  it("says what a still is doing, what it saved, with a note when smaller, and why it failed", () => {
    expect(drawingMessage(2)).toBe("Drawing the map at 2×…");
    const image = { fileName: "uplinks.png", width: 2560, height: 1440, note: null };
    expect(imageSavedMessage(image)).toBe("Saved uplinks.png (2560 × 1440).");
    expect(imageSavedMessage({ ...image, note: "Smaller: the GPU's limit." })).toBe(
      "Saved uplinks.png (2560 × 1440). Smaller: the GPU's limit.",
    );
    expect(imageFailedMessage(new Error("no canvas"))).toBe(
      "The image could not be made: no canvas",
    );
    expect(imageFailedMessage("lost")).toBe("The image could not be made: lost");
  });

  it("says what a clip is doing, its frames, what it saved in MB, and why it failed", () => {
    expect(renderingMessage("2017-09-25", "2017-10-05", "WebM (VP9)")).toBe(
      "Rendering 2017-09-25 to 2017-10-05 as WebM (VP9)…",
    );
    expect(frameCounterText(3, 60)).toBe("Frame 3 of 60");
    expect(
      clipSavedMessage({ fileName: "uplinks.webm", frames: 60, blob: { size: 1_572_864 } }),
    ).toBe("Saved uplinks.webm (60 frames, 1.5 MB).");
    expect(videoFailedMessage(new Error("encoder closed"))).toBe(
      "The video could not be made: encoder closed",
    );
    expect(CANCELLED).toBe("Export cancelled.");
  });
});

describe("creditNote", () => {
  it("says the credit every export carries, or nothing when the data asks for none", () => {
    expect(creditNote("Data: CC BY 4.0")).toBe(
      "Images and clips carry the credit the data's license asks for: Data: CC BY 4.0",
    );
    expect(creditNote("")).toBe("");
  });
});
