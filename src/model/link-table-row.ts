/**
 * The link table's row reader (see `link-table.ts`): one row of the columns at a time into a
 * `Link`, checked as strictly as a link record.
 */
import type { Allocate } from "./compact-path";
import { count } from "./count";
import { fromDayNumber } from "./dates";
import { readActive, readCountries, readCrossings, readName, readPath } from "./link-table-cells";
import { DERIVED_LENGTH, defaultLinkName, endpointCountries } from "./link-table-defaults";
import { type Add, fieldOf, isIndex } from "./link-table-input";
import { addPackedPath } from "./path-coordinates";
import {
  ID_PATTERN,
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

/** Reads one row at a time into a `Link`, or reports its problems and returns null. */
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
