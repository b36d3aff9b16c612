import { describe, expect, it } from "vitest";
import { decode } from "../url/codec";
import { ignoredNotes, versionNotes, withoutDataLines } from "./address-notes";

const dataset = () => ({ title: "Cuba's links", updated: "2026-11-01" });

describe("ignoredNotes", () => {
  it("names each parameter that was ignored, but not data=, which the app reads itself", () => {
    const { problems } = decode("#data=x.json&t=2017-13-45&zz=1");
    expect(ignoredNotes(problems)).toEqual([
      "t=2017-13-45: not a date (YYYY-MM-DD)",
      "zz=1: not a parameter this version knows (kept in the address)",
    ]);
  });

  it("is empty for an address with nothing ignored but data=", () => {
    expect(ignoredNotes(decode("#data=x.json&t=2017-01-01").problems)).toEqual([]);
  });
});

describe("withoutDataLines", () => {
  it("leaves out the line about data= and keeps the others in order", () => {
    expect(withoutDataLines(["zz=1: unknown", "data=x.json: unknown", "t=x: bad"])).toEqual([
      "zz=1: unknown",
      "t=x: bad",
    ]);
  });
});

describe("versionNotes", () => {
  it("says the dataset has been updated since a link made with an older version", () => {
    const { state } = decode("#ds=cuba&v=2025-01-01");
    expect(versionNotes(state, dataset())).toEqual([
      `v=2025-01-01: this link was made with "Cuba's links" as of 2025-01-01; the dataset has been updated since (2026-11-01), so what you see may differ`,
    ]);
  });

  it("says nothing for a link made with the current version, or with no v=", () => {
    expect(versionNotes(decode("#v=2026-11-01").state, dataset())).toEqual([]);
    expect(versionNotes(decode("#ds=cuba").state, dataset())).toEqual([]);
  });
});
