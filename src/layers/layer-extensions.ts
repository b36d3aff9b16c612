/**
 * The deck.gl extensions the layers use, and the GPU filter props that pick the links of a date.
 * One extension instance per configuration, created once (deck.gl compares them by identity).
 */
import { DataFilterExtension, PathStyleExtension } from "@deck.gl/extensions";
import { OPEN_END_DAY } from "./link-geometry";

/** Filters on a record's `[first day, last day]`. */
export const INTERVAL_FILTER = new DataFilterExtension({ filterSize: 2 });
/** Filters on one end of a record's interval, with a soft edge to fade by. */
export const EDGE_FILTER = new DataFilterExtension({ filterSize: 1 });
/** Satellite hops (and compare mode's links gone since date A) are dashed. */
export const DASHES = new PathStyleExtension({ dash: true });

/** GPU filter props that show records whose interval contains `day`. */
export const activeOn = (day: number) => ({
  extensions: [INTERVAL_FILTER],
  getFilterValue: (d: { filter: readonly [number, number] }) => d.filter as [number, number],
  filterRange: [
    [-OPEN_END_DAY, day + 0.5],
    [day - 0.5, OPEN_END_DAY],
  ] as [number, number][],
});

/** The same filter with a range that passes everything (compare mode draws both dates). */
export const anyDay = () => ({
  ...activeOn(0),
  filterRange: [
    [-OPEN_END_DAY - 1, OPEN_END_DAY + 1],
    [-OPEN_END_DAY - 1, OPEN_END_DAY + 1],
  ] as [number, number][],
});
