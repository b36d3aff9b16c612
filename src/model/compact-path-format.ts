/**
 * The compact path's format, shared by its decoder and encoder (see `compact-path.ts`): the
 * header, the digit alphabet and the bounds on a number and on a path's length.
 */

/** What a compact path looks like (the JSON Schema shows it; the decoder checks it). */
export const COMPACT_PATH_PATTERN = "^[qb][0-9]:[A-Za-z0-9_-]*$";
/** Digits of one number of the `q` form at most: 50 bits, so every sum stays exact in a double. */
export const COMPACT_PATH_DIGITS = 10;
/**
 * Zero bits before one number of the `b` form at most: 50, the fewest that carry every number of
 * the `q` form (up to 2^50 − 1, whose v = 2^50 has 51 bits). A number then has at most 101 bits.
 */
export const COMPACT_PATH_ZEROS = 50;
/** Decimals when the writer does not say: 1e-5°, about 1 m, well within a 50 km densification. */
export const DEFAULT_PATH_DECIMALS = 5;
/** `q`: 5-bit varint digits; `b`: bit-packed Exp-Golomb codes, shorter for small numbers. */
export type CompactPathEncoding = "q" | "b";

const MAX_DIGITS = COMPACT_PATH_DIGITS;
const MAX_ZEROS = COMPACT_PATH_ZEROS;
/** Bits of one number of the `b` form at most: its zeros, then as many bits and one more. */
const MAX_BITS = 2 * MAX_ZEROS + 1;
/** Order of the differences written after the first vertices. */
export const ORDER = 3;
/** Characters before the numbers: `q5:`. */
export const START = 3;

/** The digits, worth 0 to 63 in this order: base64url. */
export const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** In a `q` digit, the bit that says another digit of the number follows. */
export const MORE = 32;
/** Bits of one character. */
export const BITS = 6;

/**
 * The longest text a path of `maxVertices` vertices may take in `encoding` (by default, in
 * either): the header and two numbers of the most digits or bits the decoder accepts. A `b`
 * path may take more (33⅔ characters a vertex against 20), so a length limit for both forms
 * takes this without an encoding. Valid coordinates never need that much (at most 27⅔ and 18);
 * the bound only lets the decoder refuse an absurd text before reading it.
 */
export function maxCompactPathLength(maxVertices: number, encoding?: CompactPathEncoding): number {
  const q = START + maxVertices * 2 * MAX_DIGITS;
  const b = START + Math.ceil((maxVertices * 2 * MAX_BITS) / BITS);
  return encoding === "q" ? q : encoding === "b" ? b : Math.max(q, b);
}
