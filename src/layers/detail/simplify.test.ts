import { geoDistance, geoInterpolate } from "d3-geo";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLOW_SPAN } from "../link-geometry";
import {
  distanceToSegment,
  levelTolerance,
  mercatorY,
  simplifyPath,
  toMercator,
  vertexImportance,
} from "./simplify";

/** A great circle from `a` to `b` as `n` vertices, interleaved lon, lat. */
function greatCircle(a: [number, number], b: [number, number], n: number): Float64Array {
  const at = geoInterpolate(a, b);
  const out = new Float64Array(2 * n);
  let previous = a[0];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = at(i / (n - 1));
    // Unwrapped, as the pipeline stores paths across the antimeridian.
    let x = lon;
    while (x - previous > 180) x -= 360;
    while (x - previous < -180) x += 360;
    previous = x;
    out[2 * i] = x;
    out[2 * i + 1] = lat;
  }
  return out;
}

/** Timestamps in proportion to the distance covered, in Mercator (as the GPU interpolates). */
function stampsOf(ground: Float64Array): Float32Array {
  const xy = toMercator(ground);
  const out = new Float32Array(ground.length >> 1);
  let total = 0;
  for (let i = 1; i < out.length; i++) {
    total += Math.hypot(
      (xy[2 * i] as number) - (xy[2 * i - 2] as number),
      (xy[2 * i + 1] as number) - (xy[2 * i - 1] as number),
    );
    out[i] = total;
  }
  for (let i = 0; i < out.length; i++) out[i] = ((out[i] as number) * FLOW_SPAN) / total;
  return out;
}

/** Where the flow is at `time` on a path (`xy` in Mercator), interpolated as the GPU does. */
function flowAt(xy: Float64Array, stamps: Float32Array, time: number): [number, number] {
  for (let i = 1; i < stamps.length; i++) {
    const t1 = stamps[i] as number;
    if (t1 < time && i < stamps.length - 1) continue;
    const t0 = stamps[i - 1] as number;
    const f = t1 > t0 ? Math.max(0, Math.min(1, (time - t0) / (t1 - t0))) : 0;
    const x0 = xy[2 * i - 2] as number;
    const y0 = xy[2 * i - 1] as number;
    return [x0 + f * ((xy[2 * i] as number) - x0), y0 + f * ((xy[2 * i + 1] as number) - y0)];
  }
  return [xy[0] as number, xy[1] as number];
}

/** Distance from each of `xy`'s vertices to the polyline `line` (both Mercator). */
function farthestFrom(xy: Float64Array, line: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < xy.length; i += 2) {
    let best = Infinity;
    for (let j = 2; j < line.length; j += 2) {
      const d = distanceToSegment(
        xy[i] as number,
        xy[i + 1] as number,
        line[j - 2] as number,
        line[j - 1] as number,
        line[j] as number,
        line[j + 1] as number,
      );
      best = Math.min(best, d);
    }
    worst = Math.max(worst, best);
  }
  return worst;
}

const lonLat = fc.tuple(
  fc.double({ min: -180, max: 180, noNaN: true }),
  fc.double({ min: -70, max: 70, noNaN: true }),
);

describe("mercatorY", () => {
  it("is 0 at the equator, odd, and 180 at Web Mercator's edge", () => {
    expect(mercatorY(0)).toBeCloseTo(0, 12);
    expect(mercatorY(-40)).toBeCloseTo(-mercatorY(40), 12);
    expect(mercatorY(85.051129)).toBeCloseTo(180, 3);
    expect(mercatorY(90)).toBeCloseTo(180, 3);
  });
});

describe("levelTolerance", () => {
  it("is 0.03 pixel of a 512-pixel world at zoom 0, halving with each zoom", () => {
    expect(levelTolerance(0)).toBeCloseTo((360 / 512) * 0.03, 12);
    expect(levelTolerance(3)).toBeCloseTo(levelTolerance(2) / 2, 12);
  });
});

describe("vertexImportance and simplifyPath", () => {
  it("keep a straight line's ends only, and a bend's corner", () => {
    const straight = new Float64Array([0, 0, 1, 0, 2, 0, 3, 0]);
    const imp = vertexImportance(toMercator(straight), []);
    const kept = simplifyPath(straight, new Float32Array([0, 1, 2, 3]), imp, 1e-9);
    expect([...kept.ground]).toEqual([0, 0, 3, 0]);
    const bend = new Float64Array([0, 0, 1, 0, 2, 0, 2, 1, 2, 2]);
    const bent = simplifyPath(
      bend,
      new Float32Array(5),
      vertexImportance(toMercator(bend), []),
      1e-6,
    );
    expect([...bent.ground]).toEqual([0, 0, 2, 0, 2, 2]);
  });

  it("keep pinned vertices and both ends at every tolerance", () => {
    const path = greatCircle([-70, 40], [10, 50], 32);
    const imp = vertexImportance(toMercator(path), [7, 20]);
    const kept = simplifyPath(path, stampsOf(path), imp, 1e6);
    expect([...kept.ground]).toEqual([
      path[0],
      path[1],
      path[14],
      path[15],
      path[40],
      path[41],
      path[62],
      path[63],
    ]);
  });

  it("return the arrays themselves when every vertex is kept", () => {
    const path = greatCircle([0, 0], [90, 60], 8);
    const stamps = stampsOf(path);
    const kept = simplifyPath(path, stamps, vertexImportance(toMercator(path), []), 0);
    expect(kept.ground).toBe(path);
    expect(kept.timestamps).toBe(stamps);
  });

  it("keep every dropped vertex within the tolerance of the line drawn, at every level", () => {
    fc.assert(
      fc.property(
        lonLat,
        lonLat,
        fc.integer({ min: 2, max: 64 }),
        fc.integer({ min: 0, max: 10 }),
        (a, b, n, level) => {
          const path = greatCircle(a, b, n);
          const xy = toMercator(path);
          const tolerance = levelTolerance(level);
          const kept = simplifyPath(path, stampsOf(path), vertexImportance(xy, []), tolerance);
          expect(farthestFrom(xy, toMercator(kept.ground))).toBeLessThanOrEqual(tolerance * 1.0001);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keep fewer vertices at coarser levels, each level's a subset of the next's", () => {
    const path = greatCircle([-120, 35], [140, 35], 64);
    const imp = vertexImportance(toMercator(path), []);
    const counts = [0, 2, 4, 6, 8].map(
      (level) => simplifyPath(path, stampsOf(path), imp, levelTolerance(level)).ground.length / 2,
    );
    for (let i = 1; i < counts.length; i++)
      expect(counts[i] as number).toBeGreaterThanOrEqual(counts[i - 1] as number);
    expect(counts[0]).toBeLessThan(64);
  });

  it("keep the flow's timing: each kept vertex has its own time, and the pulse is where it was", () => {
    fc.assert(
      fc.property(lonLat, lonLat, fc.integer({ min: 0, max: 8 }), (a, b, level) => {
        // Nearly antipodal ends have no one great circle between them; no link is that long.
        fc.pre(geoDistance(a, b) < 2.8);
        const path = greatCircle(a, b, 32);
        const stamps = stampsOf(path);
        const xy = toMercator(path);
        const tolerance = levelTolerance(level);
        const importance = vertexImportance(xy, []);
        const kept = simplifyPath(path, stamps, importance, tolerance);
        // Kept vertices carry the times the full path gives them.
        const keptAt = [...importance.keys()].filter((i) => (importance[i] as number) > tolerance);
        expect([...kept.timestamps]).toEqual(keptAt.map((i) => stamps[i]));
        expect([...kept.ground]).toEqual(keptAt.flatMap((i) => [path[2 * i], path[2 * i + 1]]));
        // At any time, the pulse on the simplified line is within a few tolerances (a pixel or
        // two at the level's zoom) of where it is on the full one: a dropped bend is at most
        // `tolerance` off the line, and the time along it is in proportion to a distance that
        // differs by the bend's excess length over its chord.
        const keptXY = toMercator(kept.ground);
        const span = Math.hypot(
          (xy[xy.length - 2] as number) - (xy[0] as number),
          (xy[xy.length - 1] as number) - (xy[1] as number),
        );
        for (let t = 0; t <= FLOW_SPAN; t += 50) {
          const [x0, y0] = flowAt(xy, stamps, t);
          const [x1, y1] = flowAt(keptXY, kept.timestamps, t);
          expect(Math.hypot(x1 - x0, y1 - y0)).toBeLessThanOrEqual(4 * tolerance + span * 1e-3);
        }
      }),
      { numRuns: 200 },
    );
  });
});
