/**
 * Links: the curated fields people write, the route the pipeline computes (path, length,
 * countries, crossings) and the forms a file may hold a path in: one part or several (a cable's
 * trunk and branches), each as vertices or a compact string.
 */
import * as z from "zod";
import { COMPACT_PATH_PATTERN, maxCompactPathLength } from "./compact-path-format";
import { count } from "./count";
import {
  countryCodeSchema,
  idSchema,
  isoDateSchema,
  items,
  LIMITS,
  list,
  name,
  networkRefSchema,
  notes,
  pathVertexSchema,
  sourceRefs,
  text,
} from "./schema-fields";

export const LINK_KINDS = [
  "terrestrial",
  "submarine",
  "satellite",
  "microwave",
  "peering",
] as const;

export const intervalSchema = z.strictObject({
  from: isoDateSchema,
  /** `null`: still active. */
  to: isoDateSchema.nullable(),
  note: text("note").optional(),
});

/** A name a link had before (a cable renamed between two snapshots of its source). */
export const formerNameSchema = z.strictObject({
  name: name(),
  /** The last date it is known to have had this name. */
  until: isoDateSchema.optional().describe("The last date it is known to have had this name."),
});

const linkFields = {
  id: idSchema,
  name: name(),
  kind: z.enum(LINK_KINDS, { error: `not a link kind (${LINK_KINDS.join(", ")})` }),
  from: idSchema,
  to: idSchema,
  via: items(idSchema, "waypoints").optional(),
  /** The networks that run it: AS numbers, or ids of networks without one. */
  networks: items(networkRefSchema, "networks")
    .optional()
    .describe(
      "The networks that run it: each the AS number of a listed network (a number) or the id of a listed network (a string), such as a cable's owner without an AS number.",
    ),
  /**
   * When it carries traffic. Empty only for a link that was planned and never built (it then has
   * `planned` intervals): the parser checks that one of the two lists has an interval.
   */
  active: items(intervalSchema, "intervals").describe(
    "When it carries traffic: intervals in order, not overlapping; to = null means still active. Empty only for a link that was planned and never built: then it has planned intervals.",
  ),
  /** When it was announced but not yet in service (before its ready-for-service date). */
  planned: items(intervalSchema, "planned intervals")
    .optional()
    .describe(
      "When it was announced but not yet in service (up to its ready-for-service date): intervals in order, not overlapping. A planned link is not counted as active.",
    ),
  /** Names it had before, oldest first. */
  formerNames: items(formerNameSchema, "former names")
    .optional()
    .describe(
      "Names it had before (a cable renamed between snapshots of its source), each with the last date it had it, where known.",
    ),
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

/** A path of several parts (a cable's trunk and branches), each a list of vertices. */
export const plainPartsSchema = list(plainPathSchema, {
  what: "parts",
  max: LIMITS.pathParts,
  min: [1, "a path of parts needs at least one part"],
}).describe(
  "A route of several parts (a cable's trunk and branches), each a list of [longitude, latitude] vertices. Parts are drawn and measured each on its own: a part's end does not join the next part's start.",
);

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

/** A path of several parts, each a compact path string. */
export const compactPartsSchema = list(compactPathSchema, {
  what: "parts",
  max: LIMITS.pathParts,
  min: [1, "a path of parts needs at least one part"],
}).describe("A route of several parts, each a compact path string.");

const computedLinkFields = {
  lengthKm: z.number().nonnegative({ error: "length cannot be negative" }),
  countries: items(countryCodeSchema, "countries"),
  crossings: items(crossingSchema, "crossings"),
};

/**
 * A link as the app and the pipeline use it: the curated fields plus its computed route, its
 * path as `[lon, lat]` vertices — one list, or a list per part. (A parsed compact path reads as
 * vertices too; its packed coordinates are in `pathCoordinates(link)` and `pathParts(link)`, see
 * `path-coordinates.ts`.) `lengthKm`, `countries` and `crossings` are over all its parts.
 */
export const linkSchema = z.strictObject({
  ...linkFields,
  path: z.union([plainPathSchema, plainPartsSchema]),
  ...computedLinkFields,
});

/**
 * The same, one form of path each: what the parser checks a link against once it has seen which
 * form its path is in (a union would answer a broken vertex with every form's complaint).
 */
export const linkSchemaByPath = {
  plain: z.strictObject({ ...linkFields, path: plainPathSchema, ...computedLinkFields }),
  plainParts: z.strictObject({ ...linkFields, path: plainPartsSchema, ...computedLinkFields }),
  compact: z.strictObject({ ...linkFields, path: compactPathSchema, ...computedLinkFields }),
  compactParts: z.strictObject({ ...linkFields, path: compactPartsSchema, ...computedLinkFields }),
};

/** A link whose path is in the compact form. */
export const compactLinkSchema = linkSchemaByPath.compact;

/** A link as a topology file holds it: its path in any of the forms, per link. */
export const storedLinkSchema = z.strictObject({
  ...linkFields,
  path: z
    .union([plainPathSchema, compactPathSchema, plainPartsSchema, compactPartsSchema])
    .describe(
      "Densified route: a list of [longitude, latitude] vertices (longitudes unwrapped, within -360…360), or the same in the compact form; or, for a route of several parts (a cable's trunk and branches), a list of parts, each in either form.",
    ),
  ...computedLinkFields,
});

/** A link as people write it: no computed fields. */
export const sourceLinkSchema = z.strictObject(linkFields);

export type Interval = z.output<typeof intervalSchema>;
export type Crossing = z.output<typeof crossingSchema>;
export type Link = z.output<typeof linkSchema>;
/** A link's path: one list of `[lon, lat]` vertices, or one per part. */
export type LinkPath = Link["path"];
export type FormerName = z.output<typeof formerNameSchema>;
export type SourceLink = z.output<typeof sourceLinkSchema>;
export type LinkKind = (typeof LINK_KINDS)[number];
