/**
 * Readers of one value of the link table's columns (see `link-table.ts`) but its indices: each
 * returns the value read, or null after reporting a problem.
 */
import type * as z from "zod";
import { type Allocate, decodeCompactPath } from "./compact-path";
import { count } from "./count";
import type { Add } from "./link-table-input";
import { decodeCompactParts, type PackedParts, packVertexParts } from "./packed-parts";
import { flattenVertices } from "./path-coordinates";
import { issuesToProblems } from "./problems";
import {
  COUNTRY_PATTERN,
  type Crossing,
  compactPartsSchema,
  crossingSchema,
  type FormerName,
  formerNameSchema,
  type Interval,
  LIMITS,
  NOT_A_COUNTRY,
  plainPartsSchema,
  plainPathSchema,
} from "./schema";
import { items, notes } from "./schema-fields";

/** Day numbers of 0001-01-01 and 9999-12-31, the range of an ISO date. */
export const FIRST_DAY_NUMBER = -719_162;
export const LAST_DAY_NUMBER = 2_932_896;

/**
 * A row's intervals of `column` (`active` or `planned`), from its day numbers: from, to, from,
 * to…, in order; an empty list for none (the row checks that a link has an interval at all).
 */
export function readIntervals(
  value: unknown,
  column: "active" | "planned",
  row: number,
  add: Add,
  isoDate: (day: number) => string,
): Interval[] | null {
  const path = [column, row];
  if (!Array.isArray(value)) {
    add(path, "expected a list of day numbers (from, to, from, to…)", value);
    return null;
  }
  if (value.length > 2 * LIMITS.items) {
    add(path, `${count(value.length)} day numbers; at most ${count(2 * LIMITS.items)}`);
    return null;
  }
  // Of its exact length (one grown by `push` holds room for a dozen more, at every link).
  const intervals = new Array<Interval>((value.length + 1) >> 1);
  let previous = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < value.length; j++) {
    const day: unknown = value[j];
    if (
      typeof day !== "number" ||
      !Number.isInteger(day) ||
      day < FIRST_DAY_NUMBER ||
      day > LAST_DAY_NUMBER
    ) {
      add([...path, j], "not a day number (whole days since 1970-01-01, years 1–9999)", day);
      return null;
    }
    const starts = j % 2 === 0;
    if (starts ? day <= previous : day < previous) {
      const message = starts
        ? `interval starts on ${isoDate(day)}, before the previous one ends (${isoDate(previous)})`
        : `interval ends on ${isoDate(day)}, before it starts (${isoDate(previous)})`;
      add([...path, j], message, day);
      return null;
    }
    previous = day;
    if (starts) intervals[j >> 1] = { from: isoDate(day), to: null };
    else (intervals[j >> 1] as { to: string | null }).to = isoDate(day);
  }
  return intervals;
}

/**
 * True when a `path` cell is a list of parts (compact strings, or lists of vertices) rather than
 * one path: decided by its first item, as for a link record.
 */
export function isPartsCell(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  const first: unknown = value[0];
  return typeof first === "string" || (Array.isArray(first) && Array.isArray(first[0]));
}

/** A row's path of one part, in either form, as interleaved longitudes and latitudes. */
export function readPath(
  value: unknown,
  row: number,
  add: Add,
  allocate: Allocate,
): Float64Array | null {
  if (typeof value === "string") {
    const decoded = decodeCompactPath(value, { allocate, maxVertices: LIMITS.pathVertices });
    if (decoded.problem === undefined) return decoded.coordinates;
    add(["path", row], decoded.problem, value);
    return null;
  }
  const parsed = plainPathSchema.safeParse(value);
  if (!parsed.success) {
    for (const p of issuesToProblems(parsed.error.issues, value))
      add(["path", row, ...p.path], p.message, p.value);
    return null;
  }
  return flattenVertices(parsed.data, allocate(parsed.data.length * 2));
}

/**
 * A row's path of parts (see {@link isPartsCell}): all compact strings or all lists of vertices,
 * as in a link record, packed into one array. Problems name the part: `path[row][part]…`.
 */
export function readPathParts(
  value: unknown[],
  row: number,
  add: Add,
  allocate: Allocate,
): PackedParts | null {
  const compact = typeof value[0] === "string";
  const parsed = (compact ? compactPartsSchema : plainPartsSchema).safeParse(value);
  if (!parsed.success) {
    for (const p of issuesToProblems(parsed.error.issues, value))
      add(["path", row, ...p.path], p.message, p.value);
    return null;
  }
  if (!compact) return packVertexParts(parsed.data as [number, number][][], allocate);
  const texts = parsed.data as string[];
  const decoded = decodeCompactParts(texts, allocate, LIMITS.pathVertices);
  if (!("problems" in decoded)) return decoded;
  for (const { part, message } of decoded.problems) add(["path", row, part], message, texts[part]);
  return null;
}

/** The row's name; undefined for the default; null after reporting a problem. */
export function readName(value: unknown, row: number, add: Add): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string" && value.length > 0 && value.length <= LIMITS.nameChars)
    return value;
  const message =
    typeof value !== "string"
      ? "expected a name (text) or null"
      : value.length === 0
        ? "name is empty (null gives the default name)"
        : `name is ${count(value.length)} characters long; at most ${count(LIMITS.nameChars)} are allowed`;
  add(["name", row], message, value);
  return null;
}

/** A row's countries: country codes, at most `LIMITS.items`. */
export function readCountries(value: unknown, row: number, add: Add): string[] | null {
  if (!Array.isArray(value) || value.length > LIMITS.items) {
    add(["countries", row], "expected a list of country codes", value);
    return null;
  }
  for (let j = 0; j < value.length; j++) {
    const code: unknown = value[j];
    if (typeof code !== "string" || !COUNTRY_PATTERN.test(code)) {
      add(["countries", row, j], NOT_A_COUNTRY, code);
      return null;
    }
  }
  return value as string[];
}

const crossingsSchema: z.ZodType<Crossing[]> = crossingSchema.array().max(LIMITS.items);

/** A row's border crossings, checked as in a link record. */
export function readCrossings(value: unknown, row: number, add: Add): Crossing[] | null {
  const parsed = crossingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const p of issuesToProblems(parsed.error.issues, value))
    add(["crossings", row, ...p.path], p.message, p.value);
  return null;
}

const formerNamesSchema = items(formerNameSchema, "former names");

/** A row's former names; undefined for none (`null`); null after reporting a problem. */
export function readFormerNames(
  value: unknown,
  row: number,
  add: Add,
): FormerName[] | undefined | null {
  return readNullable(formerNamesSchema, "formerNames", value, row, add);
}

/** A row's note; undefined for none (`null`); null after reporting a problem. */
export function readNote(value: unknown, row: number, add: Add): string | undefined | null {
  return readNullable(notes.note, "note", value, row, add);
}

/** A row's assumptions; undefined for none (`null`); null after reporting a problem. */
export function readAssumptions(
  value: unknown,
  row: number,
  add: Add,
): string[] | undefined | null {
  return readNullable(notes.assumptions, "assumptions", value, row, add);
}

/** A cell of an optional field: `null` (or nothing) for none, else checked as in a link record. */
function readNullable<T>(
  schema: z.ZodType<T | undefined>,
  column: string,
  value: unknown,
  row: number,
  add: Add,
): T | undefined | null {
  if (value === null || value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const p of issuesToProblems(parsed.error.issues, value))
    add([column, row, ...p.path], p.message, p.value);
  return null;
}
