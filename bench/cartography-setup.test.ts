import { describe, expect, it } from "vitest";
import { parseTopology } from "../src/model/parse-topology";
import { validTopologyInput } from "../src/model/test-fixtures";
import { emptyTopologyLike, INK_VIEWS, parseMapArgs, viewHash } from "./cartography-setup";

describe("viewHash", () => {
  it("opens a view still, in the dark theme, at its camera", () => {
    expect(viewHash(INK_VIEWS[0] as (typeof INK_VIEWS)[number], "ds=world-cables")).toBe(
      "#ds=world-cables&map=1.6/20/10&anim=0&theme=dark",
    );
  });

  it("sets the date when given, and leaves the camera to the dataset without one", () => {
    const opening = { id: "x", label: "x", viewport: { width: 1, height: 1 }, map: null };
    expect(viewHash(opening, "data=bench-map/empty.topology.json", "2021-06-29")).toBe(
      "#data=bench-map/empty.topology.json&t=2021-06-29&anim=0&theme=dark",
    );
  });
});

describe("parseMapArgs", () => {
  it("builds dist/ by default; --no-build and --dist do not", () => {
    expect(parseMapArgs([])).toEqual({ dist: null, build: true, shots: null });
    expect(parseMapArgs(["--no-build"])).toEqual({ dist: null, build: false, shots: null });
    expect(parseMapArgs(["--dist", "/tmp/d", "--shots=/tmp/s"])).toEqual({
      dist: "/tmp/d",
      build: false,
      shots: "/tmp/s",
    });
  });

  it("refuses an unknown flag and a flag without its folder", () => {
    expect(() => parseMapArgs(["--quick"])).toThrow("invalid argument: --quick");
    expect(() => parseMapArgs(["--dist"])).toThrow("invalid --dist: expected a folder");
  });
});

describe("emptyTopologyLike", () => {
  it("is a valid topology with no links or places, the same time range and license", () => {
    const source = {
      ...validTopologyInput(),
      license: { spdx: "CC-BY-4.0", name: "CC BY 4.0", attribution: "Data: Example" },
    };
    const empty = parseTopology(emptyTopologyLike(source, "empty"), "empty");
    expect(empty.id).toBe("empty");
    expect(empty.links).toEqual([]);
    expect(empty.nodes).toEqual([]);
    expect(empty.networks).toEqual([]);
    expect(empty.timeRange).toEqual(["2010-01-01", "2020-01-01"]);
    expect(empty.license).toEqual(source.license);
    expect(empty.sources).toHaveLength(1);
  });

  it("refuses what is not a topology document", () => {
    expect(() => emptyTopologyLike(null, "empty")).toThrow("invalid topology: null");
  });
});
