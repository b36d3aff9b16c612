/**
 * The levels of detail of the links' paths: one per zoom from 0 to MAX_LEVEL, each simplified to
 * a fraction of a pixel at its zoom (see `simplify.ts`).
 */

/** Levels are zooms 0…MAX_LEVEL; past it, paths are drawn whole. */
export const MAX_LEVEL = 10;

/**
 * The level for a camera: the first whole zoom at or above the camera's, counted in device
 * pixels (and, on a tilted map, at its near side), so the level's tolerance is at most its
 * fraction of a pixel on the screen; `null` past the last level: whole paths.
 */
export function detailLevel(zoom: number, pixelRatio: number, pitch: number): number | null {
  // A tilted map shows its near side larger than its centre: about twice at 60°.
  const tilt = pitch > 30 ? 2 : pitch > 0 ? 1 : 0;
  const level = Math.max(0, Math.ceil(zoom + Math.log2(Math.max(1, pixelRatio)) + tilt - 1e-9));
  return level > MAX_LEVEL ? null : level;
}
