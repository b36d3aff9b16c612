import { describe, expect, it } from "vitest";
import { durationProblem, frameCount, frameDate, rangeProblem } from "./frame-dates";

describe("frame dates", () => {
  it("frameDate shows the start date on the first frame and the end date on the last", () => {
    expect(frameDate("2017-09-25", "2017-10-05", 0, 60)).toBe("2017-09-25");
    expect(frameDate("2017-09-25", "2017-10-05", 59, 60)).toBe("2017-10-05");
  });

  it("frameDate spreads the days evenly and rounds to a day", () => {
    const dates = Array.from({ length: 5 }, (_, i) => frameDate("2020-01-01", "2020-01-11", i, 5));
    expect(dates).toEqual(["2020-01-01", "2020-01-04", "2020-01-06", "2020-01-09", "2020-01-11"]);
  });

  it("frameDate repeats days when there are more frames than days", () => {
    const dates = Array.from({ length: 7 }, (_, i) => frameDate("2020-02-28", "2020-03-01", i, 7));
    expect(new Set(dates)).toEqual(new Set(["2020-02-28", "2020-02-29", "2020-03-01"]));
    expect([...dates].sort()).toEqual(dates);
  });

  it("frameDate crosses years and leap days", () => {
    expect(frameDate("2016-01-01", "2017-01-01", 1, 2)).toBe("2017-01-01");
    expect(frameDate("2016-02-28", "2016-03-01", 1, 3)).toBe("2016-02-29");
  });

  it("frameDate gives a one-frame clip its start date, and a one-day range that day throughout", () => {
    expect(frameDate("2017-10-01", "2018-10-01", 0, 1)).toBe("2017-10-01");
    expect(frameDate("2017-10-01", "2017-10-01", 17, 30)).toBe("2017-10-01");
  });

  it("frameDate rejects a range that runs backwards, with a message naming both dates", () => {
    expect(() => frameDate("2018-01-01", "2017-01-01", 0, 10)).toThrow(
      "The start date (2018-01-01) is after the end date (2017-01-01)",
    );
  });

  it("frameDate rejects frames outside the clip and dates that are not dates", () => {
    expect(() => frameDate("2017-01-01", "2018-01-01", 10, 10)).toThrow(
      "invalid frame: 10 (of 10)",
    );
    expect(() => frameDate("2017-01-01", "2018-01-01", 0, 0)).toThrow("invalid frame count: 0");
    expect(() => frameDate("2017-02-30", "2018-01-01", 0, 2)).toThrow("not a date");
  });

  it("rangeProblem says what is wrong with a range, or nothing", () => {
    expect(rangeProblem("2017-01-01", "2017-01-01")).toBeNull();
    expect(rangeProblem("", "2017-01-01")).toBe('The start date is not a date: ""');
    expect(rangeProblem("2017-01-01", "2017-13-01")).toBe(
      'The end date is not a date: "2017-13-01"',
    );
  });

  it("frameCount gives 30 frames a second, at least one", () => {
    expect(frameCount(2)).toBe(60);
    expect(frameCount(6)).toBe(180);
    expect(frameCount(0)).toBe(1);
    expect(frameCount(1.01)).toBe(30);
  });

  it("durationProblem accepts 1 to 60 seconds", () => {
    expect(durationProblem(1)).toBeNull();
    expect(durationProblem(60)).toBeNull();
    expect(durationProblem(0.5)).toMatch(/between 1 and 60 seconds/);
    expect(durationProblem(61)).toMatch(/between 1 and 60 seconds/);
    expect(durationProblem(Number.NaN)).toMatch(/between 1 and 60 seconds/);
  });
});
