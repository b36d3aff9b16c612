/** Where decoded coordinates go: one array per path, or views into a few shared buffers. */

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
