/**
 * The link table's row reader (see `link-table.ts`): one row of the columns at a time into a
 * `Link`, checked as strictly as a link record.
 */
import type { Allocate } from "./compact-path";
import { count } from "./count";
import { fromDayNumber } from "./dates";
import {
  isPartsCell,
  readAssumptions,
  readCountries,
  readCrossings,
  readFormerNames,
  readIntervals,
  readName,
  readNote,
  readPath,
  readPathParts,
} from "./link-table-cells";
import { DERIVED_LENGTH, defaultLinkName, endpointCountries } from "./link-table-defaults";
import { type Add, fieldOf, isIndex } from "./link-table-input";
import { addPackedPath } from "./path-coordinates";
import {
  ID_PATTERN,
  type Interval,
  LIMITS,
  LINK_KINDS,
  type Link,
  type LinkTableColumn,
  NOT_AN_ID,
} from "./schema";

/** What the table's indices point into: the document's lists, as they are in the input. */
export interface Lists {
  readonly nodes: readonly unknown[];
  readonly networks: readonly unknown[];
  readonly sources: readonly unknown[];
}

/** The table's columns that hold one value per link, by name (`id` always does). */
export type Columns = Record<LinkTableColumn, unknown[] | undefined> & {
  readonly id: unknown[];
};

/**
 * Reads one row at a time into a `Link`, or reports its problems and returns null. The link is
 * built field by field in the order of a link record's fields, so every link of a table has the
 * same shape as far as its columns go (one hidden class for the engine, as for records).
 */
export function createRowReader(c: Columns, lists: Lists, allocate: Allocate, add: Add) {
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

  // What an index stands for, worked out once per table rather than once per reference.
  const nodeIds = lists.nodes.map(idOf);
  const sourceIds = lists.sources.map(idOf);
  const networkRefs = lists.networks.map(networkRefOf);
  const shared = createSharedLists(lists.nodes);

  /**
   * The values in `list` (what a link holds for each record the index points at) of a row's list
   * of indices, or null after reporting what is wrong.
   */
  const indices = (
    column: "via" | "networks" | "sources",
    row: number,
    list: readonly unknown[],
    what: string,
    min: number,
  ): unknown[] | null => {
    const value = c[column]?.[row];
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
    for (let j = 0; j < value.length; j++) {
      const index: unknown = value[j];
      if (!isIndex(index, list.length)) {
        add([column, row, j], indexProblem(what, list.length), index);
        return null;
      }
    }
    return shared.of(column, value as number[], list);
  };

  const node = (column: "from" | "to", row: number): unknown => {
    const index = c[column]?.[row];
    if (!isIndex(index, lists.nodes.length)) {
      add([column, row], indexProblem("node", lists.nodes.length), index);
      return undefined;
    }
    return lists.nodes[index];
  };

  /** `active`, `planned` and `formerNames` into `link`; false after reporting a problem. */
  const readHistory = (link: Record<string, unknown>, row: number): boolean => {
    const active = readIntervals(c.active?.[row], "active", row, add, isoDate);
    const planned = c.planned
      ? readIntervals(c.planned[row], "planned", row, add, isoDate)
      : NO_INTERVALS;
    const formerNames = c.formerNames ? readFormerNames(c.formerNames[row], row, add) : undefined;
    if (active === null || planned === null || formerNames === null) return false;
    if (active.length === 0 && planned.length === 0) {
      add(["active", row], "has no active or planned interval");
      return false;
    }
    link.active = active;
    if (planned.length > 0) link.planned = planned;
    if (formerNames !== undefined) link.formerNames = formerNames;
    return true;
  };

  /** `sources`, `note` and `assumptions` into `link`; false after reporting a problem. */
  const readCitations = (link: Record<string, unknown>, row: number): boolean => {
    const sources = indices("sources", row, sourceIds, "source", 1);
    const note = c.note ? readNote(c.note[row], row, add) : undefined;
    const assumptions = c.assumptions ? readAssumptions(c.assumptions[row], row, add) : undefined;
    if (sources === null || note === null || assumptions === null) return false;
    link.sources = sources;
    if (note !== undefined) link.note = note;
    if (assumptions !== undefined) link.assumptions = assumptions;
    return true;
  };

  /** The path, one part or several, into `link`; false after reporting a problem. */
  const readRoute = (link: Record<string, unknown>, row: number): boolean => {
    const value = c.path?.[row];
    // A path of one part takes the plain way: no array of part starts, no object around it.
    if (!isPartsCell(value)) {
      const coordinates = readPath(value, row, add, allocate);
      if (coordinates === null) return false;
      addPackedPath(link, coordinates);
      return true;
    }
    const parts = readPathParts(value, row, add, allocate);
    if (parts === null) return false;
    addPackedPath(link, parts.coordinates, parts.starts);
    return true;
  };

  return (row: number): Link | null => {
    let ok = true;
    const id = c.id[row];
    if (typeof id !== "string" || !ID_PATTERN.test(id)) {
      add(["id", row], NOT_AN_ID, id);
      ok = false;
    }
    const name = readName(c.name?.[row], row, add);
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
    if (name === null || from === undefined || to === undefined) ok = false;
    const link: Record<string, unknown> = {
      id,
      name: name ?? defaultLinkName(fieldOf(from, "name"), fieldOf(to, "name")),
      kind,
      from: fieldOf(from, "id"),
      to: fieldOf(to, "id"),
    };
    if (c.via) {
      link.via = indices("via", row, nodeIds, "node", 0);
      if (link.via === null) ok = false;
    }
    if (c.networks) {
      link.networks = indices("networks", row, networkRefs, "network", 0);
      if (link.networks === null) ok = false;
    }
    // Each reads its columns whatever came before, so a row's problems are all reported.
    if (!readHistory(link, row)) ok = false;
    if (!readCitations(link, row)) ok = false;
    if (!readRoute(link, row)) ok = false;
    const lengthKm = c.lengthKm ? c.lengthKm[row] : undefined;
    if (lengthKm === undefined) Object.defineProperty(link, "lengthKm", DERIVED_LENGTH);
    else if (typeof lengthKm === "number" && lengthKm >= 0 && Number.isFinite(lengthKm)) {
      link.lengthKm = lengthKm;
    } else {
      add(["lengthKm", row], "expected a length in km (a number, not negative)", lengthKm);
      ok = false;
    }
    const countries = c.countries ? readCountries(c.countries[row], row, add) : undefined;
    const crossings = c.crossings ? readCrossings(c.crossings[row], row, add) : [];
    if (countries === null || crossings === null) return null;
    if (countries !== undefined) link.countries = countries;
    else if (from === undefined || to === undefined) link.countries = [];
    else link.countries = shared.countries(c.from?.[row] as number, c.to?.[row] as number);
    link.crossings = crossings;
    return ok ? (link as unknown as Link) : null;
  };
}

/**
 * One list for all the rows that hold the same one, frozen: at 100,000 links most rows cite the
 * same source and join the same two countries, and an array of its own per row and field was a
 * fifth of the page's heap, which the garbage collector walks again and again while the map is
 * drawn. Only what is cheap to find is shared: lists of no index or one, found by the index, and
 * the countries of a link's ends, found by the number of each end's country. (A key made of each
 * row's indices, as text, saved the same memory but cost 0.2–0.3 s at 100,000 links.)
 */
function createSharedLists(nodes: readonly unknown[]) {
  const singles = new Map<string, (readonly unknown[] | undefined)[]>();
  // Each node's country as a number (what it holds for "country", whatever that is).
  const countryNumbers = new Map<unknown, number>();
  const nodeCountry = nodes.map((node) => {
    const country = fieldOf(node, "country");
    let number = countryNumbers.get(country);
    if (number === undefined) {
      number = countryNumbers.size;
      countryNumbers.set(country, number);
    }
    return number;
  });
  const countryCount = countryNumbers.size;
  const countryPairs = new Map<number, readonly string[]>();
  return {
    /** The values in `list` of `value`'s indices (checked), shared when it has one or none. */
    of(column: string, value: readonly number[], list: readonly unknown[]): unknown[] {
      if (value.length === 0) return EMPTY_LIST as unknown[];
      if (value.length > 1) return value.map((index) => list[index]);
      let byIndex = singles.get(column);
      if (byIndex === undefined) {
        byIndex = [];
        singles.set(column, byIndex);
      }
      const index = value[0] as number;
      let shared = byIndex[index];
      if (shared === undefined) {
        shared = Object.freeze([list[index]]);
        byIndex[index] = shared;
      }
      return shared as unknown[];
    },
    /**
     * The countries of a link's two ends (nodes `fromIndex` and `toIndex` of the document's
     * list), shared by every link between the same two countries.
     */
    countries(fromIndex: number, toIndex: number): string[] {
      const key = (nodeCountry[fromIndex] ?? 0) * countryCount + (nodeCountry[toIndex] ?? 0);
      let shared = countryPairs.get(key);
      if (shared === undefined) {
        shared = Object.freeze(endpointCountries(nodes[fromIndex], nodes[toIndex]));
        countryPairs.set(key, shared);
      }
      return shared as string[];
    },
  };
}

const EMPTY_LIST: readonly unknown[] = Object.freeze([]);
/** The planned intervals of a row of a table without that column. */
const NO_INTERVALS: readonly Interval[] = Object.freeze([]);
const idOf = (record: unknown) => fieldOf(record, "id");
/** How a link names a network: by its id, or its AS number when it has no id. */
const networkRefOf = (record: unknown) => fieldOf(record, "id") ?? fieldOf(record, "asn");

const indexProblem = (what: string, length: number) =>
  length === 0
    ? `not a ${what} index: the document lists no ${what}s`
    : `not a ${what} index (an integer from 0 to ${count(length - 1)})`;
