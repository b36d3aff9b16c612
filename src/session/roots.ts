/** The page's fixed mount points, and the part of the map they leave clear. */

/** The page's fixed mount points. */
export interface Roots {
  readonly map: HTMLElement;
  readonly sidebar: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly legend: HTMLElement;
  readonly details: HTMLElement;
  readonly banner: HTMLElement;
  readonly timeline: HTMLElement;
  readonly title: HTMLElement;
  readonly story: HTMLElement;
}

/** The map area left clear by the panels, so framed data is not hidden behind them. */
export function framePadding(roots: Roots) {
  const wide = window.innerWidth > 700;
  if (document.documentElement.hasAttribute("data-embed"))
    return { top: 30, right: 30, bottom: 110, left: 30 };
  const caption = roots.story
    .querySelector<HTMLElement>(".story-panel:not([hidden])")
    ?.getBoundingClientRect();
  if (caption) {
    const bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 20;
    return wide
      ? { top: 40, right: 40, bottom, left: caption.right + 20 }
      : { top: 20, right: 20, bottom: window.innerHeight - caption.top + 10, left: 20 };
  }
  const side = roots.sidebar.getBoundingClientRect();
  let bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 30;
  let right = wide ? 140 : 90;
  const details = roots.details
    .querySelector<HTMLElement>(".details:not([hidden])")
    ?.getBoundingClientRect();
  if (details && wide) right = window.innerWidth - details.left + 110;
  if (details && !wide) bottom = window.innerHeight - details.top + 30;
  return { top: wide ? 60 : 110, right, bottom, left: wide ? side.right + 40 : 40 };
}

/**
 * What lies over the map, as boxes in the map's pixels: the panels, the toolbar's buttons, the
 * legend, the details, the banners, the story's caption, the timeline and the attribution. No
 * place name is drawn under one.
 */
export function panelBoxes(roots: Roots): { x0: number; y0: number; x1: number; y1: number }[] {
  const origin = roots.map.getBoundingClientRect();
  const selectors = [
    ".left-column > *",
    ".toolbar > *",
    ".legend-root > *",
    "#details-root > *",
    ".banner-root > *",
    "#story-root > *",
    ".timeline-root",
    ".maplibregl-ctrl-attrib",
    ".messages > *",
  ].join(", ");
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(selectors)) {
    const r = element.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    boxes.push({
      x0: r.left - origin.left,
      y0: r.top - origin.top,
      x1: r.right - origin.left,
      y1: r.bottom - origin.top,
    });
  }
  return boxes;
}
