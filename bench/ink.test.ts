import { describe, expect, it } from "vitest";
import { INK_THRESHOLD, inkPicture, inkShare, PIXEL, type RgbaImage } from "./ink";

/** A `width`×`height` image of one colour, with the pixels of `paint` in another. */
function image(
  width: number,
  height: number,
  paint: readonly (readonly [number, number])[] = [],
  colour: readonly [number, number, number] = [255, 255, 255],
): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([20, 24, 32, 255], i * 4);
  for (const [x, y] of paint) data.set([...colour, 255], (y * width + x) * 4);
  return { width, height, data };
}

describe("inkShare", () => {
  it("gives the share of pixels that differ from the empty map", () => {
    const result = inkShare(
      image(10, 10, [
        [0, 0],
        [5, 5],
      ]),
      image(10, 10),
    );
    expect(result).toMatchObject({ changed: 2, counted: 100, share: 0.02 });
  });

  it("gives 0 for identical images", () => {
    expect(inkShare(image(4, 3), image(4, 3)).share).toBe(0);
  });

  it("ignores a difference at or below the threshold, summed over R, G and B", () => {
    const empty = image(2, 1);
    const faint = image(2, 1);
    // 8 + 8 + 8 = 24: noise; 9 + 8 + 8 = 25: ink.
    faint.data.set([28, 32, 40], 0);
    faint.data.set([29, 32, 40], 4);
    const result = inkShare(faint, empty);
    expect(INK_THRESHOLD).toBe(24);
    expect(result.changed).toBe(1);
    expect([...result.mask]).toEqual([PIXEL.same, PIXEL.ink]);
    expect(inkShare(faint, empty, { threshold: 30 }).changed).toBe(0);
  });

  it("leaves the pixels under a panel out of both the changed and the counted pixels", () => {
    // A 10×10 map with a 4×10 sidebar on the left; ink at (1, 1) under it and (6, 6) beside it.
    const data = image(10, 10, [
      [1, 1],
      [6, 6],
    ]);
    const result = inkShare(data, image(10, 10), {
      panels: [{ x0: 0, y0: 0, x1: 4, y1: 10 }],
    });
    expect(result).toMatchObject({ changed: 1, counted: 60, share: 1 / 60 });
    expect(result.mask[1 * 10 + 1]).toBe(PIXEL.excluded);
    expect(result.mask[6 * 10 + 6]).toBe(PIXEL.ink);
  });

  it("counts overlapping panels once and clips panels that reach past the image", () => {
    const result = inkShare(image(10, 10), image(10, 10), {
      panels: [
        { x0: -5, y0: -5, x1: 5, y1: 5 },
        { x0: 2, y0: 2, x1: 5, y1: 5 },
        { x0: 8, y0: 8, x1: 30, y1: 30 },
      ],
    });
    expect(result.counted).toBe(100 - 25 - 4);
  });

  it("counts only the map's area, and a pixel is under a panel when its centre is", () => {
    const result = inkShare(image(10, 10, [[0, 9]]), image(10, 10), {
      area: { x0: 0, y0: 0, x1: 10, y1: 8 },
      panels: [
        { x0: 0, y0: 0, x1: 2.6, y1: 8 },
        { x0: 9.5, y0: 0, x1: 10, y1: 8 },
      ],
    });
    // Rows 0–7 (the ink in row 9 is outside the map), columns 3–8: column 2's centre (2.5) is
    // under the first panel, column 9's (9.5) on the second's left edge, which is inside it.
    expect(result).toMatchObject({ changed: 0, counted: 8 * 6 });
  });

  it("has no share when the panels cover the whole map", () => {
    const result = inkShare(image(3, 3), image(3, 3), {
      panels: [{ x0: 0, y0: 0, x1: 3, y1: 3 }],
    });
    expect(result).toMatchObject({ changed: 0, counted: 0, share: null });
  });

  it("refuses images of different sizes", () => {
    expect(() => inkShare(image(3, 3), image(3, 4))).toThrow(
      "invalid images: 3×3 and 3×4 differ in size",
    );
  });
});

describe("inkPicture", () => {
  it("paints ink magenta and keeps the size of the screenshot", () => {
    const data = image(2, 1, [[1, 0]]);
    const picture = inkPicture(data, inkShare(data, image(2, 1)));
    expect(picture).toMatchObject({ width: 2, height: 1 });
    expect([...picture.data.slice(4, 8)]).toEqual([255, 0, 200, 255]);
    expect([...picture.data.slice(0, 4)]).toEqual([10, 12, 16, 255]);
  });
});
