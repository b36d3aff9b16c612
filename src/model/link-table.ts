/**
 * The link table: links written column by column, for datasets of 100,000s of links.
 *
 * A link record repeats its field names, ISO dates and ids in every row; at 100,000 links that is
 * most of the file. In `linkTable` each field is one list (a column) with a value per link, nodes,
 * networks and sources are indices into the document's own lists, dates are day numbers, and the
 * fields the pipeline derives may be left out:
 *
 * - `id`: link ids; `kind`: index into {@link LINK_KINDS};
 * - `from`, `to`: node indices; `via` (optional): lists of node indices;
 * - `networks` (optional): lists of indices into `networks`; `sources`: lists of indices into
 *   `sources`, at least one;
 * - `active`: lists of day numbers (days since 1970-01-01): from, to, from, to…; an odd count means
 *   the last interval is still active;
 * - `path`: a compact path string (see `compact-path.ts`) or a list of vertices, per link;
 * - optional: `name` (`null` or missing: "From – To", the endpoints' names), `lengthKm` (missing:
 *   the length of the path), `countries` (missing: the endpoints' countries) and `crossings`
 *   (missing: none).
 *
 * The reader checks every column as strictly as the record form is checked and builds the same
 * `Link` objects, with problems at `linkTable.<column>[row]`. It checks columns with plain loops,
 * not a schema per row: the table exists to load large files fast.
 */
import type * as z from "zod";
import { type Allocate, createCoordinateArena, decodeCompactPath } from "./compact-path";
import { count } from "./count";
import { fromDayNumber } from "./dates";
import {
  addPackedPath,
  defineOwnField,
  flattenVertices,
  pathCoordinates,
} from "./path-coordinates";
import { issuesToProblems, type Problem } from "./problems";
import { coordinatesLengthKm } from "./route";
import {
  COUNTRY_PATTERN,
  type Crossing,
  crossingSchema,
  ID_PATTERN,
  LIMITS,
  LINK_KINDS,
  LINK_TABLE_COLUMNS,
  type Link,
  type LinkTableColumn,
  NOT_A_COUNTRY,
  NOT_AN_ID,
  plainPathSchema,
  REQUIRED_LINK_TABLE_COLUMNS,
} from "./schema";

type Loose = Record<string, unknown>;

/** Day numbers of 0001-01-01 and 9999-12-31, the range of an ISO date. */
export const FIRST_DAY_NUMBER = -719_162;
export const LAST_DAY_NUMBER = 2_932_896;

const isRecord = (value: unknown): value is Loose =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const isIndex = (value: unknown, length: number): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value < length;

/** What the table's indices point into: the document's lists, as they are in the input. */
interface Lists {
  readonly nodes: readonly unknown[];
  readonly networks: readonly unknown[];
  readonly sources: readonly unknown[];
}

const listOf = (doc: Loose, key: string): readonly unknown[] => {
  const value = doc[key];
  return Array.isArray(value) ? value : [];
};

/** A field of a record of the input, or undefined. */
const fieldOf = (record: unknown, key: string): unknown =>
  isRecord(record) ? record[key] : undefined;

export interface TableRead {
  /** The links of the valid rows. */
  readonly links: Link[];
  /** Problems, paths within the table (`[column, row, …]`), at most `limit`. */
  readonly problems: Problem[];
}

/**
 * Reads `table` (the value of a document's `linkTable`) against `doc`, the whole document, whose
 * `nodes`, `networks` and `sources` the indices point into. Stops after `limit` problems.
 */
export function readLinkTable(
  table: Loose,
  doc: Loose,
  limit: number = Number.POSITIVE_INFINITY,
  allocate: Allocate = createCoordinateArena(),
): TableRead {
  const problems: Problem[] = [];
  const full = () => problems.length >= limit;
  const add = (path: (string | number)[], message: string, value?: unknown) => {
    if (!full()) problems.push(value === undefined ? { path, message } : { path, message, value });
  };

  for (const key of Object.keys(table)) {
    if (!(LINK_TABLE_COLUMNS as readonly string[]).includes(key)) {
      add([key], `unknown column (columns: ${LINK_TABLE_COLUMNS.join(", ")})`, table[key]);
    }
  }
  const ids = table.id;
  if (!Array.isArray(ids)) {
    add(
      ["id"],
      ids === undefined ? "required column is missing" : "expected a list of link ids",
      ids,
    );
    return { links: [], problems };
  }
  const rows = ids.length;
  if (rows > LIMITS.records) {
    add(["id"], `${count(rows)} links; at most ${count(LIMITS.records)} are allowed`);
    return { links: [], problems };
  }
  const columns: Record<string, unknown[] | undefined> = {};
  for (const key of LINK_TABLE_COLUMNS) {
    const value = table[key];
    if (value === undefined) {
      if (REQUIRED_LINK_TABLE_COLUMNS.has(key)) add([key], "required column is missing");
    } else if (!Array.isArray(value)) {
      add([key], "expected a list (a column: one value per link)", value);
    } else if (value.length !== rows) {
      add([key], `has ${count(value.length)} values; "id" has ${count(rows)} (one per link)`);
    } else columns[key] = value;
  }
  if (problems.length > 0) return { links: [], problems };

  const lists: Lists = {
    nodes: listOf(doc, "nodes"),
    networks: listOf(doc, "networks"),
    sources: listOf(doc, "sources"),
  };
  const read = createRowReader(columns as Columns, lists, allocate, add);
  const links: Link[] = [];
  for (let row = 0; row < rows && !full(); row++) {
    const link = read(row);
    if (link) links.push(link);
  }
  return { links, problems };
}

type Columns = Record<LinkTableColumn, unknown[] | undefined> & {
  readonly id: unknown[];
};
type Add = (path: (string | number)[], message: string, value?: unknown) => void;

/** Reads one row at a time into a `Link`, or reports its problems and returns null. */
function createRowReader(c: Columns, lists: Lists, allocate: Allocate, add: Add) {
  // ISO dates of day numbers: a table of 100,000 links has a few thousand distinct days.
  const isoDates = new Map<number, string>();
  const isoDate = (day: number) => {
    let iso = isoDates.get(day);
    if (iso === undefined) {
      iso = fromDayNumber(day);
      isoDates.set(day, iso);
    }
    return iso;
  };

  /** The values of a list of indices into `list`, or null after reporting what is wrong. */
  const indices = (
    column: string,
    row: number,
    list: readonly unknown[],
    what: string,
    key: string,
    min: number,
  ): unknown[] | null => {
    const value = c[column as keyof Columns]?.[row];
    if (!Array.isArray(value)) {
      add([column, row], `expected a list of ${what} indices`, value);
      return null;
    }
    if (value.length > LIMITS.items) {
      add([column, row], `${count(value.length)} ${what}s; at most ${count(LIMITS.items)}`);
      return null;
    }
    if (value.length < min) {
      add([column, row], `lists no ${what} (at least ${min} ${what} index)`, value);
      return null;
    }
    const out: unknown[] = [];
    for (let j = 0; j < value.length; j++) {
      const index: unknown = value[j];
      if (!isIndex(index, list.length)) {
        add([column, row, j], indexProblem(what, list.length), index);
        return null;
      }
      out.push(fieldOf(list[index], key));
    }
    return out;
  };

  const node = (column: "from" | "to", row: number): unknown => {
    const index = c[column]?.[row];
    if (!isIndex(index, lists.nodes.length)) {
      add([column, row], indexProblem("node", lists.nodes.length), index);
      return undefined;
    }
    return lists.nodes[index];
  };

  return (row: number): Link | null => {
    let ok = true;
    const id = c.id[row];
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      add(["id", row], NOT_AN_ID, id);
      ok = false;
    }
    const kindIndex = c.kind?.[row];
    const kind = isIndex(kindIndex, LINK_KINDS.length) ? LINK_KINDS[kindIndex] : undefined;
    if (kind === undefined) {
      add(
        ["kind", row],
        `not a link kind index (0–${LINK_KINDS.length - 1}: ${LINK_KINDS.join(", ")})`,
        kindIndex,
      );
      ok = false;
    }
    const from = node("from", row);
    const to = node("to", row);
    if (from !== undefined && from === to) {
      add(["to", row], "link ends where it starts", c.to?.[row]);
      ok = false;
    }
    const via = c.via ? indices("via", row, lists.nodes, "node", "id", 0) : [];
    const networks = c.networks
      ? indices("networks", row, lists.networks, "network", "asn", 0)
      : [];
    const sources = indices("sources", row, lists.sources, "source", "id", 1);
    const active = readActive(c.active?.[row], row, add, isoDate);
    const coordinates = readPath(c.path?.[row], row, add, allocate);
    const name = readName(c.name?.[row], row, add);
    const lengthKm = c.lengthKm ? c.lengthKm[row] : undefined;
    if (
      lengthKm !== undefined &&
      !(typeof lengthKm === "number" && lengthKm >= 0 && Number.isFinite(lengthKm))
    ) {
      add(["lengthKm", row], "expected a length in km (a number, not negative)", lengthKm);
      ok = false;
    }
    const countries = c.countries ? readCountries(c.countries[row], row, add) : undefined;
    const crossings = c.crossings ? readCrossings(c.crossings[row], row, add) : [];
    if (
      !ok ||
      from === undefined ||
      to === undefined ||
      via === null ||
      networks === null ||
      sources === null ||
      active === null ||
      coordinates === null ||
      name === null ||
      countries === null ||
      crossings === null
    ) {
      return null;
    }
    const fromId = fieldOf(from, "id") as string;
    const toId = fieldOf(to, "id") as string;
    const link: Record<string, unknown> = {
      id,
      name: name ?? defaultLinkName(fieldOf(from, "name"), fieldOf(to, "name")),
      kind,
      from: fromId,
      to: toId,
    };
    if (c.via) link.via = via;
    if (c.networks) link.networks = networks;
    link.active = active;
    link.sources = sources;
    addPackedPath(link, coordinates);
    if (lengthKm === undefined) Object.defineProperty(link, "lengthKm", DERIVED_LENGTH);
    else link.lengthKm = lengthKm;
    link.countries = countries ?? endpointCountries(from, to);
    link.crossings = crossings;
    return link as unknown as Link;
  };
}

const indexProblem = (what: string, length: number) =>
  length === 0
    ? `not a ${what} index: the document lists no ${what}s`
    : `not a ${what} index (an integer from 0 to ${count(length - 1)})`;

/** The name of a row whose `name` is missing or null: its ends' names, "From – To". */
export const defaultLinkName = (from: unknown, to: unknown) => `${String(from)} – ${String(to)}`;

/** The `lengthKm` of a row that gives none: its path's length, to 0.1 km. */
export const derivedLengthKm = (coordinates: ArrayLike<number>) =>
  Math.round(coordinatesLengthKm(coordinates) * 10) / 10;

/**
 * The `lengthKm` of a link whose row gives none, as an accessor shared by every such link: the
 * length of its path ({@link derivedLengthKm}), computed when first read, then kept as a plain
 * property. Only the details of a link show it, so a large table need not measure every path
 * (a few tenths of a second at 100,000 links) before it is drawn. Assigning it sets it.
 */
const DERIVED_LENGTH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Link) {
    const km = derivedLengthKm(pathCoordinates(this));
    defineOwnField(this, "lengthKm", km);
    return km;
  },
  set(this: Link, value: unknown) {
    defineOwnField(this, "lengthKm", value);
  },
};

/** The countries of a link's two ends, each once, in order. */
export function endpointCountries(from: unknown, to: unknown): string[] {
  const out: string[] = [];
  for (const end of [from, to]) {
    const country = fieldOf(end, "country");
    if (typeof country === "string" && !out.includes(country)) out.push(country);
  }
  return out;
}

function readActive(
  value: unknown,
  row: number,
  add: Add,
  isoDate: (day: number) => string,
): Link["active"] | null {
  const path = ["active", row];
  if (!Array.isArray(value)) {
    add(path, "expected a list of day numbers (from, to, from, to…)", value);
    return null;
  }
  if (value.length === 0) {
    add(path, "has no active interval");
    return null;
  }
  if (value.length > 2 * LIMITS.items) {
    add(path, `${count(value.length)} day numbers; at most ${count(2 * LIMITS.items)}`);
    return null;
  }
  const intervals: Link["active"] = [];
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
    if (starts) intervals.push({ from: isoDate(day), to: null });
    else (intervals[intervals.length - 1] as { to: string | null }).to = isoDate(day);
  }
  return intervals;
}

function readPath(value: unknown, row: number, add: Add, allocate: Allocate): Float64Array | null {
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

/** The row's name; undefined for the default; null after reporting a problem. */
function readName(value: unknown, row: number, add: Add): string | undefined | null {
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

function readCountries(value: unknown, row: number, add: Add): string[] | null {
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

function readCrossings(value: unknown, row: number, add: Add): Crossing[] | null {
  const parsed = crossingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const p of issuesToProblems(parsed.error.issues, value))
    add(["crossings", row, ...p.path], p.message, p.value);
  return null;
}
