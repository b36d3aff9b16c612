import { describe, expect, it } from "vitest";
import { buildFileName, formatScale, slugify } from "./file-name";

describe("export file names", () => {
  it("buildFileName names a still by dataset, date, selection and scale", () => {
    expect(
      buildFileName({
        dataset: "north-korea",
        dates: "2017-10-01",
        selection: { kind: "link", id: "ttk-khasan" },
        scale: 2,
        extension: "png",
      }),
    ).toBe("uplinks-north-korea-2017-10-01-ttk-khasan@2x.png");
  });

  it("buildFileName leaves out the selection when nothing is selected", () => {
    expect(
      buildFileName({
        dataset: "cuba",
        dates: "2013-01-22",
        selection: null,
        scale: 1,
        extension: "png",
      }),
    ).toBe("uplinks-cuba-2013-01-22@1x.png");
  });

  it("buildFileName names a clip by its date range, without a scale", () => {
    expect(
      buildFileName({
        dataset: "north-korea",
        dates: ["2017-09-25", "2017-10-01"],
        selection: { kind: "node", id: "tumangang" },
        extension: "webm",
      }),
    ).toBe("uplinks-north-korea-2017-09-25-to-2017-10-01-tumangang.webm");
  });

  it("buildFileName writes a scale the map had to lower with one decimal", () => {
    expect(
      buildFileName({
        dataset: "crimea",
        dates: "2014-04-25",
        selection: null,
        scale: 3.2000001,
        extension: "png",
      }),
    ).toBe("uplinks-crimea-2014-04-25@3.2x.png");
  });

  it("slugify keeps names safe on any file system", () => {
    expect(slugify("My Data/Set: Ünïcode…")).toBe("my-data-set-unicode");
    expect(slugify("../../etc/passwd")).toBe("etc-passwd");
    expect(slugify("a".repeat(80))).toHaveLength(60);
    expect(slugify("———")).toBe("");
  });

  it("formatScale rounds to one decimal and drops a trailing zero", () => {
    expect(formatScale(4)).toBe("4");
    expect(formatScale(1.5)).toBe("1.5");
    expect(formatScale(3.19999)).toBe("3.2");
  });
});
