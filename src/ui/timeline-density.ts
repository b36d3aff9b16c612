/**
 * The density strip above the timeline's track: how many links are active over the whole range,
 * and when links appear and retire (`timeline-density-model.ts`, drawn by
 * `timeline-density-view.ts`). It follows the filters, the track's width, the date on show and
 * the page's theme. Its text alternative (`role="img"`, `aria-label`) says the same in words.
 * It takes no pointer events: the markers, the thumb and the ticks stay under the pointer.
 */
import type { Link, Topology } from "../model/schema";
import { hasFilters, passesFilters } from "../state/filters";
import { type AppStore, type Filters, watch } from "../state/store";
import { h } from "./dom";
import { buildDensity, type Density, describeDensity } from "./timeline-density-model";
import { type DensityPalette, drawDensity, readDensityPalette } from "./timeline-density-view";
import { type TimelineScale, trackFraction } from "./timeline-model";
import "./timeline-density.css";

/** One bin per this many CSS pixels of track. */
const BIN_PX = 3;

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
  let links: readonly Link[] = topology.links;
  let density: Density | undefined;
  // The strip's size, read when it may have changed (reading it at each date would force a layout).
  let width = 0;
  let height = 0;
  let palette: DensityPalette | undefined;

  // Drawn again at each date (the area up to it is in the track's colour): a few hundred bins.
  const draw = () => {
    if (!density || width === 0 || height === 0) return;
    palette ??= readDensityPalette(canvas);
    const now = trackFraction(scale, store.getState().date);
    drawDensity(canvas, density, { width, height, now }, palette);
  };
  /** Counts again when the filters or the track's width changed, then draws. */
  const update = () => {
    const { filters } = store.getState();
    const nextWidth = trackArea.clientWidth;
    height = canvas.clientHeight;
    if (filters === linksFor && nextWidth === width && density) return draw();
    if (filters !== linksFor) {
      linksFor = filters;
      links = hasFilters(filters)
        ? topology.links.filter((l) => passesFilters(l, filters, topology))
        : topology.links;
    }
    width = nextWidth;
    // The words do not depend on the bins: a hidden strip (no width yet) still has them.
    density = buildDensity(links, scale.minDay, scale.maxDay, Math.max(8, width / BIN_PX));
    canvas.setAttribute("aria-label", describeDensity(density));
    draw();
  };

  const resizes = new ResizeObserver(update);
  resizes.observe(trackArea);
  // Its height is the stylesheet's, which a phone's width changes.
  resizes.observe(canvas);
  // The theme is the page's: redraw once its colours are on the root (whoever sets them).
  const themes = new MutationObserver(() => {
    palette = undefined;
    draw();
  });
  themes.observe(document.documentElement, { attributeFilter: ["data-theme"] });
  update();
  const disposers = [watch(store, (s) => s.filters, update), watch(store, (s) => s.date, draw)];
  return () => {
    for (const dispose of disposers) dispose();
    resizes.disconnect();
    themes.disconnect();
    canvas.remove();
  };
}
