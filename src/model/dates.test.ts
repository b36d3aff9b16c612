import { describe, expect, it } from "vitest";
import { fromDayNumber, isIsoDate, toDayNumber } from "./dates";

describe("dates", () => {
  it("isIsoDate accepts real calendar dates only", () => {
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(isIsoDate("2017-02-29")).toBe(false);
    expect(isIsoDate("2017-13-01")).toBe(false);
    expect(isIsoDate("2017-1-01")).toBe(false);
    expect(isIsoDate(20170101)).toBe(false);
  });

  it("toDayNumber counts days from 1970-01-01 and fromDayNumber inverts it", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("2017-10-01")).toBe(17440);
    for (const iso of ["1999-12-31", "2000-02-29", "2017-10-01", "2038-01-19"]) {
      expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
    }
    expect(() => toDayNumber("2017-02-30")).toThrow('invalid date: "2017-02-30"');
  });
});
