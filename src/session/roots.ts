/** The page's fixed mount points, and the part of the map they leave clear. */
import { PANEL_SELECTORS } from "./panel-selectors";

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
  if (!wide) return phonePadding(roots);
  const caption = roots.story
    .querySelector<HTMLElement>(".story-panel:not([hidden])")
    ?.getBoundingClientRect();
  if (caption) {
    const bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 20;
    return { top: 40, right: 40, bottom, left: caption.right + 20 };
  }
  const side = roots.sidebar.getBoundingClientRect();
  const bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 30;
  let right = 140;
  const details = roots.details
    .querySelector<HTMLElement>(".details:not([hidden])")
    ?.getBoundingClientRect();
  if (details) right = window.innerWidth - details.left + 110;
  return { top: 60, right, bottom, left: side.right + 40 };
}

/** `element`'s box, if it is shown (not hidden, nor invisible, nor empty). */
function shownBox(element: Element | null | undefined): DOMRect | undefined {
  if (!element) return undefined;
  if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true }))
    return undefined;
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 ? box : undefined;
}

/**
 * On a phone the map shows between what lies along the top (the title, the Links and Menu
 * buttons, the event banner) and what lies along the bottom: the timeline, and above it the open
 * bottom sheet (details, the link list) or the story's caption card, and the legend's button.
 */
function phonePadding(roots: Roots) {
  const margin = 12;
  const above = [
    roots.title.closest("header"),
    roots.toolbar.previousElementSibling,
    ...roots.banner.children,
  ];
  const below = [
    roots.timeline,
    roots.details.querySelector(".details:not([hidden])"),
    roots.sidebar.classList.contains("open") ? roots.sidebar : null,
    roots.story.querySelector(".story-panel:not([hidden])"),
    // The legend's button; unfolded, the legend is read over the map.
    roots.legend.querySelector("details:not([open]) > summary"),
  ];
  let top = 0;
  for (const element of above) top = Math.max(top, shownBox(element)?.bottom ?? 0);
  let bottom = window.innerHeight;
  for (const element of below) bottom = Math.min(bottom, shownBox(element)?.top ?? bottom);
  // The sides keep room for the names drawn beside the places at the edges.
  return {
    top: top + margin,
    right: 2 * margin,
    bottom: window.innerHeight - bottom + margin,
    left: 2 * margin,
  };
}

/**
 * What lies over the map, as boxes in the map's pixels: the panels, the toolbar's buttons, the
 * legend, the details, the banners, the story's caption, the timeline and the attribution. No
 * place name is drawn under one.
 */
export function panelBoxes(roots: Roots): { x0: number; y0: number; x1: number; y1: number }[] {
  const origin = roots.map.getBoundingClientRect();
  const selectors = PANEL_SELECTORS.join(", ");
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  for (const element of document.querySelectorAll<HTMLElement>(selectors)) {
    const r = element.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) continue;
    if (!element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    boxes.push({
      x0: r.left - origin.left,
      y0: r.top - origin.top,
      x1: r.right - origin.left,
      y1: r.bottom - origin.top,
    });
  }
  return boxes;
}
