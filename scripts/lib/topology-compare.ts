/**
 * Whether a topology read back from a written file is the one that was written: the check behind
 * every compact file the pipeline writes, where paths are rounded and links move into a table.
 */
import { isDeepStrictEqual } from "node:util";
import { pathCoordinates, pathPartStarts } from "../../src/model/path-coordinates";
import type { Link, Topology } from "../../src/model/schema";

/** How far a re-read topology may stray from the written one. */
export interface Tolerance {
  /** Coordinates of paths are rounded to this many decimals (`undefined`: exact). */
  readonly decimals?: number | undefined;
}

// Lists a link always has, where empty is a value of its own (an `active` list empty while planned).
const REQUIRED_LISTS: ReadonlySet<string> = new Set([
  "active",
  "sources",
  "countries",
  "crossings",
]);
// A link table leaves a length out when the reader's (from the rounded path) is within 0.1 km.
const LENGTH_KM = 0.1 + 1e-9;

/**
 * The differences between `expected` and `actual`, at most `limit`, each naming where
 * (`links["tat-14"].path[12]: …`); empty when they are the same topology. Links are matched by
 * id, as a link table reorders them; paths may differ by half a unit of the last decimal, lengths
 * by 0.1 km, and an optional list may be empty on one side and absent on the other.
 */
export function topologyDifferences(
  expected: Topology,
  actual: Topology,
  { decimals }: Tolerance = {},
  limit = 10,
): string[] {
  const out: string[] = [];
  const add = (text: string) => {
    if (out.length < limit) out.push(text);
  };
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    if (key === "links") continue;
    const a = (expected as Record<string, unknown>)[key];
    const b = (actual as Record<string, unknown>)[key];
    if (!isDeepStrictEqual(a, b)) add(`${key}: differs`);
  }
  const byId = new Map(actual.links.map((l) => [l.id, l]));
  if (actual.links.length !== expected.links.length) {
    add(`links: ${expected.links.length} written, ${actual.links.length} read back`);
  }
  const slack = decimals === undefined ? 1e-12 : 0.5 * 10 ** -decimals + 1e-9;
  for (const link of expected.links) {
    const other = byId.get(link.id);
    if (!other) add(`links["${link.id}"]: missing`);
    else for (const d of linkDifferences(link, other, slack)) add(`links["${link.id}"].${d}`);
    if (out.length >= limit) break;
  }
  return out;
}

/** An empty list of an optional field (`via: []`) says what its absence says: there are none. */
const orNone = (value: unknown) => (Array.isArray(value) && value.length === 0 ? undefined : value);

function linkDifferences(expected: Link, actual: Link, slack: number): string[] {
  const out: string[] = [];
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const key of keys) {
    if (key === "path" || key === "lengthKm") continue;
    const a = (expected as Record<string, unknown>)[key];
    const b = (actual as Record<string, unknown>)[key];
    const same = REQUIRED_LISTS.has(key)
      ? isDeepStrictEqual(a, b)
      : isDeepStrictEqual(orNone(a), orNone(b));
    if (!same) out.push(`${key}: differs`);
  }
  if (Math.abs(expected.lengthKm - actual.lengthKm) > LENGTH_KM) {
    out.push(`lengthKm: ${expected.lengthKm} written, ${actual.lengthKm} read back`);
  }
  const starts = [pathPartStarts(expected), pathPartStarts(actual)];
  if (!isDeepStrictEqual([...(starts[0] ?? [])], [...(starts[1] ?? [])])) {
    out.push("path: its parts differ");
    return out;
  }
  const a = pathCoordinates(expected);
  const b = pathCoordinates(actual);
  if (a.length !== b.length) {
    out.push(`path: ${a.length / 2} vertices written, ${b.length / 2} read back`);
    return out;
  }
  for (let i = 0; i < a.length; i++) {
    const delta = Math.abs((a[i] as number) - (b[i] as number));
    if (!(delta <= slack)) {
      out.push(`path[${i >> 1}]: moved by ${delta}° (more than ${slack}°)`);
      break;
    }
  }
  return out;
}
