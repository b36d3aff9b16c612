import { describe, expect, it } from "vitest";
import { detailLevel, MAX_LEVEL } from "./levels";

describe("detailLevel", () => {
  it("is the first whole zoom at or above the camera's", () => {
    expect(detailLevel(1.3, 1, 0)).toBe(2);
    expect(detailLevel(2, 1, 0)).toBe(2);
    expect(detailLevel(0, 1, 0)).toBe(0);
  });

  it("counts device pixels: a screen of twice the density takes the next level", () => {
    expect(detailLevel(1.3, 2, 0)).toBe(3);
    expect(detailLevel(1.3, 4, 0)).toBe(4);
  });

  it("takes finer levels on a tilted map, whose near side is drawn larger", () => {
    expect(detailLevel(4, 1, 20)).toBe(5);
    expect(detailLevel(4, 1, 60)).toBe(6);
  });

  it("draws whole paths past the last level", () => {
    expect(detailLevel(MAX_LEVEL, 1, 0)).toBe(MAX_LEVEL);
    expect(detailLevel(MAX_LEVEL + 0.1, 1, 0)).toBeNull();
  });
});
