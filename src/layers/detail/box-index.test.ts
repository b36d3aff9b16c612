import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildBoxTree,
  createBoxIndex,
  type LonLatBox,
  normalizeBox,
  openBoxIndex,
} from "./box-index";

const mod360 = (x: number) => ((x % 360) + 360) % 360;

/**
 * Whether two boxes meet on the sphere, written independently of the index: each longitude
 * range as an arc (a start and a length), two arcs meeting when either starts within the other.
 */
function meets(a: LonLatBox, b: LonLatBox): boolean {
  if (a[1] > b[3] || b[1] > a[3]) return false;
  const lengthA = a[2] - a[0];
  const lengthB = b[2] - b[0];
  if (lengthA >= 360 || lengthB >= 360) return true;
  return mod360(b[0] - a[0]) <= lengthA || mod360(a[0] - b[0]) <= lengthB;
}

/** Degrees in eighths: exact in binary, so touching edges touch in both answers. */
const eighths = (min: number, max: number) =>
  fc.integer({ min: min * 8, max: max * 8 }).map((n) => n / 8);

/** A box whose west edge is anywhere (even past ±180, as a view's can be) and up to 400° wide. */
const box = fc
  .tuple(eighths(-540, 540), eighths(0, 400), eighths(-90, 90), eighths(0, 60))
  .map(
    ([west, width, south, height]): LonLatBox => [
      west,
      south,
      west + width,
      Math.min(90, south + height),
    ],
  );

/** Mostly narrow boxes, as links' parts are, some across the antimeridian. */
const partBox = fc.oneof(
  {
    weight: 4,
    arbitrary: box.map((b): LonLatBox => [b[0], b[1], b[0] + (b[2] - b[0]) / 8, b[3]]),
  },
  { weight: 1, arbitrary: box },
);

describe("createBoxIndex", () => {
  it("finds exactly the boxes that meet a view, across the antimeridian (against a full scan)", () => {
    fc.assert(
      fc.property(
        fc.array(partBox, { maxLength: 120 }),
        fc.array(box, { minLength: 1, maxLength: 8 }),
        (boxes, views) => {
          const index = createBoxIndex(boxes.flat());
          for (const view of views) {
            const found = index.search(view).sort((a, b) => a - b);
            const expected = boxes.flatMap((b, i) => (meets(b, view) ? [i] : []));
            expect(found).toEqual(expected);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds a path across the antimeridian from either side", () => {
    // A cable from Fiji (178°E) to Samoa (172°W), stored unwrapped: 178…188.
    const index = createBoxIndex([178, -18, 188, -13]);
    expect(index.search([170, -20, 179, -10])).toEqual([0]);
    expect(index.search([-175, -20, -170, -10])).toEqual([0]);
    expect(index.search([540 - 360 + 5, -20, 540 - 360 + 6, -10])).toEqual([0]);
    expect(index.search([-160, -20, -150, -10])).toEqual([]);
    expect(index.search([178, 0, 188, 10])).toEqual([]);
  });

  it("answers an empty index with nothing", () => {
    expect(createBoxIndex([]).search([-180, -90, 180, 90])).toEqual([]);
    expect(openBoxIndex(buildBoxTree([]), 0).search([-180, -90, 180, 90])).toEqual([]);
  });

  it("opens a tree built elsewhere and handed over, as a worker hands it to the page", () => {
    fc.assert(
      fc.property(fc.array(partBox, { maxLength: 60 }), box, (boxes, view) => {
        const tree = buildBoxTree(boxes.flat());
        const handed = structuredClone(tree, { transfer: [tree] });
        expect(tree.byteLength).toBe(0);
        const found = openBoxIndex(handed, boxes.length).search(view);
        expect(found.sort((a, b) => a - b)).toEqual(
          boxes.flatMap((b, i) => (meets(b, view) ? [i] : [])),
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe("normalizeBox", () => {
  it("moves a box by whole worlds so its west edge is in [-180, 180)", () => {
    expect(normalizeBox([190, 0, 200, 1])).toEqual([-170, 0, -160, 1]);
    expect(normalizeBox([-200, 0, -150, 1])).toEqual([160, 0, 210, 1]);
    expect(normalizeBox([180, 0, 181, 1])).toEqual([-180, 0, -179, 1]);
  });
});
