/**
 * Greedy label placement in screen space: the most important labels first, each to the right of
 * its point if there is room, else to the left, else not at all. Pure.
 */

export interface LabelCandidate {
  readonly id: string;
  /** Anchor point in pixels. */
  readonly x: number;
  readonly y: number;
  /** Estimated label width and height in pixels. */
  readonly width: number;
  readonly height: number;
  /** Higher is placed first. */
  readonly priority: number;
}

export type LabelSide = "right" | "left";

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const GAP = 10;
const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The side each placed label goes on; labels that fit nowhere are left out. */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  pointRadius = 7,
): Map<string, LabelSide> {
  const placed = new Map<string, LabelSide>();
  // Points themselves are obstacles, so a label never covers another place's dot.
  const taken: Box[] = candidates.map((c) => ({
    x0: c.x - pointRadius,
    y0: c.y - pointRadius,
    x1: c.x + pointRadius,
    y1: c.y + pointRadius,
  }));
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const c of order) {
    const half = c.height / 2;
    const right: Box = { x0: c.x + GAP, y0: c.y - half, x1: c.x + GAP + c.width, y1: c.y + half };
    const left: Box = { x0: c.x - GAP - c.width, y0: c.y - half, x1: c.x - GAP, y1: c.y + half };
    const own = (box: Box) =>
      taken.every(
        (t) => !overlaps(box, t) || (t.x0 === c.x - pointRadius && t.y0 === c.y - pointRadius),
      );
    const side: LabelSide | undefined = own(right) ? "right" : own(left) ? "left" : undefined;
    if (!side) continue;
    placed.set(c.id, side);
    taken.push(side === "right" ? right : left);
  }
  return placed;
}

/** Labels centred on their point: the ids of those that fit, most important first, none overlapping. */
export function placeCentredLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const taken: Box[] = [];
  const placed = new Set<string>();
  const order = [...candidates].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1));
  for (const c of order) {
    const box: Box = {
      x0: c.x - c.width / 2 - 4,
      y0: c.y - c.height / 2 - 2,
      x1: c.x + c.width / 2 + 4,
      y1: c.y + c.height / 2 + 2,
    };
    if (taken.some((t) => overlaps(box, t))) continue;
    taken.push(box);
    placed.add(c.id);
  }
  return placed;
}
