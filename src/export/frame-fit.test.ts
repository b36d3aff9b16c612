import { describe, expect, it } from "vitest";
import { fitFrame } from "./frame-fit";

const HD = { width: 1920, height: 1080 };

describe("frame fit", () => {
  it("fitFrame draws a 16:9 view at the ratio that makes it 1920 pixels wide", () => {
    expect(fitFrame({ width: 1280, height: 720 }, HD)).toEqual({
      pixelRatio: 1.5,
      x: 0,
      y: 0,
      width: 1920,
      height: 1080,
    });
  });

  it("fitFrame covers the frame from a 16:10 view, cropping top and bottom evenly", () => {
    const fit = fitFrame({ width: 1440, height: 900 }, HD);
    expect(fit.pixelRatio).toBeCloseTo(1920 / 1440, 9);
    expect(fit.width).toBeCloseTo(1920, 9);
    expect(fit.height).toBeCloseTo(1200, 9);
    expect(fit.y).toBeCloseTo(-60, 9);
  });

  it("fitFrame letterboxes a view that covering would crop too much", () => {
    const fit = fitFrame({ width: 400, height: 800 }, HD);
    expect(fit.pixelRatio).toBeCloseTo(1080 / 800, 9);
    expect(fit.height).toBeCloseTo(1080, 9);
    expect(fit.width).toBeCloseTo(540, 9);
    expect(fit.x).toBeCloseTo(690, 9);
    expect(fit.y).toBeCloseTo(0, 9);
  });

  it("fitFrame rejects an empty view", () => {
    expect(() => fitFrame({ width: 0, height: 720 }, HD)).toThrow("invalid view");
  });
});
