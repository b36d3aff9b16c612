/** What the data layers' colours and widths share: alpha on a palette colour, the focus's dimming. */
import { KIND_WIDTH, type LinkSegment } from "./link-geometry";
import type { RGB } from "./palette";

/** Link width in pixels at KIND_WIDTH 1. */
export const BASE_WIDTH_PX = 3.5;

/** Alpha of links outside the country in focus: there, but out of the way. */
const DIMMED_ALPHA = 45;

export const withAlpha = ([r, g, b]: RGB, a: number): [number, number, number, number] => [
  r,
  g,
  b,
  a,
];

/**
 * `alpha` for links in the country in focus (`focusLinks`), or for all with no focus; at most
 * DIMMED_ALPHA for the rest.
 */
export const focusAlpha = (
  focusLinks: ReadonlySet<string> | null,
  d: { link: { id: string } },
  alpha: number,
): number => (!focusLinks || focusLinks.has(d.link.id) ? alpha : Math.min(alpha, DIMMED_ALPHA));

/** A segment's width relative to BASE_WIDTH_PX, by the kind of its link. */
export const linkWidth = (d: LinkSegment): number => KIND_WIDTH[d.link.kind];

/** A planned link's width, as a share of the width it has in service: a thin line. */
export const PLANNED_WIDTH = 0.45;

/**
 * A segment's width as the links' layers draw it, in pixels: thin for a planned interval. What
 * the selection's casing and the hover's highlight are drawn around.
 */
export const drawnWidth = (d: LinkSegment): number =>
  linkWidth(d) * BASE_WIDTH_PX * (d.planned ? PLANNED_WIDTH : 1);
