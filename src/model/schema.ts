/**
 * The topology format, version 1 (see the README's "Data format"): one zod schema per record,
 * shared by the data pipeline (curated sources in, topology out) and the app (topology in).
 * Cross-references (unknown or duplicate ids, interval order) are checked in `references.ts`.
 */
import * as z from "zod";

export const TOPOLOGY_FORMAT = "uplinks-topology";
export const CATALOG_FORMAT = "uplinks-catalog";
export const TOPOLOGY_VERSION = 1;

export const LINK_KINDS = [
  "terrestrial",
  "submarine",
  "satellite",
  "microwave",
  "peering",
] as const;
export const NODE_KINDS = [
  "city",
  "town",
  "border",
  "landing",
  "datacenter",
  "satellite",
  "waypoint",
] as const;
export const EVENT_KINDS = [
  "activation",
  "retirement",
  "outage",
  "attack",
  "reroute",
  "note",
] as const;

const MAX_TEXT = 10_000;

export const isoDateSchema = z.iso.date({ error: "not a date (expected YYYY-MM-DD)" });
export const idSchema = z
  .string({ error: "expected an id string" })
  .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, { error: "not an id (lowercase letters, digits and -)" });
export const countryCodeSchema = z
  .string({ error: "expected a country code" })
  .regex(/^[A-Z]{2}$/, { error: "not an ISO 3166-1 alpha-2 country code" });
export const asnSchema = z
  .number({ error: "expected an AS number" })
  .int({ error: "not an AS number" })
  .min(1, { error: "not an AS number" })
  .max(4_294_967_295, { error: "not an AS number" });

const text = (what: string) =>
  z
    .string({ error: `expected ${what} text` })
    .min(1, { error: `${what} is empty` })
    .max(MAX_TEXT, { error: `${what} is longer than ${MAX_TEXT} characters` });

const longitude = z
  .number({ error: "expected a longitude" })
  .min(-180, { error: "longitude is off the globe (-180…180)" })
  .max(180, { error: "longitude is off the globe (-180…180)" });
const latitude = z
  .number({ error: "expected a latitude" })
  .min(-90, { error: "latitude is off the globe (-90…90)" })
  .max(90, { error: "latitude is off the globe (-90…90)" });

/** `[lon, lat]` in degrees, on the globe. */
export const coordinatesSchema = z.tuple([longitude, latitude], {
  error: "expected [longitude, latitude]",
});

/**
 * A vertex of a computed path. Longitudes are unwrapped along the path (each within 180° of the
 * previous one), so a route across the antimeridian may reach ±360 and still draws as one line.
 */
export const pathVertexSchema = z.tuple(
  [
    z
      .number({ error: "expected a longitude" })
      .min(-360, { error: "longitude is off the globe (-360…360 on a path)" })
      .max(360, { error: "longitude is off the globe (-360…360 on a path)" }),
    latitude,
  ],
  { error: "expected [longitude, latitude]" },
);

const sourceRefs = z
  .array(idSchema, { error: "expected a list of source ids" })
  .min(1, { error: "cites no source" });
const notes = {
  /** Free text shown with the record. */
  note: text("note").optional(),
  /** Statements in the record that are assumptions, not reported facts. */
  assumptions: z.array(text("assumption")).optional(),
};

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text("title"),
  publisher: text("publisher").optional(),
  author: text("author").optional(),
  url: z
    .url({ protocol: /^https?$/, error: "not an http(s) URL" })
    .max(2_000, { error: "URL is too long" })
    .optional(),
  date: isoDateSchema.optional(),
  note: text("note").optional(),
});

export const networkSchema = z.strictObject({
  asn: asnSchema,
  name: text("name"),
  country: countryCodeSchema.optional(),
  sources: sourceRefs.optional(),
  ...notes,
});

export const nodeSchema = z.strictObject({
  id: idSchema,
  name: text("name"),
  kind: z.enum(NODE_KINDS, { error: `not a node kind (${NODE_KINDS.join(", ")})` }),
  country: countryCodeSchema.optional(),
  coordinates: coordinatesSchema,
  sources: sourceRefs,
  /** Set where the place's sovereignty is disputed: says who claims it and which view is shown. */
  dispute: text("dispute").optional(),
  ...notes,
});

export const intervalSchema = z.strictObject({
  from: isoDateSchema,
  /** `null`: still active. */
  to: isoDateSchema.nullable(),
  note: text("note").optional(),
});

const linkFields = {
  id: idSchema,
  name: text("name"),
  kind: z.enum(LINK_KINDS, { error: `not a link kind (${LINK_KINDS.join(", ")})` }),
  from: idSchema,
  to: idSchema,
  via: z.array(idSchema).optional(),
  networks: z.array(asnSchema).optional(),
  active: z.array(intervalSchema).min(1, { error: "has no active interval" }),
  sources: sourceRefs,
  ...notes,
};

export const crossingSchema = z.strictObject({
  from: countryCodeSchema,
  to: countryCodeSchema,
  /** Where the path enters `to`, located to within 1 km along the path. */
  at: pathVertexSchema,
});

/** A link as the pipeline writes it: the curated fields plus its computed route. */
export const linkSchema = z.strictObject({
  ...linkFields,
  path: z.array(pathVertexSchema).min(2, { error: "a path needs at least 2 vertices" }),
  lengthKm: z.number().nonnegative({ error: "length cannot be negative" }),
  countries: z.array(countryCodeSchema),
  crossings: z.array(crossingSchema),
});

export const eventSchema = z.strictObject({
  id: idSchema,
  date: isoDateSchema,
  end: isoDateSchema.optional(),
  kind: z.enum(EVENT_KINDS, { error: `not an event kind (${EVENT_KINDS.join(", ")})` }),
  title: text("title"),
  description: text("description").optional(),
  links: z.array(idSchema).optional(),
  nodes: z.array(idSchema).optional(),
  sources: sourceRefs,
  ...notes,
});

export const viewSchema = z.strictObject({
  center: coordinatesSchema,
  zoom: z.number().min(0, { error: "zoom is below 0" }).max(22, { error: "zoom is above 22" }),
  bearing: z
    .number()
    .min(-180, { error: "bearing is outside -180…180" })
    .max(180, { error: "bearing is outside -180…180" })
    .optional(),
  pitch: z
    .number()
    .min(0, { error: "pitch is outside 0…85" })
    .max(85, { error: "pitch is outside 0…85" })
    .optional(),
});

export const selectionSchema = z
  .string({ error: "expected a selection" })
  .regex(/^(link|node):[a-z0-9][a-z0-9-]*$/, { error: "not a selection (link:ID or node:ID)" });

export const storyStepSchema = z.strictObject({
  title: text("title"),
  caption: text("caption"),
  view: viewSchema,
  date: isoDateSchema,
  select: selectionSchema.optional(),
  sources: z.array(idSchema).optional(),
});

export const storySchema = z.strictObject({
  id: idSchema,
  title: text("title"),
  description: text("description").optional(),
  steps: z.array(storyStepSchema).min(1, { error: "a story needs at least one step" }),
});

const datasetFields = {
  id: idSchema,
  title: text("title"),
  description: text("description"),
  /** When the curated facts were last reviewed. */
  updated: isoDateSchema,
  /** Which boundary data the computed countries and crossings use, and what it implies. */
  boundaries: text("boundaries").optional(),
  sources: z.array(sourceSchema).min(1, { error: "lists no source" }),
  networks: z.array(networkSchema),
  nodes: z.array(nodeSchema),
  events: z.array(eventSchema),
  stories: z.array(storySchema),
};

/** A curated dataset as people write it (`data/datasets/*.yaml`): no computed fields. */
export const datasetSourceSchema = z.strictObject({
  ...datasetFields,
  links: z.array(z.strictObject(linkFields)),
});

/** The topology document the pipeline writes and the app loads. */
export const topologySchema = z.strictObject({
  format: z.literal(TOPOLOGY_FORMAT),
  version: z.literal(TOPOLOGY_VERSION),
  ...datasetFields,
  timeRange: z.tuple([isoDateSchema, isoDateSchema]),
  links: z.array(linkSchema),
});

export const catalogEntrySchema = z.strictObject({
  id: idSchema,
  title: text("title"),
  description: text("description"),
  file: z.string().regex(/^[a-z0-9][a-z0-9-]*\.topology\.json$/, { error: "not a topology file" }),
  updated: isoDateSchema,
  timeRange: z.tuple([isoDateSchema, isoDateSchema]),
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
  datasets: z.array(catalogEntrySchema).min(1, { error: "lists no dataset" }),
});

export type Source = z.output<typeof sourceSchema>;
export type Network = z.output<typeof networkSchema>;
export type TopologyNode = z.output<typeof nodeSchema>;
export type Interval = z.output<typeof intervalSchema>;
export type Crossing = z.output<typeof crossingSchema>;
export type Link = z.output<typeof linkSchema>;
export type TopologyEvent = z.output<typeof eventSchema>;
export type StoryStep = z.output<typeof storyStepSchema>;
export type Story = z.output<typeof storySchema>;
export type DatasetSource = z.output<typeof datasetSourceSchema>;
export type SourceLink = DatasetSource["links"][number];
export type Topology = z.output<typeof topologySchema>;
export type Catalog = z.output<typeof catalogSchema>;
export type CatalogEntry = z.output<typeof catalogEntrySchema>;
export type LinkKind = (typeof LINK_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
