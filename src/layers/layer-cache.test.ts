import { ScatterplotLayer } from "@deck.gl/layers";
import { describe, expect, it } from "vitest";
import { createLayerCache } from "./layer-cache";

const layer = (id: string) => () => new ScatterplotLayer({ id, data: [] });

describe("createLayerCache", () => {
  it("hands back the same instance while every dependency is the same object or value", () => {
    const keep = createLayerCache();
    const data: unknown[] = [];
    const first = keep("points", [data, "dark", 1, Number.NaN], layer("points"));
    expect(keep("points", [data, "dark", 1, Number.NaN], layer("points"))).toBe(first);
  });

  it("builds anew when a dependency changes, even to an equal copy, and keeps the new one", () => {
    const keep = createLayerCache();
    const first = keep("points", [[1, 2], "dark"], layer("points"));
    const copy = keep("points", [[1, 2], "dark"], layer("points"));
    expect(copy).not.toBe(first);
    const light = keep("points", [[1, 2], "light"], layer("points"));
    expect(light).not.toBe(copy);
    expect(keep("points", [[1, 2], "light"], layer("points"))).not.toBe(light);
  });

  it("compares dependencies as Object.is does: NaN matches NaN above, 0 does not match -0", () => {
    const keep = createLayerCache();
    const first = keep("points", [0], layer("points"));
    expect(keep("points", [-0], layer("points"))).not.toBe(first);
  });

  it("keeps one instance per id, each built only when its own dependencies change", () => {
    const keep = createLayerCache();
    let builds = 0;
    const counted = (id: string) => () => {
      builds++;
      return new ScatterplotLayer({ id, data: [] });
    };
    const a = keep("a", ["x"], counted("a"));
    keep("b", ["y"], counted("b"));
    expect(keep("a", ["x"], counted("a"))).toBe(a);
    keep("b", ["z"], counted("b"));
    expect(builds).toBe(3);
  });
});
