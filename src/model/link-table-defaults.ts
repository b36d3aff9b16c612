/**
 * What a link gets for the fields its link table row leaves out (see `link-table.ts`): its name,
 * length and countries, from its ends and its path.
 */
import { fieldOf } from "./link-table-input";
import { defineOwnField, pathCoordinates, pathPartStarts } from "./path-coordinates";
import { packedPartsLengthKm } from "./route";
import type { Link } from "./schema";

/** The name of a row whose `name` is missing or null: its ends' names, "From – To". */
export const defaultLinkName = (from: unknown, to: unknown) => `${String(from)} – ${String(to)}`;

/**
 * The `lengthKm` of a row that gives none: its path's length, to 0.1 km; for a path of parts
 * starting at the vertices `starts`, the sum of the parts' lengths.
 */
export const derivedLengthKm = (coordinates: ArrayLike<number>, starts?: ArrayLike<number>) =>
  Math.round(packedPartsLengthKm(coordinates, starts) * 10) / 10;

/**
 * The `lengthKm` of a link whose row gives none, as an accessor shared by every such link: the
 * length of its path ({@link derivedLengthKm}), computed when first read, then kept as a plain
 * property. Only the details of a link show it, so a large table need not measure every path
 * (a few tenths of a second at 100,000 links) before it is drawn. Assigning it sets it.
 */
export const DERIVED_LENGTH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Link) {
    const km = derivedLengthKm(pathCoordinates(this), pathPartStarts(this));
    defineOwnField(this, "lengthKm", km);
    return km;
  },
  set(this: Link, value: unknown) {
    defineOwnField(this, "lengthKm", value);
  },
};

/** The countries of a link's two ends, each once, in order. */
export function endpointCountries(from: unknown, to: unknown): string[] {
  const out: string[] = [];
  for (const end of [from, to]) {
    const country = fieldOf(end, "country");
    if (typeof country === "string" && !out.includes(country)) out.push(country);
  }
  return out;
}
