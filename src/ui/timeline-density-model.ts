/**
 * What the timeline's density strip shows: over the whole range, how many links are active, and
 * when links appear and retire, in bins of a few pixels of the track. One pass over the links'
 * intervals and one over the days (a difference array), so 100,000 links cost milliseconds.
 * Planned intervals are not service: only `active` is read. Pure.
 */
import { count } from "../model/count";
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Link } from "../model/schema";

/** The strip's figures, one value per bin of `binDays` days from `minDay`. */
export interface Density {
  readonly minDay: number;
  readonly maxDay: number;
  /** Days per bin (not a whole number in general: bins split the range evenly). */
  readonly binDays: number;
  /**
   * The most links active on any day of each bin. The most, not the count on one day of it, so
   * a link that served for a week still shows at a coarse scale, and the tallest bar is the peak.
   */
  readonly active: Uint32Array;
  /** Active intervals that start in each bin (links appearing or coming back). */
  readonly appeared: Uint32Array;
  /** Active intervals that end in each bin (links retired or lost). */
  readonly retired: Uint32Array;
  /** The most links active on any day of the range, and the first day it is reached. */
  readonly peak: number;
  readonly peakDay: number;
  /** Links active on the first and on the last day of the range. */
  readonly first: number;
  readonly last: number;
  readonly totalAppeared: number;
  readonly totalRetired: number;
}

const bump = (values: Int32Array | Uint32Array, i: number, by: number) => {
  values[i] = (values[i] ?? 0) + by;
};

/**
 * The density of `links` (already filtered) over `[minDay, maxDay]` in `bins` bins (fewer when
 * the range has fewer days). An interval's `to` is its last day (inclusive), as for the map and
 * the list; an open one runs to the end of the range. An interval that starts before the range
 * is active from its first day but did not appear in it; one that ends after it did not retire.
 */
export function buildDensity(
  links: readonly Pick<Link, "active">[],
  minDay: number,
  maxDay: number,
  bins: number,
): Density {
  const days = Math.max(1, maxDay - minDay + 1);
  const count = Math.max(1, Math.min(Math.floor(bins), days));
  const binDays = days / count;
  const diff = new Int32Array(days + 1);
  const appeared = new Uint32Array(count);
  const retired = new Uint32Array(count);
  // Whole numbers over whole numbers: a day's bin, and a bin's first day, are exact.
  const binOf = (day: number) => Math.min(count - 1, Math.floor(((day - minDay) * count) / days));
  let totalAppeared = 0;
  let totalRetired = 0;
  for (const link of links) {
    for (const interval of link.active) {
      const from = toDayNumber(interval.from);
      const to = interval.to === null ? maxDay : toDayNumber(interval.to);
      if (to < minDay || from > maxDay) continue;
      bump(diff, Math.max(from, minDay) - minDay, 1);
      bump(diff, Math.min(to, maxDay) - minDay + 1, -1);
      if (from >= minDay) {
        bump(appeared, binOf(from), 1);
        totalAppeared += 1;
      }
      if (interval.to !== null && to <= maxDay) {
        bump(retired, binOf(to), 1);
        totalRetired += 1;
      }
    }
  }
  const active = new Uint32Array(count);
  let running = 0;
  let peak = 0;
  let peakDay = minDay;
  let first = 0;
  for (let d = 0; d < days; d++) {
    running += diff[d] ?? 0;
    if (d === 0) first = running;
    const bin = binOf(minDay + d);
    if (running > (active[bin] ?? 0)) active[bin] = running;
    if (running > peak) {
      peak = running;
      peakDay = minDay + d;
    }
  }
  return {
    minDay,
    maxDay,
    binDays,
    active,
    appeared,
    retired,
    peak,
    peakDay,
    first,
    last: running,
    totalAppeared,
    totalRetired,
  };
}

/**
 * Where bin `i` starts along the track, from 0 to 1: at its first day, where the timeline's
 * scale puts that day (`minDay` at 0, `maxDay` at 1), so the bars line up with the slider.
 * `i = bins` is the end of the last bin, just past 1 (its last day is a day wide too).
 */
export function binStart(density: Density, i: number): number {
  const span = density.maxDay - density.minDay;
  const bins = density.active.length;
  return Math.ceil((i * (span + 1)) / bins) / (span || 1);
}

/**
 * The strip in words (its text alternative): e.g. "Links active over time: 1 on 2009-01-01, most
 * 3 on 2017-10-01, 2 on 2026-11-01; 4 appeared, 2 retired".
 */
export function describeDensity(density: Density): string {
  const { minDay, maxDay, peak, peakDay, first, last } = density;
  if (peak === 0) return "Links active over time: none in this range";
  const parts = [
    `${count(first)} on ${fromDayNumber(minDay)}`,
    `most ${count(peak)} on ${fromDayNumber(peakDay)}`,
    `${count(last)} on ${fromDayNumber(maxDay)}`,
  ];
  const changes = `${count(density.totalAppeared)} appeared, ${count(density.totalRetired)} retired`;
  return `Links active over time: ${parts.join(", ")}; ${changes}`;
}
