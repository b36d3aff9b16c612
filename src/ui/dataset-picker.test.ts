import { describe, expect, it } from "vitest";
import type { CatalogEntry } from "../model/schema";
import { formatCounts, formatEntryMeta, formatYears } from "./dataset-picker";

const entry = (): CatalogEntry => ({
  id: "cuba",
  title: "Cuba's links to the internet",
  description: "How Cuba moved from satellite transit to ALBA-1.",
  file: "cuba.topology.json",
  updated: "2026-11-01",
  timeRange: ["2010-01-01", "2026-11-01"],
  counts: { nodes: 6, links: 3, networks: 3, events: 4, sources: 5, stories: 1 },
});

describe("formatYears", () => {
  it("gives the first and last year of a range", () => {
    expect(formatYears(["2010-11-18", "2026-11-01"])).toBe("2010–2026");
  });

  it("gives one year for a range within it", () => {
    expect(formatYears(["2014-01-01", "2014-06-30"])).toBe("2014");
  });
});

describe("formatCounts", () => {
  it("counts links, nodes, events and stories, in singular where there is one", () => {
    expect(formatCounts(entry().counts)).toBe("3 links · 6 nodes · 4 events · 1 story");
    expect(
      formatCounts({ nodes: 1, links: 1, networks: 0, events: 0, sources: 1, stories: 2 }),
    ).toBe("1 link · 1 node · 0 events · 2 stories");
  });
});

describe("formatEntryMeta", () => {
  it("says what a dataset covers, how much, and when it was updated", () => {
    expect(formatEntryMeta(entry())).toBe(
      "2010–2026 · 3 links · 6 nodes · 4 events · 1 story · updated 1 Nov 2026",
    );
  });
});
