/**
 * The documents: a curated dataset as people write it, the topology the pipeline writes and the
 * app loads, and the catalog of datasets the app offers.
 */
import * as z from "zod";
import { eventSchema, storySchema } from "./event-story-schema";
import { type Link, sourceLinkSchema, storedLinkSchema } from "./link-schema";
import { linkTableSchema } from "./link-table-schema";
import { idSchema, isoDateSchema, LIMITS, list, text, title } from "./schema-fields";
import {
  licenseSchema,
  networkSchema,
  nodeSchema,
  sourceSchema,
} from "./source-network-node-schema";

export const TOPOLOGY_FORMAT = "uplinks-topology";
export const CATALOG_FORMAT = "uplinks-catalog";
export const TOPOLOGY_VERSION = 1;

/** The lists of records that make up a dataset, each with the schema of one of its records. */
const datasetLists = {
  sources: {
    item: sourceSchema,
    what: "sources",
    max: LIMITS.records,
    min: [1, "lists no source"],
  },
  networks: { item: networkSchema, what: "networks", max: LIMITS.records },
  nodes: { item: nodeSchema, what: "nodes", max: LIMITS.records },
  events: { item: eventSchema, what: "events", max: LIMITS.events },
  stories: { item: storySchema, what: "stories", max: LIMITS.stories },
} as const;

const datasetFields = {
  id: idSchema,
  title: title(),
  description: text("description"),
  /** When the curated facts were last reviewed. */
  updated: isoDateSchema,
  /** Which boundary data the computed countries and crossings use, and what it implies. */
  boundaries: text("boundaries").optional(),
  /** The terms the dataset as a whole is published under (those of its sources, where they bind). */
  license: licenseSchema.optional(),
  sources: list(sourceSchema, datasetLists.sources),
  networks: list(networkSchema, datasetLists.networks),
  nodes: list(nodeSchema, datasetLists.nodes),
  events: list(eventSchema, datasetLists.events),
  stories: list(storySchema, datasetLists.stories),
};

/** A curated dataset as people write it (`data/datasets/*.yaml`): no computed fields. */
export const datasetSourceSchema = z.strictObject({
  ...datasetFields,
  links: list(sourceLinkSchema, { what: "links", max: LIMITS.records }),
});

/** The topology document the pipeline writes and the app loads. */
export const topologySchema = z.strictObject({
  format: z.literal(TOPOLOGY_FORMAT),
  version: z.literal(TOPOLOGY_VERSION),
  ...datasetFields,
  timeRange: z.tuple([isoDateSchema, isoDateSchema]),
  links: list(storedLinkSchema, { what: "links", max: LIMITS.records }),
  linkTable: linkTableSchema.optional(),
});

/**
 * The lists of records of each document, by field, with the schema of one record: the parser
 * checks these one record at a time, so a document of many broken records stops at the first
 * problems instead of listing millions (see `parse-topology.ts`).
 */
export const RECORD_LISTS = {
  topology: {
    sources: sourceSchema,
    networks: networkSchema,
    nodes: nodeSchema,
    events: eventSchema,
    stories: storySchema,
    links: storedLinkSchema,
  },
  datasetSource: {
    sources: sourceSchema,
    networks: networkSchema,
    nodes: nodeSchema,
    events: eventSchema,
    stories: storySchema,
    links: sourceLinkSchema,
  },
} as const satisfies Record<string, Record<string, z.ZodType>>;

export const catalogEntrySchema = z.strictObject({
  id: idSchema,
  title: title(),
  description: text("description"),
  file: z.string().regex(/^[a-z0-9][a-z0-9-]*\.topology\.json$/, { error: "not a topology file" }),
  updated: isoDateSchema,
  timeRange: z.tuple([isoDateSchema, isoDateSchema]),
  license: licenseSchema.optional(),
  counts: z.strictObject({
    nodes: z.number().int().nonnegative(),
    links: z.number().int().nonnegative(),
    networks: z.number().int().nonnegative(),
    events: z.number().int().nonnegative(),
    sources: z.number().int().nonnegative(),
    stories: z.number().int().nonnegative(),
  }),
});

/** `data/index.json`: the datasets the app offers. */
export const catalogSchema = z.strictObject({
  format: z.literal(CATALOG_FORMAT),
  version: z.literal(TOPOLOGY_VERSION),
  default: idSchema,
  datasets: list(catalogEntrySchema, {
    what: "datasets",
    max: LIMITS.stories,
    min: [1, "lists no dataset"],
  }),
});

export type DatasetSource = z.output<typeof datasetSourceSchema>;
/**
 * A parsed topology: every link's path reads as `[lon, lat]` vertices, whichever form its file
 * used (see {@link Link}).
 */
export type Topology = Omit<z.output<typeof topologySchema>, "links" | "linkTable"> & {
  links: Link[];
};
export type Catalog = z.output<typeof catalogSchema>;
export type CatalogEntry = z.output<typeof catalogEntrySchema>;
