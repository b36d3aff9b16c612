/** How the map's canvas fills a video frame of another shape. */

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The pixel ratio to draw the map at, and where its canvas lands in the output (output pixels). */
export interface FrameFit {
  readonly pixelRatio: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Fits a map of `view` CSS pixels into `output`: it covers the output (cropping the overflow
 * evenly on both sides) when that crops at most `maxCrop` of the map's width or height, since a
 * full-bleed frame reads best; beyond that (a phone held upright, say) it is letterboxed whole.
 */
export function fitFrame(view: Size, output: Size, maxCrop = 0.15): FrameFit {
  if (!(view.width > 0 && view.height > 0)) throw new RangeError("invalid view: empty");
  const cover = Math.max(output.width / view.width, output.height / view.height);
  const crop =
    1 - Math.min(output.width / (view.width * cover), output.height / (view.height * cover));
  const pixelRatio =
    crop <= maxCrop + 1e-9
      ? cover
      : Math.min(output.width / view.width, output.height / view.height);
  const width = view.width * pixelRatio;
  const height = view.height * pixelRatio;
  return {
    pixelRatio,
    x: (output.width - width) / 2,
    y: (output.height - height) / 2,
    width,
    height,
  };
}
