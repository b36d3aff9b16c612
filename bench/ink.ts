/**
 * "Ink": the share of the map that a dataset changes. Two screenshots of the same view — the
 * dataset's and an empty dataset's — are compared pixel by pixel over the map's area, leaving out
 * what lies under the panels. Pure: images are plain RGBA buffers (bench/cartography.ts decodes
 * the PNGs).
 */

/** An RGBA image, 4 bytes a pixel, rows top to bottom (as pngjs decodes a PNG). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A box in image pixels: `x0 ≤ x < x1`, `y0 ≤ y < y1` (fractional edges allowed). */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * The default noise floor: a pixel counts as changed when |ΔR| + |ΔG| + |ΔB| exceeds it (of
 * 3 × 255). Antialiased edges that differ by a shade between two renders stay below it; a line
 * or a name drawn over the basemap is far above it.
 */
export const INK_THRESHOLD = 24;

export interface InkOptions {
  /** The map's area; pixels outside it are not counted. Default: the whole image. */
  readonly area?: Box;
  /** Boxes over the map (panels, toolbar, legend…): pixels inside any of them are not counted. */
  readonly panels?: readonly Box[];
  /** Summed RGB difference a pixel must exceed to count as changed; default {@link INK_THRESHOLD}. */
  readonly threshold?: number;
}

/** What a pixel is in {@link InkResult.mask}. */
export const PIXEL = { excluded: 0, same: 1, ink: 2 } as const;

export interface InkResult {
  /** Counted pixels that differ by more than the threshold. */
  readonly changed: number;
  /** Pixels counted: inside the area, outside every panel. */
  readonly counted: number;
  /** `changed / counted`, 0…1; `null` when nothing was counted. */
  readonly share: number | null;
  /** A value of {@link PIXEL} per pixel, row by row. */
  readonly mask: Uint8Array;
}

/**
 * The first and one-past-last pixel index whose centre (`i + 0.5`) lies in `[from, to)`, clipped
 * to `0…size`: a pixel belongs to a box when its centre does.
 */
function pixelSpan(from: number, to: number, size: number): [number, number] {
  const first = Math.max(0, Math.ceil(from - 0.5));
  const end = Math.min(size, Math.ceil(to - 0.5));
  return [first, Math.max(first, end)];
}

/**
 * Compares `data` with `empty` (same size) over `options.area` less `options.panels`: how many
 * counted pixels the dataset changed, and their share. Alpha is ignored (screenshots are opaque).
 */
export function inkShare(data: RgbaImage, empty: RgbaImage, options: InkOptions = {}): InkResult {
  const { width, height } = data;
  if (empty.width !== width || empty.height !== height) {
    throw new Error(
      `invalid images: ${width}×${height} and ${empty.width}×${empty.height} differ in size`,
    );
  }
  if (data.data.length < width * height * 4 || empty.data.length < width * height * 4) {
    throw new Error(`invalid images: fewer than ${width * height * 4} bytes of RGBA`);
  }
  const threshold = options.threshold ?? INK_THRESHOLD;
  const area = options.area ?? { x0: 0, y0: 0, x1: width, y1: height };
  const mask = new Uint8Array(width * height);

  const [ax0, ax1] = pixelSpan(area.x0, area.x1, width);
  const [ay0, ay1] = pixelSpan(area.y0, area.y1, height);
  for (let y = ay0; y < ay1; y++) mask.fill(PIXEL.same, y * width + ax0, y * width + ax1);
  for (const panel of options.panels ?? []) {
    const [px0, px1] = pixelSpan(panel.x0, panel.x1, width);
    const [py0, py1] = pixelSpan(panel.y0, panel.y1, height);
    for (let y = py0; y < py1; y++) mask.fill(PIXEL.excluded, y * width + px0, y * width + px1);
  }

  let changed = 0;
  let counted = 0;
  const a = data.data;
  const b = empty.data;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === PIXEL.excluded) continue;
    counted++;
    const o = i * 4;
    const difference =
      Math.abs((a[o] as number) - (b[o] as number)) +
      Math.abs((a[o + 1] as number) - (b[o + 1] as number)) +
      Math.abs((a[o + 2] as number) - (b[o + 2] as number));
    if (difference > threshold) {
      changed++;
      mask[i] = PIXEL.ink;
    }
  }
  return { changed, counted, share: counted === 0 ? null : changed / counted, mask };
}

/**
 * A picture of `result` over the dataset's screenshot, to look at: ink in magenta, the unchanged
 * map dimmed, excluded pixels (panels, outside the map) darkened to near black.
 */
export function inkPicture(data: RgbaImage, result: InkResult): RgbaImage {
  const out = new Uint8Array(data.width * data.height * 4);
  for (let i = 0; i < result.mask.length; i++) {
    const o = i * 4;
    const kind = result.mask[i];
    if (kind === PIXEL.ink) out.set([255, 0, 200], o);
    else {
      const scale = kind === PIXEL.same ? 0.5 : 0.15;
      for (let c = 0; c < 3; c++) out[o + c] = Math.round((data.data[o + c] as number) * scale);
    }
    out[o + 3] = 255;
  }
  return { width: data.width, height: data.height, data: out };
}
