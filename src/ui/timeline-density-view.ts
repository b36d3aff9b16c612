/**
 * Drawing the density strip into its canvas: a stepped area of the links active (the track's
 * colour up to the date on show, the muted text colour after it, as the track's fill does), on a
 * rug of when links appear (upper row, green) and retire (lower row, red), in the page's theme.
 */
import { binStart, type Density } from "./timeline-density-model";

/** The rug's rows, appear then retire, in CSS pixels; the area takes the height above them. */
const RUG_ROW_PX = 2;
const RUG_GAP_PX = 1;

/** The strip's size in CSS pixels and where the date on show falls, from 0 to 1. */
export interface DensityFrame {
  readonly width: number;
  readonly height: number;
  readonly now: number;
}

/** The strip's colours, from the page's theme (its CSS custom properties). */
export interface DensityPalette {
  readonly accent: string;
  readonly muted: string;
  readonly appear: string;
  readonly retire: string;
}

/** The colours `element` inherits now (read once per theme: reading styles costs a recalc). */
export const readDensityPalette = (element: Element): DensityPalette => {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read("--accent", "#35d0ff"),
    muted: read("--muted", "#9fb0c8"),
    appear: read("--ok", "#5ee6a0"),
    retire: read("--danger", "#ff4d5e"),
  };
};

/** The area's outline (top edge, stepped per bin) and its closed shape down to `base`. */
function areaPaths(density: Density, width: number, base: number, tall: number) {
  const { active, peak } = density;
  const outline = new Path2D();
  const shape = new Path2D();
  shape.moveTo(0, base);
  for (let i = 0; i < active.length; i++) {
    const n = active[i] ?? 0;
    // A bin with any link stands at least a pixel tall, so one cable among 500 still shows.
    const y = n === 0 ? base : base - Math.max(1, (n / (peak || 1)) * tall);
    const x0 = binStart(density, i) * width;
    const x1 = Math.min(width, binStart(density, i + 1) * width);
    if (i === 0) outline.moveTo(x0, y);
    else outline.lineTo(x0, y);
    outline.lineTo(x1, y);
    shape.lineTo(x0, y);
    shape.lineTo(x1, y);
  }
  shape.lineTo(width, base);
  shape.closePath();
  return { outline, shape };
}

/**
 * Draws `density` on `canvas` for `frame` in `palette`; sizes the canvas's bitmap to the device's
 * pixels.
 */
export function drawDensity(
  canvas: HTMLCanvasElement,
  density: Density,
  frame: DensityFrame,
  palette: DensityPalette,
) {
  const { width, height } = frame;
  const ratio = window.devicePixelRatio || 1;
  const bitmapWidth = Math.round(width * ratio);
  const bitmapHeight = Math.round(height * ratio);
  // Resizing clears and reallocates the bitmap: only when the size changed.
  if (canvas.width !== bitmapWidth) canvas.width = bitmapWidth;
  if (canvas.height !== bitmapHeight) canvas.height = bitmapHeight;
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const rugTop = height - 2 * RUG_ROW_PX;
  const base = rugTop - RUG_GAP_PX;
  // The outline is 1 px wide, centred on its path: half a pixel of room above the tallest bar.
  const { outline, shape } = areaPaths(density, width, base, base - 1);
  const nowX = Math.round(Math.min(1, Math.max(0, frame.now)) * width);

  const part = (from: number, to: number, color: string, fill: number, line: number) => {
    if (to <= from) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(from, 0, to - from, height);
    ctx.clip();
    ctx.fillStyle = color;
    ctx.globalAlpha = fill;
    ctx.fill(shape);
    ctx.strokeStyle = color;
    ctx.globalAlpha = line;
    ctx.lineWidth = 1;
    ctx.stroke(outline);
    ctx.restore();
  };
  if (density.peak > 0) {
    part(0, nowX, palette.accent, 0.3, 0.95);
    part(nowX, width, palette.muted, 0.14, 0.5);
  }

  // The rug: a mark in each bin where links appeared or retired, stronger for more of them.
  const most = Math.max(1, ...density.appeared, ...density.retired);
  const rug = (values: Uint32Array, color: string, y: number) => {
    ctx.fillStyle = color;
    for (let i = 0; i < values.length; i++) {
      const n = values[i] ?? 0;
      if (n === 0) continue;
      const x0 = binStart(density, i) * width;
      const x1 = Math.min(width, binStart(density, i + 1) * width);
      ctx.globalAlpha = 0.4 + 0.6 * Math.sqrt(n / most);
      ctx.fillRect(x0, y, Math.max(1, x1 - x0 - 0.5), RUG_ROW_PX);
    }
  };
  rug(density.appeared, palette.appear, rugTop);
  rug(density.retired, palette.retire, rugTop + RUG_ROW_PX);
  ctx.globalAlpha = 1;
}
