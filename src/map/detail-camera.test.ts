import { describe, expect, it } from "vitest";
import { holds, widen } from "./detail-camera";

describe("widen", () => {
  it("widens a view by a quarter of its size on each side, within the poles", () => {
    expect(widen([0, 40, 40, 60])).toEqual([-10, 35, 50, 65]);
    expect(widen([0, 70, 40, 88])).toEqual([-10, 65.5, 50, 90]);
  });

  it("spans every longitude when the view is most of the world, and is null when all of it", () => {
    expect(widen([-150, -10, 150, 10])).toEqual([-180, -15, 540, 15]);
    expect(widen([-150, -80, 150, 80])).toBeNull();
  });
});

describe("holds", () => {
  it("holds a view inside it, whole worlds apart or not", () => {
    expect(holds([-10, 35, 50, 65], [0, 40, 40, 60])).toBe(true);
    expect(holds([-10, 35, 50, 65], [360, 40, 400, 60])).toBe(true);
    expect(holds([170, -20, 200, 0], [-175, -10, -165, -5])).toBe(true);
  });

  it("does not hold a view that leaves it on any side", () => {
    expect(holds([-10, 35, 50, 65], [45, 40, 55, 60])).toBe(false);
    expect(holds([-10, 35, 50, 65], [0, 30, 40, 60])).toBe(false);
    expect(holds([-10, 35, 50, 65], [0, 40, 40, 70])).toBe(false);
  });

  it("holds any longitude when it spans them all", () => {
    expect(holds([-180, -15, 540, 15], [100, -10, 300, 10])).toBe(true);
  });
});
