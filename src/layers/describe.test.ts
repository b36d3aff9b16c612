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

describe("describePick of a planned link", () => {
  it("says it is planned, until when, and when it was in service after", () => {
    const cable = {
      ...link,
      name: "Equiano",
      kind: "submarine",
      planned: [{ from: "2019-06-28", to: "2022-07-31" }],
      active: [{ from: "2022-08-01", to: null }],
    } as unknown as Link;
    expect(describePick("links-planned", { link: cable })).toEqual({
      title: "Equiano",
      lines: [
        "Submarine cable · planned",
        "Planned 2019-06-28 – 2022-07-31",
        "In service 2022-08-01 – today",
      ],
    });
  });

  it("says nothing of service for a cable withdrawn while planned", () => {
    const withdrawn = {
      ...link,
      kind: "submarine",
      planned: [{ from: "2019-05-17", to: "2020-06-25" }],
      active: [],
    } as unknown as Link;
    expect(describePick("links-planned", { link: withdrawn })?.lines).toEqual([
      "Submarine cable · planned",
      "Planned 2019-05-17 – 2020-06-25",
    ]);
  });
});
