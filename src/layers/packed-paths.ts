/**
 * Paths packed in deck.gl's binary form, so a path layer takes its largest attributes as they are
 * instead of filling them row by row. Handed the rows' accessors, deck.gl's path layer walks every
 * row three times (its tessellation, each vertex's timestamp, each vertex's filter values) through
 * a call per row and per vertex: at 100,000 links, half a second of the page's start-up and of
 * every zoom that changes the level of detail. Packed here in one pass, into the arrays deck.gl
 * uploads, with `startIndices` giving each row's first vertex.
 *
 * The rows stay an array (deck.gl reads `attributes` and `startIndices` off the data whatever it
 * is), so picking still reports the row, and every per-row accessor still works.
 */

import type { AccessorContext } from "@deck.gl/core";

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
type RowAccessor<D> = (d: D, info: AccessorContext<D>) => ArrayLike<number>;

/** How to read a row's path (flat coordinates, `size` to a vertex), timestamps and filter. */
export interface PathAccessors<D> {
  readonly getPath: RowAccessor<D>;
  readonly size: 2 | 3;
  /** A timestamp a vertex. */
  readonly getTimestamps: RowAccessor<D>;
  /** Values a row (`filterSize` of them), repeated on each of its vertices. */
  readonly getFilterValue?: RowAccessor<D>;
  readonly filterSize?: number;
}

/**
 * `rows`, given the packed columns of their paths (the array itself, not a copy: it must be the
 * caller's own). A path of fewer than two vertices is not a line and gets none, as deck.gl's own
 * tessellation gives it.
 */
export function packPaths<D>(rows: D[], accessors: PathAccessors<D>): PackedRows<D> {
  const { getPath, size, getTimestamps, getFilterValue, filterSize = 0 } = accessors;
  const info: AccessorContext<D> = { index: 0, data: rows, target: [] };
  const paths: ArrayLike<number>[] = new Array(rows.length);
  const startIndices = new Uint32Array(rows.length + 1);
  let vertices = 0;
  rows.forEach((row, i) => {
    info.index = i;
    const path = getPath(row, info);
    paths[i] = path;
    startIndices[i] = vertices;
    const n = Math.floor(path.length / size);
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
    info.index = i;
    // Loops, not `set`: most paths are a few dozen numbers, and `set` between arrays of two
    // types (the paths are 64-bit) costs more per call than such a loop in all (measured: 0.19 s
    // against a few hundredths at 100,000 links). Each loop sees one type of array.
    const path = paths[i] as ArrayLike<number>;
    const from = start * size;
    const count = (end - start) * size;
    for (let k = 0; k < count; k++) positions[from + k] = path[k] as number;
    const stamps = getTimestamps(row, info);
    for (let v = start; v < end; v++) timestamps[v] = stamps[v - start] as number;
    rowIndexes.fill(i, start, end);
    if (filters && getFilterValue) {
      const values = getFilterValue(row, info);
      for (let v = start; v < end; v++)
        for (let c = 0; c < filterSize; c++) filters[v * filterSize + c] = values[c] as number;
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
