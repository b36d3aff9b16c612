import { describe, expect, it, vi } from "vitest";
import type { LinkGeometry } from "../layers/link-geometry";
import type { DetailCameraDeps } from "./detail-camera";
import { createDetailView, DETAIL_AFTER, loadDetail, needsDetail } from "./detail-view";

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

describe("createDetailView", () => {
  it("settles, drawing whole paths, when the level of detail cannot be built", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    // Large enough to need it, but without the nodes its waypoints are looked up in.
    const view = createDetailView({
      geometry: geometry(10, DETAIL_AFTER),
      search: "",
    } as unknown as DetailCameraDeps & { search: string });
    await expect(view.ready).resolves.toBeUndefined();
    expect(view.current()).toBeUndefined();
    expect(warn).toHaveBeenCalledWith("level of detail unavailable:", expect.any(TypeError));
    warn.mockRestore();
  });
});

describe("loadDetail", () => {
  it("is one build per geometry, however often it is asked for", async () => {
    // The builds fail (the test's geometry has no nodes), and say so.
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const large = geometry(10, DETAIL_AFTER);
    const first = loadDetail(large, "");
    const other = loadDetail(geometry(10, DETAIL_AFTER), "");
    expect(loadDetail(large, "")).toBe(first);
    expect(other).not.toBe(first);
    await Promise.all([first, other]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it("is null for a geometry that needs none", async () => {
    await expect(loadDetail(geometry(2, 10), "")).resolves.toBeNull();
  });
});
