/**
 * The topology format, version 1 (see the README's "Data format"): one zod schema per record,
 * shared by the data pipeline (curated sources in, topology out) and the app (topology in).
 * Cross-references (unknown or duplicate ids, interval order) are checked in `references.ts`.
 *
 * The schemas live in one file per part of the format; this module gathers them, so the format
 * is imported from one place:
 * - `schema-fields.ts`: size limits, the fields records share, bounded lists;
 * - `source-network-node-schema.ts`: sources, networks and nodes;
 * - `link-schema.ts`: links and their paths; `link-table-schema.ts`: the link table;
 * - `event-story-schema.ts`: events and stories;
 * - `document-schema.ts`: the dataset source, topology and catalog documents.
 */
export * from "./document-schema";
export * from "./event-story-schema";
export * from "./link-schema";
export * from "./link-table-schema";
export {
  asnSchema,
  COUNTRY_PATTERN,
  coordinatesSchema,
  countryCodeSchema,
  ID_PATTERN,
  idSchema,
  isoDateSchema,
  LIMITS,
  list,
  NOT_A_COUNTRY,
  NOT_AN_ID,
  networkRefSchema,
  pathVertexSchema,
} from "./schema-fields";
export * from "./source-network-node-schema";
