/**
 * The link table's schema: its columns, their order and which are required. The table itself and
 * its reader are in `link-table.ts`.
 */
import * as z from "zod";
import {
  compactPartsSchema,
  compactPathSchema,
  crossingSchema,
  formerNameSchema,
  LINK_KINDS,
  plainPartsSchema,
  plainPathSchema,
} from "./link-schema";
import { countryCodeSchema, idSchema, items, LIMITS, name, notes } from "./schema-fields";

const index = (what: string) =>
  z.number().int().nonnegative().describe(`Index (from 0) into the document's ${what}.`);
const column = <T extends z.ZodType>(item: T, description: string) =>
  z.array(item).max(LIMITS.records).describe(description);
const dayNumbers = (min: number) =>
  z
    .array(z.number().int())
    .min(min)
    .max(2 * LIMITS.items);

/**
 * Links written column by column (see `link-table.ts`): the form for datasets of 100,000s of
 * links, where a record per link would repeat its field names, ids and dates in every row. The
 * parser reads it into the same links as the record form and checks it as strictly; this schema
 * documents it for the JSON Schema.
 */
export const linkTableSchema = z
  .strictObject({
    id: column(
      idSchema,
      "Link ids, one per link (every column has one value per link, in this order).",
    ),
    name: column(
      name().nullable(),
      'Names; null gives "From – To" from the endpoints\' names.',
    ).optional(),
    kind: column(
      z
        .number()
        .int()
        .min(0)
        .max(LINK_KINDS.length - 1),
      `Index into the link kinds: ${LINK_KINDS.map((k, i) => `${i} ${k}`).join(", ")}.`,
    ),
    from: column(index("nodes"), "Where each link starts: a node index."),
    to: column(index("nodes"), "Where each link ends: a node index."),
    via: column(
      z.array(index("nodes")).max(LIMITS.items),
      "Waypoints: lists of node indices.",
    ).optional(),
    networks: column(
      z.array(index("networks")).max(LIMITS.items),
      "Networks: lists of indices into networks. A link names each by the network's id, or by its AS number when it has no id.",
    ).optional(),
    active: column(
      dayNumbers(0),
      "Active intervals as day numbers (whole days since 1970-01-01): from, to, from, to…; an odd count means the last interval is still active. Intervals are in order and do not overlap. Empty only for a link with planned intervals (planned, then withdrawn).",
    ),
    planned: column(
      dayNumbers(0),
      "Planned intervals (announced, not yet in service), as day numbers like active; an empty list for none.",
    ).optional(),
    formerNames: column(
      items(formerNameSchema, "former names").nullable(),
      "Names each link had before, as in a link record; null for none.",
    ).optional(),
    sources: column(
      z.array(index("sources")).min(1).max(LIMITS.items),
      "Cited sources: lists of indices into sources, at least one.",
    ),
    note: column(
      notes.note.unwrap().nullable(),
      "Notes, as in a link record; null for none.",
    ).optional(),
    assumptions: column(
      notes.assumptions.unwrap().nullable(),
      "Assumptions, as in a link record; null for none.",
    ).optional(),
    path: column(
      z.union([plainPathSchema, compactPathSchema, plainPartsSchema, compactPartsSchema]),
      "Densified routes, as in a link record: a list of vertices or a compact path string; for a route of several parts, a list of parts, all lists of vertices or all compact path strings.",
    ),
    lengthKm: column(
      z.number().nonnegative(),
      "Lengths in km; when missing, each is the length of its path along great circles.",
    ).optional(),
    countries: column(
      items(countryCodeSchema, "countries"),
      "Countries each link runs through; when missing, its endpoints' countries.",
    ).optional(),
    crossings: column(
      items(crossingSchema, "crossings"),
      "Border crossings of each link; when missing, none.",
    ).optional(),
  })
  .describe(
    "Further links, written column by column for large datasets: every column holds one value per link. They are read as if they followed the records of links.",
  );

/** The columns of a link table, in the order they are documented and checked. */
export const LINK_TABLE_COLUMNS = Object.keys(linkTableSchema.shape) as LinkTableColumn[];
export type LinkTableColumn = keyof typeof linkTableSchema.shape;
/** The columns a link table must have; the others may be left out. */
export const REQUIRED_LINK_TABLE_COLUMNS: ReadonlySet<string> = new Set(
  LINK_TABLE_COLUMNS.filter((key) => !linkTableSchema.shape[key].safeParse(undefined).success),
);

/** A link table as a file holds it (see `link-table.ts`). */
export type LinkTable = z.input<typeof linkTableSchema>;
