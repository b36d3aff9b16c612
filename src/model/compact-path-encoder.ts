/**
 * The compact path's encoder (see `compact-path.ts` for the format): rounds a path's coordinates
 * and writes them in either form, or in the shorter of the two.
 */
import {
  ALPHABET,
  BITS,
  type CompactPathEncoding,
  DEFAULT_PATH_DECIMALS,
  COMPACT_PATH_DIGITS as MAX_DIGITS,
  MORE,
  ORDER,
} from "./compact-path-format";

/** The largest zigzag number the encoder writes: what 10 digits of `q` hold (`b` holds more). */
const MAX_NUMBER = 2 ** (5 * MAX_DIGITS) - 1;

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
