import { describe, expect, it } from "vitest";
import type { Link } from "../model/schema";
import { describePick } from "./describe";

const link = {
  id: "ttk-khasan",
  name: "TransTeleCom via Tumangang–Khasan",
  kind: "terrestrial",
  active: [{ from: "2017-10-01", to: null }],
} as unknown as Link;

describe("describePick", () => {
  it("says which date a compared link belongs to", () => {
    expect(describePick("compare-only-b", { link })).toEqual({
      title: "TransTeleCom via Tumangang–Khasan",
      lines: ["Only at date B (new since A)", "Terrestrial fibre", "2017-10-01 – today"],
    });
    expect(describePick("compare-both", { link })?.lines[0]).toBe("At both dates");
  });

  it("has nothing to say about layers that are not picked for tooltips", () => {
    expect(describePick("links-flow", { link })).toBeNull();
    expect(describePick("links", null)).toBeNull();
  });
});
