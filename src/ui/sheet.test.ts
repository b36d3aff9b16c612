import { describe, expect, it } from "vitest";
import { swipeIntent } from "./sheet";

describe("swipeIntent", () => {
  it("expands the sheet on a swipe up and collapses it on a swipe down", () => {
    expect(swipeIntent(-40)).toBe("expand");
    expect(swipeIntent(40)).toBe("collapse");
  });

  it("takes a small move for a tap, asking for nothing", () => {
    expect(swipeIntent(0)).toBeNull();
    expect(swipeIntent(-10)).toBeNull();
    expect(swipeIntent(23)).toBeNull();
  });
});
