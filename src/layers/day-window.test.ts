import { describe, expect, it } from "vitest";
import { createDayWindow } from "./day-window";

const item = (id: string, from: number, to: number) => ({ id, filter: [from, to] as const });
const items = [
  item("a", 0, 50),
  item("b", 95, 300),
  item("c", 100, 120),
  item("d", 130, 1_000_000),
  item("e", 260, 280),
];
const ids = (list: readonly { id: string }[]) => list.map((d) => d.id).sort();

describe("createDayWindow", () => {
  it("returns every item whose day lies in the window, widened to whole buckets", () => {
    const starting = createDayWindow(items, 0, 50);
    // [100, 120] widens to [100, 150): c and d start there; b (95) and a (0) do not.
    expect(ids(starting(100, 120))).toEqual(["c", "d"]);
    // [90, 101] widens to [50, 150): b, c, d.
    expect(ids(starting(90, 101))).toEqual(["b", "c", "d"]);
  });

  it("indexes by the last day when asked", () => {
    const ending = createDayWindow(items, 1, 50);
    expect(ids(ending(270, 290))).toEqual(["e"]);
    expect(ids(ending(280, 300))).toEqual(["b", "e"]);
    // Open-ended intervals never fall in a window of real dates.
    expect(ids(ending(0, 5000))).not.toContain("d");
  });

  it("keeps the same array while the window stays within the same buckets", () => {
    const starting = createDayWindow(items, 0, 50);
    const first = starting(100, 110);
    expect(starting(105, 140)).toBe(first);
    expect(starting(150, 160)).not.toBe(first);
  });

  it("never misses an item the exact window holds", () => {
    const many = Array.from({ length: 500 }, (_, i) => item(`x${i}`, (i * 37) % 997, 2000));
    const starting = createDayWindow(many, 0, 23);
    for (let from = 0; from < 1000; from += 13) {
      const to = from + 23;
      const exact = many.filter((d) => d.filter[0] >= from && d.filter[0] <= to);
      const got = new Set(starting(from, to));
      for (const d of exact) expect(got.has(d)).toBe(true);
    }
  });

  it("places days before 1970 (negative) and days that are not whole in order", () => {
    const old = [item("p", -40_000, 0), item("q", -100, 0), item("r", 5, 0), item("s", -40_001, 0)];
    expect(createDayWindow(old, 0, 1)(-40_001, -39_999).map((d) => d.id)).toEqual(["s", "p"]);
    expect(createDayWindow(old, 0, 1)(-100, 10).map((d) => d.id)).toEqual(["q", "r"]);
    const halves = [item("h", 2.5, 0), item("g", 1.5, 0), item("k", 9, 0)];
    expect(createDayWindow(halves, 0, 1)(1, 3).map((d) => d.id)).toEqual(["g", "h"]);
  });
});
