import { describe, expect, it } from "vitest";
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Interval } from "../model/schema";
import { binStart, buildDensity, describeDensity } from "./timeline-density-model";
import { trackFraction } from "./timeline-model";

/** A link's dates: active over `intervals` ([from, to] ISO dates, `null`: still active). */
const link = (...intervals: [string, string | null][]) => ({
  active: intervals.map(([from, to]): Interval => ({ from, to })),
});

const day = toDayNumber;

describe("buildDensity", () => {
  it("counts the links active in each bin, and when they appear and retire", () => {
    const links = [
      link(["2010-01-01", null]),
      link(["2012-01-01", "2015-12-31"]),
      link(["2017-10-01", null]),
    ];
    // Ten bins of 365.2 days from 2010-01-01: 2012-01-01 (day 730) falls in the second.
    const d = buildDensity(links, day("2010-01-01"), day("2019-12-31"), 10);
    expect([...d.active]).toEqual([1, 2, 2, 2, 2, 2, 1, 2, 2, 2]);
    expect([...d.appeared]).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect([...d.retired]).toEqual([0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(d.peak).toBe(2);
    expect(d.peakDay).toBe(day("2012-01-01"));
    expect([d.first, d.last]).toEqual([1, 2]);
    expect([d.totalAppeared, d.totalRetired]).toEqual([3, 1]);
  });

  it("counts a link again for each time it comes back, and its last day as active", () => {
    const back = link(["2010-01-01", "2010-01-10"], ["2010-01-20", null]);
    const d = buildDensity([back], day("2010-01-01"), day("2010-01-31"), 31);
    expect(d.active[9]).toBe(1);
    expect(d.active[10]).toBe(0);
    expect(d.active[19]).toBe(1);
    expect(d.totalAppeared).toBe(2);
    expect(d.totalRetired).toBe(1);
  });

  it("shows a link that served for a week in a bin of a year: a bin holds its most", () => {
    const d = buildDensity(
      [link(["2011-03-01", "2011-03-07"])],
      day("2010-01-01"),
      day("2014-12-31"),
      5,
    );
    expect([...d.active]).toEqual([0, 1, 0, 0, 0]);
  });

  it("does not count planned intervals: a cable announced but not in service is not active", () => {
    const planned = {
      ...link(["2016-06-01", null]),
      planned: [{ from: "2012-01-01", to: "2016-05-31" }],
    };
    const never = { ...link(), planned: [{ from: "2013-01-01", to: null }] };
    const d = buildDensity([planned, never], day("2010-01-01"), day("2019-12-31"), 10);
    expect([...d.active]).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(d.totalAppeared).toBe(1);
  });

  it("clamps intervals to the range: an older link is active from the start, not appearing", () => {
    const d = buildDensity([link(["1990-01-01", null])], day("2000-01-01"), day("2000-12-31"), 4);
    expect([...d.active]).toEqual([1, 1, 1, 1]);
    expect(d.totalAppeared).toBe(0);
  });

  it("makes no more bins than the range has days", () => {
    const d = buildDensity([link(["2020-01-02", null])], day("2020-01-01"), day("2020-01-03"), 50);
    expect([...d.active]).toEqual([0, 1, 1]);
  });

  it("keeps up with 100,000 links", () => {
    const links = Array.from({ length: 100_000 }, (_, i) =>
      link([`${2000 + (i % 20)}-0${1 + (i % 9)}-15`, i % 3 ? null : "2022-06-30"]),
    );
    const start = performance.now();
    const d = buildDensity(links, day("2000-01-01"), day("2026-12-31"), 600);
    expect(performance.now() - start).toBeLessThan(1000);
    // Every third link (i = 0, 3, …: 33,334 of them) retired in 2022.
    expect(d.last).toBe(100_000 - 33_334);
    expect(d.totalAppeared).toBe(100_000);
  });
});

describe("binStart", () => {
  it("puts each bin at its first day, where the timeline's track puts that day", () => {
    const scale = {
      min: "2010-01-01",
      max: "2026-11-01",
      minDay: day("2010-01-01"),
      maxDay: day("2026-11-01"),
      unit: "month" as const,
    };
    const d = buildDensity([], scale.minDay, scale.maxDay, 407);
    expect(binStart(d, 0)).toBe(0);
    for (const i of [1, 100, 203, 406]) {
      // The first day of bin i is the first day whose bin is i.
      const first = Math.ceil((i * (scale.maxDay - scale.minDay + 1)) / 407);
      const one = buildDensity(
        [link([fromDayNumber(scale.minDay + first), fromDayNumber(scale.minDay + first)])],
        scale.minDay,
        scale.maxDay,
        407,
      );
      expect(one.active[i]).toBe(1);
      expect(one.active[i - 1]).toBe(0);
      expect(binStart(d, i)).toBeCloseTo(
        trackFraction(scale, fromDayNumber(scale.minDay + first)),
        12,
      );
    }
    expect(binStart(d, 407)).toBeGreaterThan(1);
  });
});

describe("describeDensity", () => {
  it("says in words how many links there were at the start, at the most and at the end", () => {
    const d = buildDensity(
      [link(["2010-01-01", null]), link(["2012-01-01", "2015-12-31"])],
      day("2010-01-01"),
      day("2019-12-31"),
      10,
    );
    expect(describeDensity(d)).toBe(
      "Links active over time: 1 on 2010-01-01, most 2 on 2012-01-01, 1 on 2019-12-31; 2 appeared, 1 retired",
    );
  });

  it("writes thousands with a separator", () => {
    const links = Array.from({ length: 1234 }, () => link(["2009-06-01", null]));
    expect(describeDensity(buildDensity(links, day("2010-01-01"), day("2010-12-31"), 4))).toBe(
      "Links active over time: 1,234 on 2010-01-01, most 1,234 on 2010-01-01, 1,234 on 2010-12-31; 0 appeared, 0 retired",
    );
  });

  it("says so when no link is active in the range", () => {
    expect(describeDensity(buildDensity([], 0, 10, 5))).toBe(
      "Links active over time: none in this range",
    );
  });
});
