/**
 * Planar safety: unroll, close around the pole, cut at the antimeridian, shift back. Spherical
 * polygons and lines become planar ones within [-180, 180], none with an edge over 180° long.
 */
import type { Position } from "geojson";
import {
  antimeridiansWithin,
  centreX,
  containsPlanar,
  copyOf,
  crossesAntimeridian,
  crossing,
  extentX,
  FULL_TURN,
  isPolarCap,
  type Point,
  type Ring,
  rewind,
  shiftHome,
  shiftX,
  unroll,
  unrollPolygon,
} from "./basemap-planar";

/** One spherical polygon → planar polygons within [-180, 180], each outline first. */
export function planarPolygons(polygon: readonly Position[][]): Position[][][] {
  // Almost every polygon is already planar-safe: keep its vertices, only fix the winding.
  if (!polygon.some((ring) => isPolarCap(ring) || crossesAntimeridian(ring))) {
    return [polygon.map((ring, index) => rewind(ring, index === 0))];
  }
  const rings = unrollPolygon(polygon);
  const outline = rings[0];
  if (!outline) return [];
  let pieces: Ring[][] = [rings];
  for (const cut of antimeridiansWithin(...extentX(outline))) {
    pieces = pieces.flatMap((piece) => splitPolygon(piece, cut));
  }
  return pieces.map((piece) => {
    const dx = shiftHome(centreX(piece[0] ?? []));
    return piece.map((ring) => shiftX(ring, dx));
  });
}

/** A run of a ring's vertices on one side of the cut, starting and ending on the cut. */
interface Chain {
  points: Point[];
  west: boolean;
}

/** A point where a ring crosses the cut: the end of one chain and the start of the next. */
interface Crossing {
  y: number;
  slope: number;
  ends: number;
  starts: number;
}

/**
 * Cuts a polygon (outline counter-clockwise, holes clockwise) along the meridian x = cut into
 * valid polygons on either side. Each ring is split into chains that run from the cut to the cut;
 * sorted along the cut, crossings pair up into the stretches of the cut that lie inside the
 * polygon, and each chain continues, along its stretch, with the chain that starts at the other
 * end. Rings that do not cross stay whole; holes go to the piece that contains them.
 */
function splitPolygon(rings: readonly Ring[], cut: number): Ring[][] {
  const isWest = (p: Point) => p[0] <= cut;
  const chains: Chain[] = [];
  const crossings: Crossing[] = [];
  const outlines: Ring[] = [];
  const holes: Ring[] = [];
  rings.forEach((ring, index) => {
    const open = ring.slice(0, -1);
    const start = open.findIndex((p, i) => {
      const previous = open.at(i - 1);
      return previous !== undefined && isWest(p) !== isWest(previous);
    });
    const startPoint = open[start];
    if (!startPoint) {
      (index === 0 ? outlines : holes).push(ring);
      return;
    }
    const firstChain = chains.length;
    let current: Chain = { points: [], west: isWest(startPoint) };
    for (let k = 0; k < open.length; k++) {
      const a = open[(start + k) % open.length];
      const b = open[(start + k + 1) % open.length];
      if (!a || !b) continue;
      current.points.push(a);
      if (isWest(a) === isWest(b)) continue;
      const { point, slope } = crossing(a, b, cut);
      current.points.push(point);
      const ends = chains.length;
      chains.push(current);
      if (k === open.length - 1) {
        // The last crossing is the one the first chain starts from.
        chains[firstChain]?.points.unshift(point);
        crossings.push({ y: point[1], slope, ends, starts: firstChain });
      } else {
        crossings.push({ y: point[1], slope, ends, starts: ends + 1 });
        current = { points: [point], west: isWest(b) };
      }
    }
  });
  if (crossings.length === 0) return [[...rings]];

  const pieces = joinChains(chains, crossings).map((outline): Ring[] => [outline]);
  for (const outline of outlines) pieces.push([outline]);
  for (const hole of holes) {
    const first = hole[0];
    const owner = first && pieces.find((piece) => containsPlanar(piece[0] ?? [], first));
    if (owner) owner.push(hole);
  }
  return pieces;
}

/** Follows each chain into the next along the cut until the ring closes. */
function joinChains(chains: readonly Chain[], crossings: readonly Crossing[]): Ring[] {
  const sorted = [...crossings].sort((a, b) => a.y - b.y || a.slope - b.slope);
  const next = new Map<number, number>();
  sorted.forEach((c, i) => {
    const partner = sorted[i ^ 1];
    const from = chains[c.ends];
    const to = partner && chains[partner.starts];
    // Consistent winding guarantees the partner starts a chain on the same side.
    if (!partner || !from || !to || from.west !== to.west) {
      throw new Error(`cannot cut polygon at the antimeridian: unpaired crossing at ${c.y}`);
    }
    next.set(c.ends, partner.starts);
  });
  const rings: Ring[] = [];
  const done = new Set<number>();
  chains.forEach((_, first) => {
    const ring: Ring = [];
    for (let at: number | undefined = first; at !== undefined && !done.has(at); at = next.get(at)) {
      done.add(at);
      ring.push(...(chains[at]?.points ?? []));
    }
    const closed = withoutRepeats(ring);
    const start = closed[0];
    if (start) closed.push(start);
    if (closed.length >= 4) rings.push(closed);
  });
  return rings;
}

function withoutRepeats(points: readonly Point[]): Point[] {
  return points.filter((p, i) => {
    const previous = points[i - 1];
    return !previous || previous[0] !== p[0] || previous[1] !== p[1];
  });
}

/** One spherical line → planar lines within [-180, 180], cut where they cross the antimeridian. */
export function planarLines(line: readonly Position[]): Position[][] {
  return offTheAntimeridian(line).flatMap(planarLine);
}

/**
 * The runs of a line between its edges that lie along the antimeridian. Natural Earth cuts some
 * islands there (Taveuni, in Fiji) and world-atlas keeps the cut: it is not a coast or a border.
 */
function offTheAntimeridian(line: readonly Position[]): Position[][] {
  const onAntimeridian = (p: Position | undefined) => Math.abs(p?.[0] ?? 0) === 180;
  const runs: Position[][] = [[]];
  line.forEach((p, i) => {
    if (i > 0 && onAntimeridian(p) && onAntimeridian(line[i - 1])) runs.push([]);
    runs[runs.length - 1]?.push(p);
  });
  return runs;
}

function planarLine(line: readonly Position[]): Position[][] {
  if (line.length < 2 || isPolarCap(line)) return [];
  if (!crossesAntimeridian(line)) return [[...line]];
  const pieces: Point[][] = [];
  let current: Point[] = [];
  let copy: number | undefined;
  let previous: Point | undefined;
  for (const p of unroll(line)) {
    if (previous) {
      // Which copy of the world a segment is in, by its midpoint: vertices that sit exactly on
      // the antimeridian (world-atlas has many) then start a new piece without a crossing.
      const here = copyOf((previous[0] + p[0]) / 2);
      if (copy !== undefined && here !== copy) {
        const cut = 180 + FULL_TURN * Math.min(here, copy);
        const point = previous[0] === cut ? previous : crossing(previous, p, cut).point;
        if (point !== previous) current.push(point);
        pieces.push(shiftX(current, -FULL_TURN * copy));
        current = [point];
      }
      copy = here;
    }
    current.push(p);
    previous = p;
  }
  pieces.push(shiftX(current, -FULL_TURN * (copy ?? 0)));
  return pieces.filter((piece) => piece.length >= 2);
}
