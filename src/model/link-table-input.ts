/**
 * The link table's input as it is, before it is checked (see `link-table.ts`), and how its readers
 * report what is wrong with it.
 */

/** A record of the input, its fields not checked yet. */
export type Loose = Record<string, unknown>;

/** Reports a problem at a path within the table (`[column, row, …]`), with the value found. */
export type Add = (path: (string | number)[], message: string, value?: unknown) => void;

const isRecord = (value: unknown): value is Loose =>
  value !== null && typeof value === "object" && !Array.isArray(value);
/** Whether `value` is an index into a list of `length` items. */
export const isIndex = (value: unknown, length: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < length;

/** A field of a record of the input, or undefined. */
export const fieldOf = (record: unknown, key: string): unknown =>
  isRecord(record) ? record[key] : undefined;
