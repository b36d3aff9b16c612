import { describe, expect, it } from "vitest";
import { count } from "./count";

describe("count", () => {
  it("writes whole numbers as en-US does", () => {
    for (const n of [0, 7, 999, 1000, 12_345, 100_000, 1_000_000, 4_294_967_295, -54_321]) {
      expect(count(n)).toBe(n.toLocaleString("en-US"));
    }
  });
});
