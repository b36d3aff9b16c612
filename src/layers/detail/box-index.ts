/**
 * A spatial index over boxes of longitude and latitude (the parts of the links' paths), answering
 * which intersect a view, across the antimeridian: flatbush's packed R-tree, built once.
 *
 * Boxes are stored with their west edge in [-180, 180) and their east edge up to 360° further
 * (a path across the antimeridian has unwrapped longitudes: 170…190, say). A view is a box of the
 * same kind; it is searched as it is and shifted a world either way, which finds every box that
 * meets it on the sphere.
 */
import Flatbush from "flatbush";
import { wrapLongitude } from "../../model/route";

/** `[west, south, east, north]` in degrees; east > west, and east may pass 180. */
export type LonLatBox = readonly [number, number, number, number];

/** The whole worlds that move a west edge `west` into [-180, 180), in degrees. */
const worldShift = (west: number) => wrapLongitude(west) - west;

/** Whether a box from `west` to `east` spans every longitude. */
const spansWorld = (west: number, east: number) => east - west >= 360;

/** `box` moved by whole worlds so that its west edge is in [-180, 180). */
export function normalizeBox(box: LonLatBox): LonLatBox {
  const [west, south, east, north] = box;
  const shift = worldShift(west);
  return [west + shift, south, east + shift, north];
}

/** Whether `box` spans every longitude. */
export const fullCircle = (box: LonLatBox): boolean => spansWorld(box[0], box[2]);

export interface BoxIndex {
  readonly size: number;
  /** The indices of the boxes that meet `view`, in no order, each once. */
  search(view: LonLatBox): number[];
}

/**
 * Indexes `boxes`: `[west, south, east, north]` of each box, one after another (a list of boxes
 * would be an array per part).
 */
export function createBoxIndex(boxes: ArrayLike<number>): BoxIndex {
  return openBoxIndex(buildBoxTree(boxes), boxes.length >> 2);
}

/**
 * The packed tree of `boxes` (as for {@link createBoxIndex}): one buffer, which a worker can build
 * and hand over, and {@link openBoxIndex} opens without building it again.
 */
export function buildBoxTree(boxes: ArrayLike<number>): ArrayBuffer {
  const size = boxes.length >> 2;
  // flatbush wants at least one item.
  const tree = new Flatbush(Math.max(1, size));
  for (let i = 0; i < size; i++) {
    const west = boxes[4 * i] as number;
    const south = boxes[4 * i + 1] as number;
    const east = boxes[4 * i + 2] as number;
    const north = boxes[4 * i + 3] as number;
    // A box round the whole world meets a view at any longitude, shifted or not; any other is
    // moved as `normalizeBox` moves it, without an array per box (there are many).
    const shift = worldShift(west);
    if (spansWorld(west, east)) tree.add(-180, south, 540, north);
    else tree.add(west + shift, south, east + shift, north);
  }
  if (size === 0) tree.add(0, 0, 0, 0);
  tree.finish();
  return tree.data as ArrayBuffer;
}

/** The index of a tree of `size` boxes made by {@link buildBoxTree}. */
export function openBoxIndex(data: ArrayBuffer, size: number): BoxIndex {
  const tree = Flatbush.from(data);
  return {
    size,
    search(view) {
      const [west, south, east, north] = fullCircle(view)
        ? ([-180, view[1], 540, view[3]] as const)
        : normalizeBox(view);
      const found = new Set<number>();
      for (const shift of [-360, 0, 360]) {
        for (const i of tree.search(west + shift, south, east + shift, north)) {
          if (i < size) found.add(i);
        }
      }
      return [...found];
    },
  };
}
