import { describe, expect, it } from "vitest";
import { readHash } from "./hash-params";

describe("readHash", () => {
  it("reads dataset, date, selection, animation, theme and projection", () => {
    expect(
      readHash("#ds=cuba&t=2013-01-14&sel=link:alba-1&anim=0&theme=light&proj=globe").view,
    ).toEqual({
      dataset: "cuba",
      date: "2013-01-14",
      selection: { kind: "link", id: "alba-1" },
      animate: false,
      theme: "light",
      projection: "globe",
    });
  });

  it("ignores a bad parameter, naming it, and keeps the rest", () => {
    const { view, problems } = readHash("#t=2017-02-30&sel=link:ttk-khasan&anim=maybe");
    expect(view).toEqual({ selection: { kind: "link", id: "ttk-khasan" } });
    expect(problems).toEqual([
      "t=2017-02-30: not a date (YYYY-MM-DD)",
      "anim=maybe: expected 0 or 1",
    ]);
  });
});
