/**
 * Greedy label placement in screen space, as web cartography generalises names: a budget that
 * grows with the zoom, the most important labels first, each to the right of its point if there
 * is room, else to the left, above or below, else not at all; never over another label, another
 * place's symbol or a panel. Pure.
 */

export interface LabelCandidate {
  readonly id: string;
  /** Anchor point in pixels. */
  readonly x: number;
  readonly y: number;
  /** Estimated label width and height in pixels. */
  readonly width: number;
  readonly height: number;
  /** Higher is placed first; at MUST_PLACE or above, placed whatever the budget. */
  readonly priority: number;
  /** Pixels between the point and the label (default 10; more beside a larger symbol). */
  readonly gap?: number;
  /** Candidates of one group are places for one label: the first that fits is placed. */
  readonly group?: string;
}

/** Where a name goes beside its point, in the order tried. */
export type LabelSide = "right" | "left" | "above" | "below";
export const LABEL_SIDES: readonly LabelSide[] = ["right", "left", "above", "below"];

/** How far above or below its point a name goes, as a share of its side gap. */
const VERTICAL_GAP = 1;

/** A box in screen pixels. */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A drawn symbol labels must not cover: centre and radius in pixels; `id`: its place's. */
export interface PointObstacle {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface PlacementOptions {
  /** The map's size in pixels: a label must lie inside it. */
  readonly width: number;
  readonly height: number;
  /** Boxes no label may touch, nor have its point inside (the panels over the map). */
  readonly panels?: readonly Box[];
  /** The symbols drawn on the map. Without it, each candidate's point with `pointRadius`. */
  readonly points?: readonly PointObstacle[];
  readonly pointRadius?: number;
  /** The most labels placed below MUST_PLACE priority; all that fit when absent. */
  readonly budget?: number;
}

/** Priority of a label that is always placed (the selection's and the hovered link's places). */
export const MUST_PLACE = 1_000_000;

const GAP = 10;
export const overlaps = (a: Box, b: Box) =>
  a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const overlapArea = (a: Box, b: Box) =>
  Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)) *
  Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
const inside = (x: number, y: number, b: Box) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
const byPriority = (a: LabelCandidate, b: LabelCandidate) =>
  b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * How many place names a view holds: few at a world view, most at a regional one. Per million
 * square pixels of clear map, 18 up to zoom 1.5, doubling with each zoom level after it.
 */
export function labelBudget(zoom: number, clearAreaPx: number): number {
  const perMegapixel = 18 * 2 ** Math.max(0, zoom - 1.5);
  return Math.max(3, Math.floor((perMegapixel * clearAreaPx) / 1e6));
}

/** The side each placed label goes on; labels that fit nowhere, or past the budget, are left out. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  options: PlacementOptions,
): Map<string, LabelSide> {
  const { width, height, panels = [], pointRadius = 7 } = options;
  const budget = options.budget ?? Number.POSITIVE_INFINITY;
  const placed = new Map<string, LabelSide>();
  const points =
    options.points ?? candidates.map((c) => ({ id: c.id, x: c.x, y: c.y, r: pointRadius }));
  const pointBoxes = points.map((p) => ({
    ...p,
    box: { x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r },
  }));
  // A symbol over the candidate's own point (a place a few pixels from another) hides it
  // already: it does not keep the candidate's name away too.
  const blocks = (p: (typeof pointBoxes)[number], c: LabelCandidate) =>
    p.id !== c.id && (p.x - c.x) ** 2 + (p.y - c.y) ** 2 >= p.r ** 2;
  const labels: Box[] = [];
  const onMap = (b: Box) => b.x0 >= 0 && b.y0 >= 0 && b.x1 <= width && b.y1 <= height;
  let count = 0;
  for (const c of [...candidates].sort(byPriority)) {
    const must = c.priority >= MUST_PLACE;
    if (!must && count >= budget) continue;
    if (panels.some((p) => inside(c.x, c.y, p))) continue;
    const clear = (box: Box) =>
      onMap(box) &&
      !panels.some((p) => overlaps(box, p)) &&
      !labels.some((l) => overlaps(box, l)) &&
      !pointBoxes.some((p) => blocks(p, c) && overlaps(box, p.box));
    let side = LABEL_SIDES.find((s) => clear(labelBox(c, s)));
    // A place that must be named is named: over a neighbour if need be (on the side it covers
    // least of the names placed), never under a panel.
    if (!side && must) {
      const free = (box: Box) => onMap(box) && !panels.some((p) => overlaps(box, p));
      const covered = (box: Box) => labels.reduce((sum, l) => sum + overlapArea(box, l), 0);
      let least = Number.POSITIVE_INFINITY;
      for (const s of LABEL_SIDES) {
        const box = labelBox(c, s);
        const area = free(box) ? covered(box) : Number.POSITIVE_INFINITY;
        if (area < least) {
          least = area;
          side = s;
        }
      }
    }
    if (!side) continue;
    placed.set(c.id, side);
    labels.push(labelBox(c, side));
    if (!must) count += 1;
  }
  return placed;
}

/**
 * Labels centred on their point: the ids of those that fit, most important first, none
 * overlapping each other or `obstacles` (place names already placed, panels); of a `group`, the
 * first that fits.
 */
export function placeCentredLabels(
  candidates: readonly LabelCandidate[],
  obstacles: readonly Box[] = [],
): Set<string> {
  const taken: Box[] = [...obstacles];
  const placed = new Set<string>();
  const groups = new Set<string>();
  for (const c of [...candidates].sort(byPriority)) {
    if (c.group !== undefined && groups.has(c.group)) continue;
    const box: Box = {
      x0: c.x - c.width / 2 - 4,
      y0: c.y - c.height / 2 - 2,
      x1: c.x + c.width / 2 + 4,
      y1: c.y + c.height / 2 + 2,
    };
    if (taken.some((t) => overlaps(box, t))) continue;
    taken.push(box);
    placed.add(c.id);
    if (c.group !== undefined) groups.add(c.group);
  }
  return placed;
}

/** The box a label placed on `side` of candidate `c` covers (see `placeLabels`). */
export function labelBox(c: LabelCandidate, side: LabelSide): Box {
  const half = c.height / 2;
  const gap = c.gap ?? GAP;
  if (side === "right")
    return { x0: c.x + gap, y0: c.y - half, x1: c.x + gap + c.width, y1: c.y + half };
  if (side === "left")
    return { x0: c.x - gap - c.width, y0: c.y - half, x1: c.x - gap, y1: c.y + half };
  const w = c.width / 2;
  const v = gap * VERTICAL_GAP;
  return side === "above"
    ? { x0: c.x - w, y0: c.y - v - c.height, x1: c.x + w, y1: c.y - v }
    : { x0: c.x - w, y0: c.y + v, x1: c.x + w, y1: c.y + v + c.height };
}

/** A name's offset from its point in pixels, for a `gap`, on `side` (see `labelBox`). */
export function labelOffset(side: LabelSide | undefined, gap: number): [number, number] {
  if (side === "left") return [-gap, 0];
  if (side === "above") return [0, -gap * VERTICAL_GAP];
  if (side === "below") return [0, gap * VERTICAL_GAP];
  return [gap, 0];
}
