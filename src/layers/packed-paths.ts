/**
 * Paths packed in deck.gl's binary form, so a path layer takes its largest attributes as they are
 * instead of filling them row by row. Handed the rows' accessors, deck.gl's path layer walks every
 * row three times (its tessellation, each vertex's timestamp, each vertex's filter values) through
 * a call per row and per vertex: at 100,000 links, half a second of the page's start-up and of
 * every zoom that changes the level of detail. Packed here in one pass, into the arrays deck.gl
 * uploads, with `startIndices` giving each row's first vertex.
 *
 * A row's path is read as a range of a longer one, thinned by importance (see `PathRange`): a
 * level of detail's paths are packed straight from the whole paths, never made on their own.
 *
 * The rows stay an array (deck.gl reads `attributes` and `startIndices` off the data whatever it
 * is), so picking still reports the row, and every per-row accessor still works.
 */
import type { AccessorContext } from "@deck.gl/core";

/**
 * A row's path as packed: the vertices `from`…`to` (both included) of `ground` (flat, `size`
 * numbers a vertex) with their `timestamps`; with `importance`, only those whose importance
 * exceeds `tolerance` (see `detail/simplify.ts`), which must include `from` and `to`.
 */
export interface PathRange {
  readonly ground: ArrayLike<number>;
  readonly timestamps: ArrayLike<number>;
  readonly from: number;
  readonly to: number;
  readonly importance: ArrayLike<number> | null;
  readonly tolerance: number;
}

/** The whole of a path of `size` numbers a vertex, every vertex kept. */
export const wholeRange = (
  ground: ArrayLike<number>,
  timestamps: ArrayLike<number>,
  size = 2,
): PathRange => ({
  ground,
  timestamps,
  from: 0,
  to: Math.floor(ground.length / size) - 1,
  importance: null,
  tolerance: 0,
});

/** How many vertices `range` keeps. */
export function keptVertices(range: PathRange): number {
  const { importance, tolerance, from, to } = range;
  if (to < from) return 0;
  if (!importance) return to - from + 1;
  let kept = 0;
  for (let i = from; i <= to; i++) if ((importance[i] as number) > tolerance) kept++;
  return kept;
}

/** A binary attribute: its values, `size` to a vertex. */
export interface PackedColumn {
  readonly value: Float32Array;
  readonly size: number;
}

/** The columns deck.gl reads in place of the accessors of the same names. */
export interface PackedColumns {
  readonly getPath: PackedColumn;
  readonly getTimestamps: PackedColumn;
  readonly getFilterValue?: PackedColumn;
  /**
   * Each vertex's row, which deck.gl's path layer reads to pick (its `rowIndexes` attribute, taken
   * by name): filled here with the rest, where deck.gl would call an accessor a row and copy its
   * value over the row's vertices.
   */
  readonly rowIndexes: { readonly value: Uint32Array; readonly size: 1 };
}

/** Rows with their paths packed: each row's vertices are `startIndices[i]…startIndices[i + 1]`. */
export type PackedRows<D> = D[] & {
  readonly startIndices: Uint32Array;
  readonly attributes: PackedColumns;
};

/** A row's values, read as deck.gl reads them (the context gives the row's index). */
type RowAccessor<D, T> = (d: D, info: AccessorContext<D>) => T;

/** How to read a row's path (`size` numbers a vertex) and its filter values. */
export interface PathAccessors<D> {
  readonly getRange: RowAccessor<D, PathRange>;
  readonly size: 2 | 3;
  /** Values a row (`filterSize` of them), repeated on each of its vertices. */
  readonly getFilterValue?: RowAccessor<D, ArrayLike<number>>;
  readonly filterSize?: number;
}

/**
 * `rows`, given the packed columns of their paths (the array itself, not a copy: it must be the
 * caller's own). A path of fewer than two vertices is not a line and gets none, as deck.gl's own
 * tessellation gives it.
 */
export function packPaths<D>(rows: D[], accessors: PathAccessors<D>): PackedRows<D> {
  const { getRange, size, getFilterValue, filterSize = 0 } = accessors;
  const info: AccessorContext<D> = { index: 0, data: rows, target: [] };
  const ranges: PathRange[] = new Array(rows.length);
  const startIndices = new Uint32Array(rows.length + 1);
  let vertices = 0;
  rows.forEach((row, i) => {
    info.index = i;
    const range = getRange(row, info);
    ranges[i] = range;
    startIndices[i] = vertices;
    const n = keptVertices(range);
    if (n >= 2) vertices += n;
  });
  startIndices[rows.length] = vertices;

  const positions = new Float32Array(vertices * size);
  const timestamps = new Float32Array(vertices);
  const filters = getFilterValue ? new Float32Array(vertices * filterSize) : null;
  const rowIndexes = new Uint32Array(vertices);
  rows.forEach((row, i) => {
    const start = startIndices[i] as number;
    const end = startIndices[i + 1] as number;
    if (end === start) return;
    const { ground, timestamps: stamps, from, to, importance, tolerance } = ranges[i] as PathRange;
    // Loops, not `set`: most paths are a few dozen numbers, and `set` between arrays of two types
    // (the paths are 64-bit) costs more a call than such a loop in all.
    let v = start;
    for (let k = from; k <= to; k++) {
      if (importance && (importance[k] as number) <= tolerance) continue;
      for (let c = 0; c < size; c++) positions[v * size + c] = ground[k * size + c] as number;
      timestamps[v] = stamps[k] as number;
      v++;
    }
    rowIndexes.fill(i, start, end);
    if (filters && getFilterValue) {
      info.index = i;
      const values = getFilterValue(row, info);
      for (let w = start; w < end; w++)
        for (let c = 0; c < filterSize; c++) filters[w * filterSize + c] = values[c] as number;
    }
  });

  const attributes: PackedColumns = {
    getPath: { value: positions, size },
    getTimestamps: { value: timestamps, size: 1 },
    ...(filters ? { getFilterValue: { value: filters, size: filterSize } } : {}),
    rowIndexes: { value: rowIndexes, size: 1 },
  };
  return Object.assign(rows, { startIndices, attributes });
}
