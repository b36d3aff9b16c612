/**
 * Links: the curated fields people write, the route the pipeline computes (path, length,
 * countries, crossings) and the forms a file may hold a path in.
 */
import * as z from "zod";
import { COMPACT_PATH_PATTERN, maxCompactPathLength } from "./compact-path-format";
import { count } from "./count";
import {
  asnSchema,
  countryCodeSchema,
  idSchema,
  isoDateSchema,
  items,
  LIMITS,
  list,
  name,
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

/** A link as people write it: no computed fields. */
export const sourceLinkSchema = z.strictObject(linkFields);

export type Interval = z.output<typeof intervalSchema>;
export type Crossing = z.output<typeof crossingSchema>;
export type Link = z.output<typeof linkSchema>;
export type SourceLink = z.output<typeof sourceLinkSchema>;
export type LinkKind = (typeof LINK_KINDS)[number];
