import { describe, expect, it } from "vitest";
import { addSteps, clampDate, formatDateLong, formatEventDates, stepUnitFor } from "./time-steps";

describe("time steps", () => {
  it("addSteps moves by days, months and years, clamping to the month's last day", () => {
    expect(addSteps("2017-09-30", "day", 1)).toBe("2017-10-01");
    expect(addSteps("2017-09-15", "month", 1)).toBe("2017-10-15");
    expect(addSteps("2017-01-31", "month", 1)).toBe("2017-02-28");
    expect(addSteps("2016-02-29", "year", 1)).toBe("2017-02-28");
    expect(addSteps("2017-01-15", "month", -13)).toBe("2015-12-15");
  });

  it("stepUnitFor picks days for short ranges, months for decades and years beyond", () => {
    expect(stepUnitFor(["2017-01-01", "2017-06-01"])).toBe("day");
    expect(stepUnitFor(["2010-11-18", "2026-11-01"])).toBe("month");
    expect(stepUnitFor(["1960-01-01", "2026-11-01"])).toBe("year");
  });

  it("clampDate keeps a date inside a range", () => {
    expect(clampDate("2001-01-01", "2010-01-01", "2020-01-01")).toBe("2010-01-01");
    expect(clampDate("2015-05-05", "2010-01-01", "2020-01-01")).toBe("2015-05-05");
    expect(clampDate("2030-01-01", "2010-01-01", "2020-01-01")).toBe("2020-01-01");
  });

  it("formatDateLong writes day, month name and year", () => {
    expect(formatDateLong("2017-10-01")).toBe("1 Oct 2017");
  });
});

describe("formatEventDates", () => {
  it("writes one date, or a range for an event with an end", () => {
    expect(formatEventDates({ date: "2017-10-01" })).toBe("1 Oct 2017");
    expect(formatEventDates({ date: "2014-12-18", end: "2014-12-22" })).toBe(
      "18 Dec 2014 – 22 Dec 2014",
    );
  });
});
