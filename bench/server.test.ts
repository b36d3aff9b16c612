import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolvePath } from "./server";

const mounts = [
  { prefix: "/", dir: "/site" },
  { prefix: "/reference/", dir: "/ref" },
];

describe("resolvePath", () => {
  it("maps a URL path to a file under the longest matching prefix", () => {
    expect(resolvePath(mounts, "/data/a.json")).toBe(join("/site", "data/a.json"));
    expect(resolvePath(mounts, "/reference/assets/x.js")).toBe(join("/ref", "assets/x.js"));
  });

  it("serves index.html for a folder", () => {
    expect(resolvePath(mounts, "/")).toBe(join("/site", "index.html"));
    expect(resolvePath(mounts, "/reference/")).toBe(join("/ref", "index.html"));
  });

  it("refuses paths that climb out of the folder", () => {
    expect(resolvePath(mounts, "/reference/..%2F..%2Fetc/passwd")).toBeNull();
    expect(resolvePath(mounts, "/%E0%A4%A")).toBeNull();
  });
});
