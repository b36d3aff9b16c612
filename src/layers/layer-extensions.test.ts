import { describe, expect, it } from "vitest";
import { activeOn, anyDay, INTERVAL_FILTER } from "./layer-extensions";
import { OPEN_END_DAY } from "./link-geometry";

/** What the GPU filter does with a record's value: each value within its range. */
const passes = (ranges: readonly (readonly [number, number])[], value: readonly number[]) =>
  ranges.every(([min, max], i) => {
    const v = value[i];
    return v !== undefined && v >= min && v <= max;
  });

describe("activeOn", () => {
  it("lets through the records whose interval contains the day, open-ended ones included", () => {
    const { filterRange } = activeOn(100);
    expect(passes(filterRange, [100, 100])).toBe(true);
    expect(passes(filterRange, [50, OPEN_END_DAY])).toBe(true);
    expect(passes(filterRange, [101, 200])).toBe(false);
    expect(passes(filterRange, [50, 99])).toBe(false);
  });

  it("filters with the one interval extension, created once", () => {
    expect(activeOn(1).extensions[0]).toBe(INTERVAL_FILTER);
    expect(activeOn(2).extensions[0]).toBe(activeOn(1).extensions[0]);
  });
});

describe("anyDay", () => {
  it("lets every record through, open-ended ones included", () => {
    const { filterRange } = anyDay();
    expect(passes(filterRange, [-OPEN_END_DAY, OPEN_END_DAY])).toBe(true);
    expect(passes(filterRange, [0, 0])).toBe(true);
  });
});
