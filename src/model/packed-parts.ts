/**
 * A path of several parts (a cable's trunk and branches) as the readers keep it: every part's
 * interleaved longitudes and latitudes in one array, one part after another, and the vertex at
 * which each part starts (see `path-coordinates.ts`). Paths of one part never come here: they
 * stay one array, with no starts, as before parts existed.
 */
import { type Allocate, decodeCompactPath } from "./compact-path";
import { flattenVertices } from "./path-coordinates";

/** The parts of one path in one array, and the first vertex of each part. */
export interface PackedParts {
  readonly coordinates: Float64Array;
  readonly starts: Uint32Array;
}

/** What is wrong with one part of a path: its index among the parts, and why. */
export interface PartProblem {
  readonly part: number;
  readonly message: string;
}

/** `parts` (interleaved coordinates each) copied one after another into one array from `allocate`. */
export function packParts(parts: readonly ArrayLike<number>[], allocate: Allocate): PackedParts {
  let length = 0;
  for (const part of parts) length += part.length;
  const coordinates = allocate(length);
  const starts = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as ArrayLike<number>;
    starts[i] = at >> 1;
    coordinates.set(part, at);
    at += part.length;
  }
  return { coordinates, starts };
}

/** `parts`, each a list of `[lon, lat]` vertices, packed into one array from `allocate`. */
export function packVertexParts(
  parts: readonly (readonly (readonly [number, number])[])[],
  allocate: Allocate,
): PackedParts {
  let vertices = 0;
  for (const part of parts) vertices += part.length;
  const coordinates = allocate(2 * vertices);
  const starts = new Uint32Array(parts.length);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as readonly (readonly [number, number])[];
    starts[i] = at;
    flattenVertices(part, coordinates.subarray(2 * at));
    at += part.length;
  }
  return { coordinates, starts };
}

/**
 * Decodes `texts`, the compact parts of one path, into one array from `allocate`; or, when any
 * part does not decode, the problem of every part that does not (checked as one compact path is,
 * each part with at most `maxVertices` vertices).
 */
export function decodeCompactParts(
  texts: readonly string[],
  allocate: Allocate,
  maxVertices: number,
): PackedParts | { readonly problems: PartProblem[] } {
  const decoded: Float64Array[] = [];
  const problems: PartProblem[] = [];
  for (let i = 0; i < texts.length; i++) {
    // Each part into an array of its own, then all of them into the caller's space in one piece.
    const part = decodeCompactPath(texts[i] as string, { maxVertices });
    if (part.problem !== undefined) problems.push({ part: i, message: part.problem });
    else decoded.push(part.coordinates);
  }
  return problems.length > 0 ? { problems } : packParts(decoded, allocate);
}
