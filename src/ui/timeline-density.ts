/**
 * The density strip above the timeline's track: how many links are active over the whole range
 * (an area), and a rug beneath it of when links appear (green) and retire (red). It follows the
 * filters and the theme, and is redrawn to the track's width. Its text alternative
 * (`role="img"`, `aria-label`) says the same in words.
 */
import type { Topology } from "../model/schema";
import { passesFilters } from "../state/filters";
import { type AppStore, type Filters, watch } from "../state/store";
import { h } from "./dom";
import { buildDensity, type Density, describeDensity } from "./timeline-density-model";
import type { TimelineScale } from "./timeline-model";

/** One bin per this many CSS pixels of track. */
const BIN_PX = 3;
/** The rug's height in CSS pixels; the area takes the rest of the canvas's height, less a gap. */
const RUG_PX = 4;

const cssColor = (element: Element, name: string) =>
  getComputedStyle(element).getPropertyValue(name).trim() || "#888";

/** Draws `density` into `canvas`, `width` CSS pixels wide. */
function draw(canvas: HTMLCanvasElement, density: Density, width: number) {
  const ratio = window.devicePixelRatio || 1;
  const height = canvas.clientHeight || 24;
  const areaPx = height - 2 - RUG_PX;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const { active, appeared, retired, peak } = density;
  const bins = active.length;
  const binWidth = width / bins;
  const accent = cssColor(canvas, "--accent");
  if (peak > 0) {
    ctx.beginPath();
    ctx.moveTo(0, areaPx);
    for (let i = 0; i < bins; i++) {
      const y = areaPx - ((active[i] ?? 0) / peak) * areaPx;
      ctx.lineTo(i * binWidth, y);
      ctx.lineTo((i + 1) * binWidth, y);
    }
    ctx.lineTo(width, areaPx);
    ctx.closePath();
    ctx.globalAlpha = 0.28;
    ctx.fillStyle = accent;
    ctx.fill();
    ctx.globalAlpha = 0.75;
    ctx.strokeStyle = accent;
    ctx.lineWidth = 1;
    ctx.stroke();
  }
  // The rug: a mark in each bin where links appeared (upper half) or retired (lower half),
  // stronger for more.
  const most = Math.max(1, ...appeared, ...retired);
  const rug = (values: Uint32Array, color: string, y: number) => {
    ctx.fillStyle = color;
    for (let i = 0; i < bins; i++) {
      const n = values[i] ?? 0;
      if (n === 0) continue;
      ctx.globalAlpha = 0.35 + 0.65 * Math.sqrt(n / most);
      ctx.fillRect(i * binWidth, y, Math.max(1, binWidth - 0.5), RUG_PX / 2);
    }
  };
  rug(appeared, cssColor(canvas, "--ok"), areaPx + 2);
  rug(retired, cssColor(canvas, "--danger"), areaPx + 2 + RUG_PX / 2);
  ctx.globalAlpha = 1;
}

/** Mounts the strip at the top of `trackArea`; returns its disposer. */
export function setupTimelineDensity(
  trackArea: HTMLElement,
  store: AppStore,
  topology: Topology,
  scale: TimelineScale,
): () => void {
  const canvas = h("canvas", { class: "density", role: "img" });
  trackArea.prepend(canvas);
  let linksFor: Filters | undefined;
  let links = topology.links;
  let drawn = "";

  const render = () => {
    const { filters } = store.getState();
    if (filters !== linksFor) {
      linksFor = filters;
      links = topology.links.filter((l) => passesFilters(l, filters, topology));
    }
    const width = trackArea.clientWidth;
    const key = `${width}|${store.getState().theme}|${links.length}`;
    if (width === 0 || key === drawn) return;
    drawn = key;
    const density = buildDensity(
      links,
      scale.minDay,
      scale.maxDay,
      Math.max(8, Math.floor(width / BIN_PX)),
    );
    canvas.setAttribute("aria-label", describeDensity(density));
    canvas.style.width = `${width}px`;
    draw(canvas, density, width);
  };
  const onFilters = () => {
    drawn = "";
    render();
  };

  const resizes = new ResizeObserver(render);
  resizes.observe(trackArea);
  render();
  const disposers = [
    watch(store, (s) => s.filters, onFilters),
    // The theme's colours are read from the page once it has them.
    watch(
      store,
      (s) => s.theme,
      () => requestAnimationFrame(onFilters),
    ),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    resizes.disconnect();
    canvas.remove();
  };
}
