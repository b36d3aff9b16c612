/**
 * The building blocks of the topology format's schemas: its size limits, the fields every kind of
 * record shares (ids, countries, dates, AS numbers, texts, coordinates) and bounded lists.
 */
import * as z from "zod";
import { count } from "./count";

// The app's Content Security Policy forbids eval, so zod must not compile its checks, nor probe
// whether it may as its schemas are built (browsers report that probe as a violation). Set here,
// before the first schema; measured no slower.
z.config({ jitless: true });

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
  /** Vertices of one part of a link's path. */
  pathVertices: 10_000,
  /** Parts of one link's path (a cable's trunk and branches). */
  pathParts: 1_000,
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

/** A text of 1 to `max` characters; `what` names it in messages. */
export const text = (what: string, max: number = LIMITS.textChars) =>
  z
    .string({ error: `expected ${what} text` })
    .min(1, { error: `${what} is empty` })
    .max(max, {
      error: (issue) =>
        `${what} is ${count(String(issue.input).length)} characters long; at most ${count(max)} are allowed`,
    });
/** A name: a text of at most `LIMITS.nameChars` characters. */
export const name = (what = "name") => text(what, LIMITS.nameChars);
/** A title: a text of at most `LIMITS.titleChars` characters. */
export const title = (what = "title") => text(what, LIMITS.titleChars);

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

/**
 * A network as a link names it: its AS number, or the id of a network without one (a cable's
 * owner, a consortium).
 */
export const networkRefSchema = z.union([asnSchema, idSchema], {
  error: "expected an AS number or a network id",
});

/** A list of ids, names or numbers within a record (waypoints, cited sources, AS numbers…). */
export const items = <T extends z.ZodType>(
  item: T,
  what: string,
  min?: readonly [number, string],
) => list(item, { what, max: LIMITS.items, ...(min ? { min } : {}) });

/** The sources a record cites: at least one. */
export const sourceRefs = items(idSchema, "source ids", [1, "cites no source"]);
/** The note fields of networks, nodes, links and events: one definition, so they read alike. */
export const notes = {
  /** Free text shown with the record. */
  note: text("note").optional(),
  /** Statements in the record that are assumptions, not reported facts. */
  assumptions: items(text("assumption"), "assumptions").optional(),
};
