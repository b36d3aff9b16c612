import { describe, expect, it } from "vitest";
import { createIdAllocator, slugify } from "./ids";

describe("slugify", () => {
  it("lowercases, drops accents and joins words with single hyphens", () => {
    expect(slugify("Asia-America Gateway (AAG) Cable System")).toBe(
      "asia-america-gateway-aag-cable-system",
    );
    expect(slugify("Almería, Spain")).toBe("almeria-spain");
    expect(slugify("  --Kpalimé--  ")).toBe("kpalime");
  });

  it("keeps ids within 100 characters, without a trailing hyphen", () => {
    const id = slugify(`${"a".repeat(99)} b`);
    expect(id).toBe("a".repeat(99));
    expect(slugify("x".repeat(300))).toHaveLength(100);
  });

  it("returns an empty string when nothing usable is left", () => {
    expect(slugify("—")).toBe("");
  });
});

describe("createIdAllocator", () => {
  it("gives repeated names numbered ids, in the order asked", () => {
    const ids = createIdAllocator();
    expect([ids.take("Cable"), ids.take("cable"), ids.take("CABLE"), ids.take("cable-2")]).toEqual([
      "cable",
      "cable-2",
      "cable-3",
      "cable-2-2",
    ]);
  });

  it("falls back to its default name for text with no letters or digits", () => {
    const ids = createIdAllocator("node");
    expect([ids.take("…"), ids.take("…")]).toEqual(["node", "node-2"]);
  });

  it("keeps numbered ids within 100 characters", () => {
    const ids = createIdAllocator();
    const long = "y".repeat(100);
    ids.take(long);
    expect(ids.take(long)).toBe(`${"y".repeat(98)}-2`);
  });
});
