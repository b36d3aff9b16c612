/**
 * The topology format, version 1 (see the README's "Data format"): one zod schema per record,
 * shared by the data pipeline (curated sources in, topology out) and the app (topology in).
 * Cross-references (unknown or duplicate ids, interval order) are checked in `references.ts`.
 */
import * as z from "zod";
import { COMPACT_PATH_PATTERN, maxCompactPathLength } from "./compact-path";
import { count } from "./count";

// The app's Content Security Policy forbids eval, so zod must not compile its checks, nor probe
// whether it may as its schemas are built (browsers report that probe as a violation). Set here,
// before the first schema; measured no slower.
z.config({ jitless: true });

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

/**
 * Size limits. Every string and list of a document is bounded, so a broken or hostile file is
 * refused with a message that names the path, rather than filling the browser's memory. They are
 * far above what real datasets need (the published ones have paths of under 100 vertices and
 * texts of under 500 characters; generated ones reach 100,000 links), and they are part of the
 * published JSON Schema (`maxLength`, `maxItems`). A whole file is also limited in bytes (see
 * `MAX_FILE_BYTES` in `load.ts`) and in JSON nesting (see `json-text.ts`).
 */
export const LIMITS = {
  /** Characters of a name: of a node, link or network; a publisher; an author. */
  nameChars: 200,
  /** Characters of a title: of a dataset, source, event, story or story step. */
  titleChars: 500,
  /** Characters of a text: a description, caption, note, assumption or dispute. */
  textChars: 5_000,
  /** Characters of a source's URL. */
  urlChars: 2_000,
  /** Sources, networks, nodes or links in one document. */
  records: 500_000,
  /** Events in one document. */
  events: 100_000,
  /** Stories in one document, and steps in one story. */
  stories: 1_000,
  /** Vertices of one link's path. */
  pathVertices: 10_000,
  /**
   * Items of any other list of a record: waypoints, networks, intervals, cited sources,
   * countries, crossings, assumptions, an event's links and nodes.
   */
  items: 10_000,
} as const;

export const isoDateSchema = z.iso.date({ error: "not a date (expected YYYY-MM-DD)" });
/** A record id: lowercase letters, digits and `-`, at most 100 characters. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,99}$/;
export const NOT_AN_ID = "not an id (lowercase letters, digits and -)";
/** An ISO 3166-1 alpha-2 country code. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const NOT_A_COUNTRY = "not an ISO 3166-1 alpha-2 country code";

export const idSchema = z
  .string({ error: "expected an id string" })
  .max(100, { error: "not an id (at most 100 characters)" })
  .regex(ID_PATTERN, { error: NOT_AN_ID });
export const countryCodeSchema = z
  .string({ error: "expected a country code" })
  .regex(COUNTRY_PATTERN, { error: NOT_A_COUNTRY });
export const asnSchema = z
  .number({ error: "expected an AS number" })
  .int({ error: "not an AS number" })
  .min(1, { error: "not an AS number" })
  .max(4_294_967_295, { error: "not an AS number" });

const text = (what: string, max: number = LIMITS.textChars) =>
  z
    .string({ error: `expected ${what} text` })
    .min(1, { error: `${what} is empty` })
    .max(max, {
      error: (issue) =>
        `${what} is ${count(String(issue.input).length)} characters long; at most ${count(max)} are allowed`,
    });
const name = (what = "name") => text(what, LIMITS.nameChars);
const title = (what = "title") => text(what, LIMITS.titleChars);

interface ListOptions {
  /** What the items are, plural ("links"), for messages. */
  readonly what: string;
  readonly max: number;
  /** The fewest items, and the message when there are fewer. */
  readonly min?: readonly [number, string];
  /** The message when the value is not a list. */
  readonly notAList?: string;
}

/**
 * A list of at most `max` items. The length is checked before any item (the first stage of the
 * pipe), so an oversized list is refused at once instead of checked item by item; the second
 * stage checks the items. The published JSON Schema shows the second stage, with `maxItems`.
 */
export function list<T extends z.ZodType>(item: T, { what, max, min, notAList }: ListOptions) {
  const bounds = <A extends z.ZodArray<z.ZodType>>(array: A) => {
    const capped = array.max(max, {
      error: (issue) =>
        `${count((issue.input as unknown[]).length)} ${what}; at most ${count(max)} are allowed`,
    });
    return min ? capped.min(min[0], { error: min[1] }) : capped;
  };
  const shell = bounds(z.array(z.unknown(), { error: notAList ?? `expected a list of ${what}` }));
  return shell.pipe(bounds(z.array(item)));
}

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

/** A list of ids, names or numbers within a record (waypoints, cited sources, AS numbers…). */
const items = <T extends z.ZodType>(item: T, what: string, min?: readonly [number, string]) =>
  list(item, { what, max: LIMITS.items, ...(min ? { min } : {}) });

// The length is checked first (before parsing a megabyte-long "URL"), and again after for the JSON Schema.
const urlTooLong = `URL is longer than ${count(LIMITS.urlChars)} characters`;

const sourceRefs = items(idSchema, "source ids", [1, "cites no source"]);
const notes = {
  /** Free text shown with the record. */
  note: text("note").optional(),
  /** Statements in the record that are assumptions, not reported facts. */
  assumptions: items(text("assumption"), "assumptions").optional(),
};

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: title(),
  publisher: name("publisher").optional(),
  author: name("author").optional(),
  /** Shown as a link: only `https:` and `http:` addresses are accepted. */
  url: z
    .string({ error: "expected a URL" })
    .max(LIMITS.urlChars, { error: urlTooLong })
    .pipe(z.url({ protocol: /^https?$/, error: "not an http(s) URL" }).max(LIMITS.urlChars))
    .optional(),
  date: isoDateSchema.optional(),
  note: text("note").optional(),
});

export const networkSchema = z.strictObject({
  asn: asnSchema,
  name: name(),
  country: countryCodeSchema.optional(),
  sources: sourceRefs.optional(),
  ...notes,
});

export const nodeSchema = z.strictObject({
  id: idSchema,
  name: name(),
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
  name: name(),
  kind: z.enum(LINK_KINDS, { error: `not a link kind (${LINK_KINDS.join(", ")})` }),
  from: idSchema,
  to: idSchema,
  via: items(idSchema, "waypoints").optional(),
  networks: items(asnSchema, "AS numbers").optional(),
  active: items(intervalSchema, "intervals", [1, "has no active interval"]),
  sources: sourceRefs,
  ...notes,
};

export const crossingSchema = z.strictObject({
  from: countryCodeSchema,
  to: countryCodeSchema,
  /** Where the path enters `to`, located to within 1 km along the path. */
  at: pathVertexSchema,
});

/** A path as `[lon, lat]` vertices: the form curated datasets are written in (it reads well in a diff). */
export const plainPathSchema = list(pathVertexSchema, {
  what: "vertices",
  max: LIMITS.pathVertices,
  min: [2, "a path needs at least 2 vertices"],
  notAList: "expected a list of [longitude, latitude] vertices or a compact path string",
});

/** Characters of a compact path, at most: its header and the longest numbers of either form. */
export const MAX_COMPACT_PATH_CHARS = maxCompactPathLength(LIMITS.pathVertices);

/**
 * A path in the compact form, for large datasets. Only its length is checked here: the parser
 * decodes it (`compact-path.ts`) and reports what is wrong with the encoding at the link's path.
 */
export const compactPathSchema = z
  .string({ error: "expected a compact path string" })
  .max(MAX_COMPACT_PATH_CHARS, {
    error: (issue) =>
      `compact path is ${count(String(issue.input).length)} characters long; at most ${count(MAX_COMPACT_PATH_CHARS)} are allowed`,
  })
  .meta({
    pattern: COMPACT_PATH_PATTERN,
    description:
      "Compact path: the form, 'q' or 'b'; one digit, the decimals the coordinates are rounded to (5: 1e-5°, about 1 m); ':'; " +
      "then base64url characters (A–Z a–z 0–9 - _, worth 0 to 63). Both forms carry the same numbers: longitude, latitude, " +
      "longitude, latitude…, per axis the first vertex as it is, the second as its difference from the first, the third as " +
      "the second difference, every later one as the third difference; each zigzag-coded (0, -1, 1, -2… as 0, 1, 2, 3…) in " +
      "units of the last decimal. 'q': each number in characters of 5 bits, lowest first, a character's value + 32 when " +
      "another follows. 'b': the characters are one stream of bits, 6 each, most significant first; each number z is an " +
      "Exp-Golomb code of order 0 (v = z + 1 has n bits: n − 1 zero bits, then v in n bits); fewer than 6 zero bits pad the " +
      `end. It decodes to 2 to ${count(LIMITS.pathVertices)} vertices with longitudes within -360…360 and latitudes within -90…90.`,
  });

const computedLinkFields = {
  lengthKm: z.number().nonnegative({ error: "length cannot be negative" }),
  countries: items(countryCodeSchema, "countries"),
  crossings: items(crossingSchema, "crossings"),
};

/**
 * A link as the app and the pipeline use it: the curated fields plus its computed route, its
 * path as `[lon, lat]` vertices. (A parsed compact path reads as vertices too; its packed
 * coordinates are in `pathCoordinates(link)`, see `path-coordinates.ts`.)
 */
export const linkSchema = z.strictObject({
  ...linkFields,
  path: plainPathSchema,
  ...computedLinkFields,
});

/** A link whose path is in the compact form. */
export const compactLinkSchema = z.strictObject({
  ...linkFields,
  path: compactPathSchema,
  ...computedLinkFields,
});

/** A link as a topology file holds it: its path in either form, per link. */
export const storedLinkSchema = z.strictObject({
  ...linkFields,
  path: z
    .union([plainPathSchema, compactPathSchema])
    .describe(
      "Densified route: a list of [longitude, latitude] vertices (longitudes unwrapped, within -360…360), or the same in the compact form.",
    ),
  ...computedLinkFields,
});

const index = (what: string) =>
  z.number().int().nonnegative().describe(`Index (from 0) into the document's ${what}.`);
const column = <T extends z.ZodType>(item: T, description: string) =>
  z.array(item).max(LIMITS.records).describe(description);

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
      "Networks: lists of indices into networks.",
    ).optional(),
    active: column(
      z
        .array(z.number().int())
        .min(1)
        .max(2 * LIMITS.items),
      "Active intervals as day numbers (whole days since 1970-01-01): from, to, from, to…; an odd count means the last interval is still active. Intervals are in order and do not overlap.",
    ),
    sources: column(
      z.array(index("sources")).min(1).max(LIMITS.items),
      "Cited sources: lists of indices into sources, at least one.",
    ),
    path: column(
      z.union([plainPathSchema, compactPathSchema]),
      "Densified routes, as in a link record: a list of vertices or a compact path string.",
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

export const eventSchema = z.strictObject({
  id: idSchema,
  date: isoDateSchema,
  end: isoDateSchema.optional(),
  kind: z.enum(EVENT_KINDS, { error: `not an event kind (${EVENT_KINDS.join(", ")})` }),
  title: title(),
  description: text("description").optional(),
  links: items(idSchema, "link ids").optional(),
  nodes: items(idSchema, "node ids").optional(),
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
  .max(105, { error: "not a selection (link:ID or node:ID)" })
  .regex(/^(link|node):[a-z0-9][a-z0-9-]*$/, { error: "not a selection (link:ID or node:ID)" });

export const storyStepSchema = z.strictObject({
  title: title(),
  caption: text("caption"),
  view: viewSchema,
  date: isoDateSchema,
  select: selectionSchema.optional(),
  sources: items(idSchema, "source ids").optional(),
});

export const storySchema = z.strictObject({
  id: idSchema,
  title: title(),
  description: text("description").optional(),
  steps: list(storyStepSchema, {
    what: "steps",
    max: LIMITS.stories,
    min: [1, "a story needs at least one step"],
  }),
});

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
  sources: list(sourceSchema, datasetLists.sources),
  networks: list(networkSchema, datasetLists.networks),
  nodes: list(nodeSchema, datasetLists.nodes),
  events: list(eventSchema, datasetLists.events),
  stories: list(storySchema, datasetLists.stories),
};

/** A link as people write it: no computed fields. */
export const sourceLinkSchema = z.strictObject(linkFields);

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
export type SourceLink = z.output<typeof sourceLinkSchema>;
/**
 * A parsed topology: every link's path reads as `[lon, lat]` vertices, whichever form its file
 * used (see {@link Link}).
 */
export type Topology = Omit<z.output<typeof topologySchema>, "links" | "linkTable"> & {
  links: Link[];
};
/** A link table as a file holds it (see `link-table.ts`). */
export type LinkTable = z.input<typeof linkTableSchema>;
export type Catalog = z.output<typeof catalogSchema>;
export type CatalogEntry = z.output<typeof catalogEntrySchema>;
export type LinkKind = (typeof LINK_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
