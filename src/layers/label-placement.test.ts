import { describe, expect, it } from "vitest";
import { type LabelCandidate, placeCentredLabels, placeLabels } from "./label-placement";

const label = (id: string, x: number, y: number, priority = 1): LabelCandidate => ({
  id,
  x,
  y,
  width: 60,
  height: 14,
  priority,
});

describe("placeLabels", () => {
  it("puts a lone label to the right of its point", () => {
    expect(placeLabels([label("a", 100, 100)])).toEqual(new Map([["a", "right"]]));
  });

  it("puts the less important of two close labels on the left", () => {
    const placed = placeLabels([label("dandong", 100, 100, 2), label("sinuiju", 101, 104, 1)]);
    expect(placed.get("dandong")).toBe("right");
    expect(placed.get("sinuiju")).toBe("left");
  });

  it("leaves out a label that fits on neither side", () => {
    const placed = placeLabels([
      label("a", 100, 100, 3),
      label("b", 102, 102, 2),
      label("c", 104, 98, 1),
    ]);
    expect([...placed.keys()].sort()).toEqual(["a", "b"]);
  });

  it("never covers another place's point", () => {
    const placed = placeLabels([label("a", 100, 100, 2), label("b", 140, 100, 1)]);
    expect(placed.get("a")).toBe("left");
    expect(placed.get("b")).toBe("right");
  });
});

describe("placeCentredLabels", () => {
  it("keeps the more important of two overlapping centred labels", () => {
    const placed = placeCentredLabels([
      label("russia", 100, 100, 5),
      label("mongolia", 110, 104, 1),
      label("chile", 400, 400, 1),
    ]);
    expect([...placed].sort()).toEqual(["chile", "russia"]);
  });
});
