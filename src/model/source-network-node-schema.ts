/**
 * The records a dataset's links and events refer to: the sources it cites, the networks (AS
 * numbers) that run its links and the nodes (places) its links join.
 */
import * as z from "zod";
import { count } from "./count";
import {
  asnSchema,
  coordinatesSchema,
  countryCodeSchema,
  idSchema,
  isoDateSchema,
  LIMITS,
  name,
  notes,
  sourceRefs,
  text,
  title,
} from "./schema-fields";

export const NODE_KINDS = [
  "city",
  "town",
  "border",
  "landing",
  "datacenter",
  "satellite",
  "waypoint",
] as const;

// The length is checked first (before parsing a megabyte-long "URL"), and again after for the JSON Schema.
const urlTooLong = `URL is longer than ${count(LIMITS.urlChars)} characters`;

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

export type Source = z.output<typeof sourceSchema>;
export type Network = z.output<typeof networkSchema>;
export type TopologyNode = z.output<typeof nodeSchema>;
