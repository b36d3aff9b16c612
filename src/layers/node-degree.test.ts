import { describe, expect, it } from "vitest";
import { nodeDegreeScale } from "./node-degree";

describe("nodeDegreeScale", () => {
  it("grows nodes 2 px per square root of their links, until the busiest would grow by 8 px", () => {
    expect(nodeDegreeScale([])).toBe(2);
    expect(nodeDegreeScale([{ degree: 1 }, { degree: 16 }])).toBe(2);
    // 100 links: 10 × 0.8 = 8 px for the busiest, not 20.
    expect(nodeDegreeScale([{ degree: 3 }, { degree: 100 }])).toBeCloseTo(0.8);
  });
});
