import { describe, expect, it } from "vitest";
import { parsePartialDate, partialDateAssumption } from "./partial-dates";

describe("parsePartialDate", () => {
  it("reads TeleGeography's RFS dates: a month is its first day, a year is January 1st", () => {
    expect(parsePartialDate("2014 April")).toEqual({ date: "2014-04-01", precision: "month" });
    expect(parsePartialDate("2019")).toEqual({ date: "2019-01-01", precision: "year" });
    expect(parsePartialDate("2012 August")).toEqual({ date: "2012-08-01", precision: "month" });
  });

  it("reads months written first or abbreviated, quarters and ISO dates", () => {
    expect(parsePartialDate("August 2012")?.date).toBe("2012-08-01");
    expect(parsePartialDate("Sep 2020")?.date).toBe("2020-09-01");
    expect(parsePartialDate("2014 Q3")).toEqual({ date: "2014-07-01", precision: "quarter" });
    expect(parsePartialDate("Q4 2021")?.date).toBe("2021-10-01");
    expect(parsePartialDate("2019-06")).toEqual({ date: "2019-06-01", precision: "month" });
    expect(parsePartialDate("2019-06-15")).toEqual({ date: "2019-06-15", precision: "day" });
  });

  it("rejects text that is not a date, and impossible dates", () => {
    for (const text of ["soon", "2014 Smarch", "2019-13", "2017-02-30", "14 April", ""]) {
      expect(parsePartialDate(text), text).toBeUndefined();
    }
  });
});

describe("partialDateAssumption", () => {
  it("states the assumption a partial date makes, and none for a full date", () => {
    const month = parsePartialDate("2014 April");
    const day = parsePartialDate("2014-04-09");
    if (!month || !day) throw new Error("unparsed");
    expect(partialDateAssumption("Ready-for-service date", "2014 April", month)).toEqual([
      'Ready-for-service date given as a month ("2014 April"): taken as the first of the month, 2014-04-01.',
    ]);
    expect(partialDateAssumption("Start", "2014-04-09", day)).toEqual([]);
  });
});
