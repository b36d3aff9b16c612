/**
 * The records a dataset's links and events refer to: the sources it cites, the networks that run
 * its links (AS numbers, and operators without one) and the nodes (places) its links join; and
 * the license a dataset or source is published under.
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

const httpUrl = z
  .string({ error: "expected a URL" })
  .max(LIMITS.urlChars, { error: urlTooLong })
  .pipe(z.url({ protocol: /^https?$/, error: "not an http(s) URL" }).max(LIMITS.urlChars));

/**
 * The terms data is published under: shown with the dataset wherever it is shown or exported
 * (the map's attribution, the Datasets dialog, details, every PNG and video).
 */
export const licenseSchema = z
  .strictObject({
    /** The SPDX identifier, where the license has one (`CC-BY-NC-SA-3.0`). */
    spdx: z
      .string({ error: "expected an SPDX license identifier" })
      .regex(/^[A-Za-z0-9][A-Za-z0-9.+-]{0,63}$/, { error: "not an SPDX license identifier" })
      .optional(),
    /** Its name as people read it ("CC BY-NC-SA 3.0"). */
    name: name("license name"),
    /** Where its text is. */
    url: httpUrl.optional(),
    /** The credit the license asks for, shown as it is written. */
    attribution: text("attribution", LIMITS.titleChars).optional(),
  })
  .describe(
    "The license the data is published under (spdx: its SPDX identifier, where it has one; name: as people read it; url: its text; attribution: the credit it asks for, shown as written). Shown with the data wherever it is shown or exported.",
  );

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: title(),
  publisher: name("publisher").optional(),
  author: name("author").optional(),
  /** Shown as a link: only `https:` and `http:` addresses are accepted. */
  url: httpUrl.optional(),
  date: isoDateSchema.optional(),
  /** The terms its data is published under, where they bind what is built from it. */
  license: licenseSchema.optional(),
  note: text("note").optional(),
});

/**
 * A network: an autonomous system (`asn`), or an operator without one — a cable's owner, a
 * consortium — named by `id`. It needs one of the two and may have both; links name it by either
 * (see `networkRefSchema`).
 */
export const networkSchema = z.strictObject({
  id: idSchema
    .optional()
    .describe(
      "The network's id: links name it by this (as a string). A network needs an id or an AS number, and may have both.",
    ),
  asn: asnSchema
    .optional()
    .describe("Its AS number, where it has one: links name it by this (as a number)."),
  name: name(),
  country: countryCodeSchema.optional(),
  url: httpUrl.optional().describe("Its website (http or https)."),
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
export type License = z.output<typeof licenseSchema>;
export type TopologyNode = z.output<typeof nodeSchema>;
