import { describe, expect, it } from "vitest";
import type { LinkGeometry } from "../layers/link-geometry";
import { DETAIL_AFTER, needsDetail } from "./detail-view";

/** Geometry of `parts` distinct parts of `vertices` vertices each, each drawn for two intervals. */
function geometry(parts: number, vertices: number): LinkGeometry {
  const grounds = Array.from({ length: parts }, () => new Float64Array(2 * vertices));
  return {
    segments: grounds.flatMap((ground) => [{ ground }, { ground }]),
  } as unknown as LinkGeometry;
}

describe("needsDetail", () => {
  it("is for datasets of more vertices than DETAIL_AFTER, each part counted once", () => {
    expect(needsDetail(geometry(10, DETAIL_AFTER / 10), "")).toBe(false);
    expect(needsDetail(geometry(10, DETAIL_AFTER / 10 + 1), "")).toBe(true);
  });

  it("is turned off by detail=full in the address's query", () => {
    expect(needsDetail(geometry(10, DETAIL_AFTER), "?detail=full")).toBe(false);
    expect(needsDetail(geometry(10, DETAIL_AFTER), "?detail=auto")).toBe(true);
  });
});
