import fc from "fast-check";
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

  it("reads every string as a date exactly when Date's own calendar has that day", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    const candidate = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(candidate, (text) => {
        // Date's reading of the same text: a real day when it round-trips.
        const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
        const real =
          !Number.isNaN(parsed) &&
          Number(text.slice(0, 4)) >= 100 &&
          new Date(parsed).toISOString().slice(0, 10) === text;
        expect(isIsoDate(text)).toBe(real);
        if (real) expect(toDayNumber(text)).toBe(parsed / 86_400_000);
      }),
      { numRuns: 5000 },
    );
  });
});
