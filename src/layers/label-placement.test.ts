import { describe, expect, it } from "vitest";
import {
  type LabelCandidate,
  labelBudget,
  MUST_PLACE,
  placeCentredLabels,
  placeLabels,
} from "./label-placement";

const label = (id: string, x: number, y: number, priority = 1): LabelCandidate => ({
  id,
  x,
  y,
  width: 60,
  height: 14,
  priority,
});

/** A 1000×600 map with nothing over it. */
const map = { width: 1000, height: 600 };

describe("placeLabels", () => {
  it("puts a lone label to the right of its point", () => {
    expect(placeLabels([label("a", 100, 100)], map)).toEqual(new Map([["a", "right"]]));
  });

  it("puts the less important of two close labels on the left", () => {
    const placed = placeLabels([label("dandong", 100, 100, 2), label("sinuiju", 101, 104, 1)], map);
    expect(placed.get("dandong")).toBe("right");
    expect(placed.get("sinuiju")).toBe("left");
  });

  it("puts a label above or below its point when both sides are taken", () => {
    const placed = placeLabels(
      [label("a", 100, 100, 3), label("b", 102, 102, 2), label("c", 104, 98, 1)],
      map,
    );
    // Three points within 6 px: one name on each side would collide, so one goes up or down.
    expect(placed.size).toBe(3);
    expect([...placed.values()].some((side) => side === "above" || side === "below")).toBe(true);
  });

  it("leaves out a label that fits nowhere", () => {
    // Bands of panel above and below leave room for names beside the points only.
    const panels = [
      { x0: 0, y0: 0, x1: 1000, y1: 90 },
      { x0: 0, y0: 110, x1: 1000, y1: 600 },
    ];
    const placed = placeLabels(
      [label("a", 100, 100, 3), label("b", 102, 102, 2), label("c", 104, 98, 1)],
      { ...map, panels },
    );
    expect([...placed.keys()].sort()).toEqual(["a", "b"]);
  });

  it("never covers another place's point", () => {
    const placed = placeLabels([label("a", 100, 100, 2), label("b", 140, 100, 1)], map);
    expect(placed.get("a")).toBe("left");
    expect(placed.get("b")).toBe("right");
  });

  it("never covers a symbol drawn larger than a point, such as a cluster", () => {
    const points = [
      { id: "a", x: 100, y: 100, r: 4 },
      { id: "cluster:1", x: 150, y: 100, r: 20 },
    ];
    expect(placeLabels([label("a", 100, 100)], { ...map, points }).get("a")).toBe("left");
  });

  it("places labels in priority order up to the budget", () => {
    const far = [label("small", 100, 100, 1), label("big", 400, 300, 9), label("mid", 700, 500, 5)];
    expect([...placeLabels(far, { ...map, budget: 2 }).keys()]).toEqual(["big", "mid"]);
  });

  it("always places a label that must be placed, beyond the budget and over a neighbour", () => {
    const placed = placeLabels(
      [
        label("busy", 100, 100, 50),
        label("other", 110, 100, 40),
        label("chosen", 104, 101, MUST_PLACE),
      ],
      { ...map, budget: 1 },
    );
    expect(placed.has("chosen")).toBe(true);
    expect(placed.has("busy")).toBe(true);
    expect(placed.has("other")).toBe(false);
  });

  it("draws no label under a panel, nor for a point a panel hides", () => {
    // A sidebar over the left 300 pixels: "a" would run under it on the left, so goes right.
    const panels = [{ x0: 0, y0: 0, x1: 300, y1: 600 }];
    const placed = placeLabels(
      [label("under", 200, 100, 9), label("edge", 340, 300), label("b", 400, 300, 2)],
      { ...map, panels },
    );
    expect(placed.has("under")).toBe(false);
    expect(placed.get("b")).toBe("right");
    // "edge" has no room right (b's point and label) and its left runs under the panel.
    expect(["above", "below"]).toContain(placed.get("edge"));
  });

  it("does not place even a chosen place's label under a panel", () => {
    const panels = [{ x0: 0, y0: 0, x1: 1000, y1: 120 }];
    expect(placeLabels([label("top", 500, 100, MUST_PLACE)], { ...map, panels }).size).toBe(0);
  });

  it("names a place hidden under a neighbour's dot, above or below it", () => {
    // Tumangang lies 3 px from Khasan, whose name is on the right and Rajin's on the left.
    const placed = placeLabels(
      [label("khasan", 500, 300, 3), label("rajin", 470, 310, 2), label("tumangang", 498, 301, 1)],
      map,
    );
    expect(placed.size).toBe(3);
    expect(["above", "below"]).toContain(placed.get("tumangang"));
  });

  it("keeps labels on the map", () => {
    expect(placeLabels([label("east", 980, 300)], map).get("east")).toBe("left");
  });
});

describe("labelBudget", () => {
  it("holds few names at a world view and many more at a regional one", () => {
    const fullHd = 1920 * 1080;
    expect(labelBudget(1.6, fullHd)).toBeLessThanOrEqual(60);
    expect(labelBudget(5, fullHd)).toBeGreaterThan(8 * labelBudget(1.6, fullHd));
  });

  it("grows with the clear area of the map", () => {
    expect(labelBudget(3, 2_000_000)).toBeGreaterThan(labelBudget(3, 500_000));
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

  it("places a label at its next place when the first is taken, and only once", () => {
    const panel = { x0: 0, y0: 0, x1: 200, y1: 200 };
    const placed = placeCentredLabels(
      [
        { ...label("usa", 150, 150, 5), group: "US" },
        { ...label("usa-east", 400, 150, 4), group: "US" },
        { ...label("usa-south", 400, 300, 3), group: "US" },
      ],
      [panel],
    );
    expect([...placed]).toEqual(["usa-east"]);
  });

  it("gives way to place names and panels already on the map", () => {
    const placed = placeCentredLabels(
      [label("russia", 100, 100, 5), label("chile", 400, 400, 1)],
      [{ x0: 380, y0: 390, x1: 500, y1: 410 }],
    );
    expect([...placed]).toEqual(["russia"]);
  });
});
