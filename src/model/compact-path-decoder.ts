/**
 * The compact path's decoder (see `compact-path.ts` for the format): checks a text as strictly as
 * a plain path is checked and writes its coordinates straight into a `Float64Array`.
 */
import {
  ALPHABET,
  BITS,
  COMPACT_PATH_DIGITS as MAX_DIGITS,
  COMPACT_PATH_ZEROS as MAX_ZEROS,
  MORE,
  maxCompactPathLength,
  ORDER,
  START,
} from "./compact-path-format";
import type { Allocate } from "./coordinate-arena";
import { count } from "./count";

/** Value of each character code below 128; -1 for characters that are not digits. */
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
const Q = 113; // "q"
const B = 98; // "b"

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
