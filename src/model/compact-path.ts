/**
 * The compact form of a link's path: one string instead of a list of `[lon, lat]` vertices, for
 * datasets too large for plain coordinates (generated benchmarks, imports of 100,000s of links).
 *
 * `"q5:gxJh…"` or `"b5:…"` reads as: the encoding, `q` or `b`; one digit, the decimals the
 * coordinates are rounded to (5: integers in units of 1e-5°, about 1 m); a colon; then base64url
 * characters (`A–Z a–z 0–9 - _`, worth 0 to 63 in that order) that carry the path's numbers.
 *
 * Both encodings carry the same numbers: longitude, latitude, longitude, latitude…, where along
 * each axis the first vertex is written as it is, the second as its difference from the first,
 * the third as the second difference, and every later one as the third difference. A densified
 * great circle changes smoothly, so those are small, and decoding is integer arithmetic, exact on
 * every JavaScript engine. Each number is zigzag-coded (0, -1, 1, -2… as 0, 1, 2, 3…).
 *
 * - `q` (varint digits): each number is one or more characters, each carrying 5 bits of the
 *   number, lowest first, plus a sixth bit (32) that says another character follows; at most
 *   10 characters (50 bits) a number. Most numbers of a great circle take one character.
 * - `b` (bit-packed): the characters are one stream of bits, 6 each, most significant first.
 *   A number z is written as an Exp-Golomb code of order 0: v = z + 1 has n bits (from its
 *   leading 1); write n − 1 zero bits, then v in n bits, most significant first. So 0 is `1`,
 *   1 is `010`, 2 is `011`, 3 is `00100`: the small third differences of a great circle (mostly
 *   0 to 5) take 1 to 5 bits, not 6. At most 50 zero bits lead a number, so it has at most 101
 *   bits and z is at most 2^51 − 2: every number `q` can carry, each an exact integer in a
 *   double. After the last number, fewer than 6 zero bits pad the stream to a whole character;
 *   they cannot be read as a number, as every number has a 1 after its zero bits.
 *
 * A code of `b` takes about 2 log2(z) bits, `q`'s digits about 1.2 log2(z): `b` is the shorter
 * while the numbers are small. For a 32-vertex great circle at 3 decimals, that is up to about
 * 8,000 km (under 6,000 km, about 54 characters against 76); the third differences grow with the
 * cube of the step, so a longer circle, or more decimals, is shorter in `q`.
 *
 * Decoding writes straight into a `Float64Array` of interleaved longitudes and latitudes: no
 * object per vertex. It imports only `count.ts`, so a page can decode without the validator.
 */
import { count } from "./count";

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
/** The largest zigzag number the encoder writes: what 10 digits of `q` hold (`b` holds more). */
const MAX_NUMBER = 2 ** (5 * MAX_DIGITS) - 1;
/** Order of the differences written after the first vertices. */
const ORDER = 3;
/** Characters before the numbers: `q5:`. */
const START = 3;

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Value of each character code below 128; -1 for characters that are not digits. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const MORE = 32;
const BITS = 6;
const Q = 113; // "q"
const B = 98; // "b"

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

/** What is wrong with the start of a path that begins with neither `q<digit>:` nor `b<digit>:`. */
function headerProblem(text: string): string {
  const colon = text.indexOf(":");
  if (colon < 0 || colon > 16) {
    return 'not a compact path (expected "q5:", "b5:" or another "q<decimals>:" or "b<decimals>:" before the digits)';
  }
  const name = JSON.stringify(text.slice(0, colon));
  return `unknown path encoding ${name} (expected q0 to q9 or b0 to b9: q or b, then the decimals)`;
}

const notBase64url = (text: string, i: number) =>
  `not base64url: ${JSON.stringify(text.charAt(i))} at character ${i} is not a digit (A–Z a–z 0–9 - _)`;

const CUT_SHORT = "is cut short: its last number is not finished";

/**
 * The signed number a zigzag code stands for: 0, 1, 2, 3… as 0, -1, 1, -2…; with 32-bit
 * operations in the common case, arithmetic beyond (where they would wrap).
 */
const unzigzag = (z: number) =>
  z < 2 ** 31 ? (z >>> 1) ^ -(z & 1) : z % 2 === 0 ? z / 2 : -(z + 1) / 2;

export interface DecodeOptions {
  /** Where the coordinates go (by default, a new array for each path). */
  readonly allocate?: Allocate;
  /** The most vertices a path may have (the parser passes `LIMITS.pathVertices`). */
  readonly maxVertices?: number;
}

/**
 * Decodes a compact path, either form, into interleaved longitudes and latitudes. Checks
 * everything a plain path is checked for: at least 2 and at most `maxVertices` vertices,
 * longitudes within -360…360 (paths are unwrapped), latitudes within -90…90.
 */
export function decodeCompactPath(
  text: string,
  {
    allocate = (length) => new Float64Array(length),
    maxVertices = Number.POSITIVE_INFINITY,
  }: DecodeOptions = {},
): DecodedPath {
  const form = text.charCodeAt(0);
  const decimals = text.charCodeAt(1) - 48;
  if ((form !== Q && form !== B) || !(decimals >= 0 && decimals <= 9) || text[2] !== ":") {
    return fail(headerProblem(text));
  }
  const read = form === Q ? readDigits : readBits;
  const maxChars = maxCompactPathLength(maxVertices, form === Q ? "q" : "b");
  if (text.length > maxChars) {
    return fail(`is ${count(text.length)} characters long; at most ${count(maxChars)} are allowed`);
  }
  // First pass: check the characters and count the numbers, so the array is allocated once.
  const values = read(text, undefined);
  if (typeof values === "string") return fail(values);
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
  // Second pass: the numbers into the array, then the coordinates they stand for, in place.
  const out = allocate(values);
  read(text, out);
  const problem = undoDifferences(out, 10 ** decimals);
  return problem === undefined ? { coordinates: out } : fail(problem);
}

/**
 * Reads the numbers of a `q` path: counts them, or with `out`, writes them into it (signed).
 * Returns their count, or what is wrong with the characters.
 */
function readDigits(text: string, out: Float64Array | undefined): number | string {
  let values = 0;
  let run = 0;
  let number = 0;
  let weight = 1;
  for (let i = START; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? (DIGIT[code] as number) : -1;
    if (digit < 0) return notBase64url(text, i);
    if (++run > MAX_DIGITS) {
      return `a number at character ${i - run + 1} has more than ${MAX_DIGITS} digits (a broken varint)`;
    }
    number += (digit & (MORE - 1)) * weight;
    if (digit & MORE) {
      weight *= MORE;
      continue;
    }
    if (out !== undefined) out[values] = unzigzag(number);
    values++;
    run = 0;
    number = 0;
    weight = 1;
  }
  return run > 0 ? CUT_SHORT : values;
}

/**
 * Reads the numbers of a `b` path: counts them, or with `out`, writes them into it (signed).
 * Returns their count, or what is wrong with the bit stream.
 *
 * Characters go 6 bits at a time into a buffer of 25 to 30 bits, so a number that fits in it,
 * the common case, costs a `Math.clz32` (the 1 after its zeros), a shift and a mask. A longer
 * one is read on a character at a time, by multiplication: it may exceed 32 bits, where `<<`
 * would wrap.
 */
function readBits(text: string, out: Float64Array | undefined): number | string {
  const end = text.length;
  let values = 0;
  let i = START;
  /** Bits taken from characters but not read yet: the lowest `held` bits, highest first. */
  let buffer = 0;
  let held = 0;
  for (;;) {
    while (held <= 24 && i < end) {
      const code = text.charCodeAt(i);
      const digit = code < 128 ? (DIGIT[code] as number) : -1;
      if (digit < 0) return notBase64url(text, i);
      buffer = (buffer << BITS) | digit;
      held += BITS;
      i++;
    }
    // The zeros before the number's leading 1, which then becomes the highest bit held.
    let zeros = 0;
    if (buffer !== 0) {
      const width = 32 - Math.clz32(buffer);
      zeros = held - width;
      held = width;
    } else {
      // Nothing but zeros held: the padding at the end, or a long run of zeros.
      const first = START + Math.floor(((i - START) * BITS - held) / BITS);
      zeros = held;
      for (;;) {
        if (i === end) {
          if (zeros < BITS) return values;
          return `is cut short: it ends in ${zeros} zero bits, a number not finished (padding is under ${BITS})`;
        }
        const code = text.charCodeAt(i);
        const digit = code < 128 ? (DIGIT[code] as number) : -1;
        if (digit < 0) return notBase64url(text, i);
        i++;
        const width = 32 - Math.clz32(digit);
        zeros += BITS - width;
        if (zeros > MAX_ZEROS) {
          return `a number at character ${first} has more than ${MAX_ZEROS} leading zero bits (a broken code)`;
        }
        if (digit !== 0) {
          buffer = digit;
          held = width;
          break;
        }
      }
    }
    // The number v = z + 1: its leading 1 and `zeros` more bits.
    let v: number;
    if (zeros < held) {
      held -= zeros + 1;
      v = buffer >> held;
      buffer &= (1 << held) - 1;
    } else {
      v = buffer;
      let need = zeros + 1 - held;
      for (;;) {
        if (i === end) return CUT_SHORT;
        const code = text.charCodeAt(i);
        const digit = code < 128 ? (DIGIT[code] as number) : -1;
        if (digit < 0) return notBase64url(text, i);
        i++;
        if (need > BITS) {
          v = v * 64 + digit;
          need -= BITS;
          continue;
        }
        held = BITS - need;
        v = v * (1 << need) + (digit >> held);
        buffer = digit & ((1 << held) - 1);
        break;
      }
    }
    if (out !== undefined) out[values] = unzigzag(v - 1);
    values++;
  }
}

/**
 * Turns the numbers in `out` (in units of 1/`scale` degree) into the coordinates they stand for,
 * in place: per axis, the first vertex, then first, second and, from the fourth vertex on, third
 * differences (ORDER, written out). Returns what is wrong when a vertex is off the globe.
 *
 * Every sum is an exact integer: a vertex is checked before the next is read, so a coordinate
 * and its first and second differences stay within 4 × 360 × 10^9 < 2^41, and a number of
 * either form is under 2^50 in size; together they stay far below 2^53.
 */
function undoDifferences(out: Float64Array, scale: number): string | undefined {
  const maxLongitude = 360 * scale;
  const maxLatitude = 90 * scale;
  // Per axis, the coordinate and its latest first and second differences.
  let x = 0;
  let x1 = 0;
  let x2 = 0;
  let y = 0;
  let y1 = 0;
  let y2 = 0;
  for (let k = 0; k < out.length; k += 2) {
    const vertex = k / 2;
    const a = out[k] as number;
    const b = out[k + 1] as number;
    if (vertex >= ORDER) {
      x2 += a;
      x1 += x2;
      x += x1;
      y2 += b;
      y1 += y2;
      y += y1;
    } else if (vertex === 0) {
      x = a;
      y = b;
    } else if (vertex === 1) {
      x1 = a;
      x += x1;
      y1 = b;
      y += y1;
    } else {
      x2 = a;
      x1 += x2;
      x += x1;
      y2 = b;
      y1 += y2;
      y += y1;
    }
    if (Math.abs(x) > maxLongitude) return offTheGlobe(vertex, "longitude", x / scale);
    if (Math.abs(y) > maxLatitude) return offTheGlobe(vertex, "latitude", y / scale);
    out[k] = x / scale;
    out[k + 1] = y / scale;
  }
  return undefined;
}

function offTheGlobe(vertex: number, what: "longitude" | "latitude", value: number): string {
  const range = what === "longitude" ? "-360…360 on a path" : "-90…90";
  return `vertex ${vertex} has ${what} ${value}, off the globe (${range})`;
}

const zigzag = (n: number) => (n >= 0 ? 2 * n : -2 * n - 1);

/**
 * The compact form of a path given as interleaved longitudes and latitudes, rounded to
 * `decimals` (0–9), in `encoding` (`q` by default, as files written before `b` existed).
 * Decoding it gives each coordinate within half a unit of the last decimal.
 */
export function encodeCompactPath(
  coordinates: ArrayLike<number>,
  decimals: number = DEFAULT_PATH_DECIMALS,
  encoding: CompactPathEncoding = "q",
): string {
  checkDecimals(decimals);
  if (encoding !== "q" && encoding !== "b") {
    throw new RangeError(`invalid encoding: ${JSON.stringify(encoding)} (expected "q" or "b")`);
  }
  const numbers = differences(coordinates, decimals);
  const body = encoding === "q" ? writeDigits(numbers) : writeBits(numbers);
  return `${encoding}${decimals}:${body}`;
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 9) {
    throw new RangeError(`invalid decimals: ${decimals}`);
  }
}

/**
 * The numbers both forms write for a path, zigzag-coded: per axis, the first vertex in units of
 * the last decimal, then its first, second and third differences (see the top of this module).
 */
function differences(coordinates: ArrayLike<number>, decimals: number): Float64Array {
  if (coordinates.length % 2 !== 0) {
    throw new RangeError(`invalid coordinates: ${coordinates.length} numbers, not pairs`);
  }
  const scale = 10 ** decimals;
  const lon = [0, 0, 0, 0];
  const lat = [0, 0, 0, 0];
  const numbers = new Float64Array(coordinates.length);
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
    const z = zigzag(d);
    // Far beyond the globe; a decoder would refuse it (and a rounded infinity has no digits).
    if (!(z <= MAX_NUMBER)) {
      const alone = zigzag(Math.round(value * scale)) <= MAX_NUMBER;
      const what = alone ? "too far from the ones before it" : "too large";
      throw new RangeError(
        `invalid coordinate: ${value}, ${what} to write at ${decimals} decimals`,
      );
    }
    numbers[k] = z;
  }
  return numbers;
}

/** The `q` form's digits for zigzag numbers: 5 bits each, lowest first, + 32 if more follow. */
function writeDigits(numbers: Float64Array): string {
  const out: string[] = [];
  for (let z of numbers) {
    do {
      const low = z % MORE;
      z = Math.floor(z / MORE);
      out.push(ALPHABET.charAt(z > 0 ? low + MORE : low));
    } while (z > 0);
  }
  return out.join("");
}

/** Bits in `v` from its leading 1 (`v` ≥ 1, possibly above 2^32). */
const bitLength = (v: number): number =>
  v < 2 ** 31 ? 32 - Math.clz32(v) : 32 + bitLength(Math.floor(v / 2 ** 32));

/** Bits written at once by `writeBits`: with the up to 5 still held, they fit in 31. */
const CHUNK = 24;

/** The `b` form's characters for zigzag numbers: Exp-Golomb codes in one stream, 6 bits each. */
function writeBits(numbers: Float64Array): string {
  const out: string[] = [];
  /** Bits not written yet: the lowest `held` of `pending` (fewer than 6 between calls). */
  let pending = 0;
  let held = 0;
  const put = (value: number, width: number) => {
    pending = (pending << width) | value;
    held += width;
    while (held >= BITS) {
      held -= BITS;
      out.push(ALPHABET.charAt((pending >> held) & 63));
    }
    pending &= (1 << held) - 1;
  };
  for (const z of numbers) {
    const v = z + 1;
    const n = bitLength(v);
    // n - 1 zeros, then v in n bits: v in 2n - 1 bits, at once when it fits.
    if (2 * n - 1 <= CHUNK) {
      put(v, 2 * n - 1);
      continue;
    }
    for (let zeros = n - 1; zeros > 0; zeros -= CHUNK) put(0, Math.min(zeros, CHUNK));
    for (let rest = n; rest > 0; ) {
      const width = Math.min(rest, CHUNK);
      rest -= width;
      put(Math.floor(v / 2 ** rest) % 2 ** width, width);
    }
  }
  if (held > 0) put(0, BITS - held);
  return out.join("");
}

/**
 * The shorter of the two forms of a path (`b` for most paths under about 8,000 km at 3 decimals,
 * `q` for longer ones): what a writer of large files uses, as a reader takes either per path.
 */
export function encodeShortestPath(
  coordinates: ArrayLike<number>,
  decimals: number = DEFAULT_PATH_DECIMALS,
): string {
  checkDecimals(decimals);
  // The numbers are the same in both forms: work them out once, write them twice.
  const numbers = differences(coordinates, decimals);
  const q = writeDigits(numbers);
  const b = writeBits(numbers);
  return b.length < q.length ? `b${decimals}:${b}` : `q${decimals}:${q}`;
}
