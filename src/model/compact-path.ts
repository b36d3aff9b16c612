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
 * object per vertex. Its files import only `count.ts`, so a page can decode without the validator.
 *
 * The parts: `compact-path-format.ts` (the header, alphabet and bounds both sides share),
 * `compact-path-decoder.ts`, `compact-path-encoder.ts` and `coordinate-arena.ts` (where decoded
 * coordinates go).
 */

export { type DecodedPath, type DecodeOptions, decodeCompactPath } from "./compact-path-decoder";
export { encodeCompactPath, encodeShortestPath } from "./compact-path-encoder";
export {
  COMPACT_PATH_DIGITS,
  COMPACT_PATH_PATTERN,
  COMPACT_PATH_ZEROS,
  type CompactPathEncoding,
  DEFAULT_PATH_DECIMALS,
  maxCompactPathLength,
} from "./compact-path-format";
export { type Allocate, createCoordinateArena } from "./coordinate-arena";
