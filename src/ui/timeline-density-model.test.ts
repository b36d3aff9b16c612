import { describe, expect, it } from "vitest";
import { toDayNumber } from "../model/dates";
import type { Link } from "../model/schema";
import { buildDensity, describeDensity } from "./timeline-density-model";

/** A link active over `intervals` ([from, to] ISO dates, `null`: still active). */
const link = (id: string, ...intervals: [string, string | null][]): Link =>
  ({ id, active: intervals.map(([from, to]) => ({ from, to })) }) as unknown as Link;

const day = toDayNumber;

describe("buildDensity", () => {
  it("counts the links active in each bin, and when they appear and retire", () => {
    const links = [
      link("a", ["2010-01-01", null]),
      link("b", ["2012-01-01", "2015-12-31"]),
      link("c", ["2017-10-01", null]),
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
    const back = link("back", ["2010-01-01", "2010-01-10"], ["2010-01-20", null]);
    const d = buildDensity([back], day("2010-01-01"), day("2010-01-31"), 31);
    expect(d.active[9]).toBe(1);
    expect(d.active[10]).toBe(0);
    expect(d.active[19]).toBe(1);
    expect(d.totalAppeared).toBe(2);
    expect(d.totalRetired).toBe(1);
  });

  it("clamps intervals to the range: an older link is active from the start, not appearing", () => {
    const d = buildDensity(
      [link("old", ["1990-01-01", null])],
      day("2000-01-01"),
      day("2000-12-31"),
      4,
    );
    expect([...d.active]).toEqual([1, 1, 1, 1]);
    expect(d.totalAppeared).toBe(0);
  });

  it("keeps up with 100,000 links", () => {
    const links = Array.from({ length: 100_000 }, (_, i) =>
      link(`l${i}`, [`${2000 + (i % 20)}-0${1 + (i % 9)}-15`, i % 3 ? null : "2022-06-30"]),
    );
    const start = performance.now();
    const d = buildDensity(links, day("2000-01-01"), day("2026-12-31"), 600);
    expect(performance.now() - start).toBeLessThan(1000);
    // Every third link (i = 0, 3, …: 33,334 of them) retired in 2022.
    expect(d.last).toBe(100_000 - 33_334);
  });
});

describe("describeDensity", () => {
  it("says in words how many links there were at the start, at the most and at the end", () => {
    const d = buildDensity(
      [link("a", ["2010-01-01", null]), link("b", ["2012-01-01", "2015-12-31"])],
      day("2010-01-01"),
      day("2019-12-31"),
      10,
    );
    expect(describeDensity(d)).toBe(
      "Links active over time: 1 on 2010-01-01, most 2 on 2012-01-01, 1 on 2019-12-31; 2 appeared, 1 retired",
    );
  });

  it("says so when no link is active in the range", () => {
    expect(describeDensity(buildDensity([], 0, 10, 5))).toBe(
      "Links active over time: none in this range",
    );
  });
});
