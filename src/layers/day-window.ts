/**
 * Picks the segments whose start (or end) day falls in a window of days, for the layers that draw
 * only a few links at a time: the glow of links that just appeared and the ghost of links that just
 * retired. Drawing all links there and letting the GPU filter drop nearly all of them costs a full
 * pass over every vertex each frame; handing those layers only the few candidates costs almost
 * nothing. Windows are widened to whole buckets of days, so the candidates (and the layer's
 * buffers) change only when the date crosses a bucket boundary; the GPU filter still draws the
 * exact window and its fade.
 */

interface Dated {
  readonly filter: readonly [number, number];
}

/**
 * An index of `items` by `filter[which]` (0: first day, 1: last day) that answers "the items whose
 * day lies in [from, to]", widened to whole buckets of `bucketDays`. Returns the same array for
 * the same buckets.
 */
export function createDayWindow<T extends Dated>(
  items: readonly T[],
  which: 0 | 1,
  bucketDays: number,
): (from: number, to: number) => readonly T[] {
  const { sorted, days } = sortByDay(items, which);
  const size = Math.max(1, bucketDays);
  let key = "";
  let result: readonly T[] = [];
  return (from, to) => {
    const lo = Math.floor(from / size) * size;
    const hi = (Math.floor(to / size) + 1) * size;
    const next = `${lo}/${hi}`;
    if (next !== key) {
      key = next;
      result = sorted.slice(lowerBound(days, lo), lowerBound(days, hi));
    }
    return result;
  };
}

/**
 * `items` in ascending order of `filter[which]` (ties in their order), and those days. Whole days
 * are sorted as numbers that pack the day and the item's index (`day × n + index`, exact well
 * within 2^53 for days of years 1–9999), by the typed array's own numeric sort: at 100,000 links,
 * a comparator on the objects took a quarter of a second per window.
 */
export function sortByDay<T extends Dated>(
  items: readonly T[],
  which: 0 | 1,
): { readonly sorted: T[]; readonly days: Float64Array } {
  const n = items.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const day = (items[i] as T).filter[which];
    if (!Number.isInteger(day)) {
      const sorted = [...items].sort((a, b) => a.filter[which] - b.filter[which]);
      return { sorted, days: Float64Array.from(sorted, (item) => item.filter[which]) };
    }
    keys[i] = day * n + i;
  }
  keys.sort();
  const sorted: T[] = new Array(n);
  const days = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const key = keys[j] as number;
    const day = Math.floor(key / n);
    days[j] = day;
    sorted[j] = items[key - day * n] as T;
  }
  return { sorted, days };
}

/**
 * How many of the ascending `values` are below `value`, or at most `value` (`orEqual`): a binary
 * search, the first index whose value is not.
 */
function countBelow(values: Float64Array, value: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = values[mid] ?? 0;
    if (at < value || (orEqual && at === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is ≥ `value` in the ascending `values`. */
const lowerBound = (values: Float64Array, value: number): number =>
  countBelow(values, value, false);

/** How many of the ascending `values` are ≤ `value`. */
export const countAtMost = (values: Float64Array, value: number): number =>
  countBelow(values, value, true);
