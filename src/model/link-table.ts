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
 * - `networks` (optional): lists of indices into `networks` (a link names each network by its
 *   id, or its AS number when it has none); `sources`: lists of indices into `sources`, at least
 *   one;
 * - `active`: lists of day numbers (days since 1970-01-01): from, to, from, to…; an odd count means
 *   the last interval is still active; empty only when the row has planned intervals;
 * - `planned` (optional): the same, for when the link was planned; an empty list for none;
 * - `formerNames`, `note`, `assumptions` (optional): as in a link record, `null` for none;
 * - `path`: a compact path string (see `compact-path.ts`) or a list of vertices, per link; or, for
 *   a path of several parts, a list of parts, all compact strings or all lists of vertices;
 * - optional: `name` (`null` or missing: "From – To", the endpoints' names), `lengthKm` (missing:
 *   the length of the path, over its parts), `countries` (missing: the endpoints' countries) and
 *   `crossings` (missing: none).
 *
 * The reader checks every column as strictly as the record form is checked and builds the same
 * `Link` objects, with problems at `linkTable.<column>[row]` (`linkTable.path[row][part]` for a
 * part). It checks columns with plain loops, not a schema per row: the table exists to load
 * large files fast (the rarer cells — parts, former names, notes — are checked by their schema).
 *
 * This module checks the table's shape; `link-table-row.ts` reads its rows, with the readers of
 * single values in `link-table-cells.ts` and the fields a row may leave out in
 * `link-table-defaults.ts`. The table's schema, for the JSON Schema, is `link-table-schema.ts`.
 */
import { type Allocate, createCoordinateArena } from "./compact-path";
import { count } from "./count";
import type { Loose } from "./link-table-input";
import { type Columns, createRowReader, type Lists } from "./link-table-row";
import type { Problem } from "./problems";
import { LIMITS, LINK_TABLE_COLUMNS, type Link, REQUIRED_LINK_TABLE_COLUMNS } from "./schema";

export { FIRST_DAY_NUMBER, LAST_DAY_NUMBER } from "./link-table-cells";
export { defaultLinkName, derivedLengthKm, endpointCountries } from "./link-table-defaults";

const listOf = (doc: Loose, key: string): readonly unknown[] => {
  const value = doc[key];
  return Array.isArray(value) ? value : [];
};

/** What {@link readLinkTable} found: the links it read and the problems of the other rows. */
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
