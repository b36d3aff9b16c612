/**
 * The compact form of a link's path: one string instead of a list of `[lon, lat]` vertices, for
 * datasets too large for plain coordinates (generated benchmarks, imports of 100,000s of links).
 *
 * `"q5:gxJh…"` reads as: `q5`, coordinates rounded to 5 decimals (integers in units of 1e-5°,
 * about 1 m); after the colon, the path's numbers — longitude, latitude, longitude, latitude… —
 * each written as a variable number of base64url digits (`A–Z a–z 0–9 - _`). A digit carries 5
 * bits of the number, lowest first, plus a sixth bit (32) that says another digit follows.
 * Numbers are zigzag-coded (0, -1, 1, -2… as 0, 1, 2, 3…). Along each axis, the first vertex is
 * written as it is, the second as its difference from the first, the third as the second
 * difference, and every later one as the third difference: a densified great circle changes
 * smoothly, so those are small — mostly one digit — and decoding is integer arithmetic, exact
 * on every JavaScript engine.
 *
 * Decoding writes straight into a `Float64Array` of interleaved longitudes and latitudes: no
 * object per vertex. This module imports nothing, so a page can decode without the validator.
 */

/** What a compact path looks like (the JSON Schema shows it; the decoder checks it). */
export const COMPACT_PATH_PATTERN = "^q[0-9]:[A-Za-z0-9_-]*$";
/** Digits of one number at most: 50 bits, so every sum stays an exact integer in a double. */
export const COMPACT_PATH_DIGITS = 10;
/** Decimals when the writer does not say: 1e-5°, about 1 m, well within a 50 km densification. */
export const DEFAULT_PATH_DECIMALS = 5;
const MAX_DIGITS = COMPACT_PATH_DIGITS;
/** Order of the differences written after the first vertices. */
const ORDER = 3;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Value of each character code below 128; -1 for characters that are not digits. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const MORE = 32;

const count = (n: number) => n.toLocaleString("en-US");

/** Space for decoded coordinates: `allocate(n)` returns a zeroed array of length `n`. */
export type Allocate = (length: number) => Float64Array;

/**
 * An {@link Allocate} that cuts arrays out of a few large buffers, so decoding 100,000 paths
 * makes 100,000 views into a few dozen buffers rather than 100,000 buffers.
 */
export function createCoordinateArena(firstChunk = 4_096, largestChunk = 1_048_576): Allocate {
  let chunk = new Float64Array(0);
  let used = 0;
  let next = firstChunk;
  return (length) => {
    if (used + length > chunk.length) {
      chunk = new Float64Array(Math.max(length, next));
      next = Math.min(next * 2, largestChunk);
      used = 0;
    }
    const view = chunk.subarray(used, used + length);
    used += length;
    return view;
  };
}

/** The decoded path, or what is wrong with the text (a message for a problem at its path). */
export type DecodedPath =
  | { readonly coordinates: Float64Array; readonly problem?: undefined }
  | { readonly problem: string; readonly coordinates?: undefined };

const fail = (problem: string): DecodedPath => ({ problem });

/** What is wrong with the start of a compact path that does not begin with `q<digit>:`. */
function headerProblem(text: string): string {
  const colon = text.indexOf(":");
  if (colon < 0 || colon > 16) {
    return 'not a compact path (expected "q5:" or another "q<decimals>:" before the digits)';
  }
  const name = JSON.stringify(text.slice(0, colon));
  return `unknown path encoding ${name} (expected q0 to q9: q, then the decimals)`;
}

export interface DecodeOptions {
  /** Where the coordinates go (by default, a new array for each path). */
  readonly allocate?: Allocate;
  /** The most vertices a path may have (the parser passes `LIMITS.pathVertices`). */
  readonly maxVertices?: number;
}

/**
 * Decodes a compact path into interleaved longitudes and latitudes. Checks everything a plain
 * path is checked for: at least 2 and at most `maxVertices` vertices, longitudes within
 * -360…360 (paths are unwrapped), latitudes within -90…90.
 */
export function decodeCompactPath(
  text: string,
  {
    allocate = (length) => new Float64Array(length),
    maxVertices = Number.POSITIVE_INFINITY,
  }: DecodeOptions = {},
): DecodedPath {
  const decimals = text.charCodeAt(1) - 48;
  if (text.charCodeAt(0) !== 113 || !(decimals >= 0 && decimals <= 9) || text[2] !== ":") {
    return fail(headerProblem(text));
  }
  const maxChars = 3 + maxVertices * 2 * MAX_DIGITS;
  if (text.length > maxChars) {
    return fail(`is ${count(text.length)} characters long; at most ${count(maxChars)} are allowed`);
  }
  const start = 3;
  // First pass: check the digits and count the numbers, so the array is allocated once.
  let values = 0;
  let run = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DIGIT[code] as number) : -1;
    if (digit < 0) {
      return fail(
        `not base64url: ${JSON.stringify(text.charAt(i))} at character ${i} is not a digit (A–Z a–z 0–9 - _)`,
      );
    }
    run++;
    if (run > MAX_DIGITS) {
      return fail(
        `a number at character ${i - run + 1} has more than ${MAX_DIGITS} digits (a broken varint)`,
      );
    }
    if ((digit & MORE) === 0) {
      values++;
      run = 0;
    }
  }
  if (run > 0) return fail("is cut short: its last number is not finished");
  if (values % 2 !== 0) {
    return fail(
      `decodes to ${count(values)} numbers, an odd count; expected longitude, latitude pairs`,
    );
  }
  const vertices = values / 2;
  if (vertices < 2) {
    return fail(
      `decodes to ${vertices} ${vertices === 1 ? "vertex" : "vertices"}; a path needs at least 2`,
    );
  }
  if (vertices > maxVertices) {
    return fail(
      `decodes to ${count(vertices)} vertices; at most ${count(maxVertices)} are allowed`,
    );
  }

  const scale = 10 ** decimals;
  const out = allocate(values);
  // Per axis, the coordinate and its latest first and second differences (in units), updated
  // from each number: the first vertex, then first, second and, from the fourth vertex on,
  // third differences (ORDER, written out).
  let x = 0;
  let x1 = 0;
  let x2 = 0;
  let y = 0;
  let y1 = 0;
  let y2 = 0;
  let k = 0;
  let number = 0;
  let weight = 1;
  for (let i = start; i < text.length; i++) {
    const digit = DIGIT[text.charCodeAt(i)] as number;
    number += (digit & (MORE - 1)) * weight;
    if (digit & MORE) {
      weight *= MORE;
      continue;
    }
    const r = number % 2 === 0 ? number / 2 : -(number + 1) / 2;
    number = 0;
    weight = 1;
    const vertex = k >> 1;
    if ((k & 1) === 0) {
      if (vertex === 0) x = r;
      else {
        if (vertex === 1) x1 = r;
        else {
          x2 = vertex === 2 ? r : x2 + r;
          x1 += x2;
        }
        x += x1;
      }
      if (Math.abs(x) > 360 * scale) return fail(offTheGlobe(vertex, "longitude", x / scale));
      out[k] = x / scale;
    } else {
      if (vertex === 0) y = r;
      else {
        if (vertex === 1) y1 = r;
        else {
          y2 = vertex === 2 ? r : y2 + r;
          y1 += y2;
        }
        y += y1;
      }
      if (Math.abs(y) > 90 * scale) return fail(offTheGlobe(vertex, "latitude", y / scale));
      out[k] = y / scale;
    }
    k++;
  }
  return { coordinates: out };
}

function offTheGlobe(vertex: number, what: "longitude" | "latitude", value: number): string {
  const range = what === "longitude" ? "-360…360 on a path" : "-90…90";
  return `vertex ${vertex} has ${what} ${value}, off the globe (${range})`;
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);

/**
 * The compact form of a path given as interleaved longitudes and latitudes, rounded to
 * `decimals` (0–9). Decoding it gives each coordinate within half a unit of the last decimal.
 */
export function encodeCompactPath(
  coordinates: ArrayLike<number>,
  decimals: number = DEFAULT_PATH_DECIMALS,
): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) {
    throw new RangeError(`invalid decimals: ${decimals}`);
  }
  if (coordinates.length % 2 !== 0) {
    throw new RangeError(`invalid coordinates: ${coordinates.length} numbers, not pairs`);
  }
  const scale = 10 ** decimals;
  const lon = [0, 0, 0, 0];
  const lat = [0, 0, 0, 0];
  const out: string[] = [`q${decimals}:`];
  for (let k = 0; k < coordinates.length; k++) {
    const value = coordinates[k] as number;
    if (!Number.isFinite(value)) throw new RangeError(`invalid coordinate: ${value}`);
    const axis = k % 2;
    const diffs = axis === 0 ? lon : lat;
    const order = Math.min((k - axis) / 2, ORDER);
    // The new differences of each order, from the previous ones; the highest is written.
    let d = Math.round(value * scale) + 0;
    for (let j = 0; j < order; j++) {
      const next = d - (diffs[j] as number);
      diffs[j] = d;
      d = next;
    }
    diffs[order] = d;
    let z = zigzag(d);
    do {
      const low = z % MORE;
      z = Math.floor(z / MORE);
      out.push(ALPHABET.charAt(z > 0 ? low + MORE : low));
    } while (z > 0);
  }
  return out.join("");
}
