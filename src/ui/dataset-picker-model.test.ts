import { describe, expect, it } from "vitest";
import type { Catalog, CatalogEntry } from "../model/schema";
import {
  buildDatasetListing,
  formatCounts,
  formatEntryMeta,
  formatYears,
  isPlainClick,
  type LinkClick,
} from "./dataset-picker-model";

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

/** A catalog of two datasets: "cuba" (as above) and "nk", covering one year. */
const catalog = (): Catalog => ({
  format: "uplinks-catalog",
  version: 1,
  default: "cuba",
  datasets: [
    entry(),
    {
      id: "nk",
      title: "North Korea's links",
      description: "Its links to China and Russia.",
      file: "nk.topology.json",
      updated: "2020-03-15",
      timeRange: ["2020-01-01", "2020-12-31"],
      counts: { nodes: 2, links: 1, networks: 1, events: 0, sources: 1, stories: 0 },
    },
  ],
});

const hashOf = (id: string) => `#ds=${id}`;

describe("buildDatasetListing", () => {
  it("lists every catalog dataset in order, each linking to the address that opens it", () => {
    const { choices } = buildDatasetListing(catalog(), null, hashOf, "datasets-1");
    expect(choices.map((c) => [c.id, c.title, c.href])).toEqual([
      ["cuba", "Cuba's links to the internet", "#ds=cuba"],
      ["nk", "North Korea's links", "#ds=nk"],
    ]);
  });

  it("names each choice by its title's id and describes it by its summary's id", () => {
    const [choice] = buildDatasetListing(catalog(), null, hashOf, "datasets-2").choices;
    expect(choice).toMatchObject({
      titleId: "datasets-2-cuba",
      aboutId: "datasets-2-cuba-about",
      description: "How Cuba moved from satellite transit to ALBA-1.",
      meta: "2010–2026 · 3 links · 6 nodes · 4 events · 1 story · updated 1 Nov 2026",
    });
  });

  it("marks the catalog dataset open now as current, and names no local file", () => {
    const listing = buildDatasetListing(catalog(), { id: "nk", file: null }, hashOf, "d");
    expect(listing.choices.map((c) => c.current)).toEqual([false, true]);
    expect(listing.openNow).toBeNull();
  });

  it("marks nothing current while a local file is open, even one with a catalog id", () => {
    const shown = { id: "cuba", file: "mine.topology.json" };
    const listing = buildDatasetListing(catalog(), shown, hashOf, "d");
    expect(listing.choices.map((c) => c.current)).toEqual([false, false]);
    expect(listing.openNow).toBe(
      "Open now: mine.topology.json, from this computer (not uploaded).",
    );
  });

  it("marks nothing current and names no file before anything opened", () => {
    const listing = buildDatasetListing(catalog(), null, hashOf, "d");
    expect(listing.choices.some((c) => c.current)).toBe(false);
    expect(listing.openNow).toBeNull();
  });
});

describe("a dataset's license", () => {
  it("is named and linked where the catalog gives one, with its credit", () => {
    const licensed = {
      ...catalog(),
      datasets: [
        {
          ...entry(),
          license: {
            spdx: "CC-BY-NC-SA-3.0",
            name: "CC BY-NC-SA 3.0",
            url: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
            attribution: "Source: TeleGeography",
          },
        },
        { ...entry(), id: "plain", license: { name: "Public domain" } },
        { ...entry(), id: "none" },
      ],
    };
    const { choices } = buildDatasetListing(licensed, null, hashOf, "d");
    expect(choices.map((c) => c.license)).toEqual([
      {
        name: "CC BY-NC-SA 3.0",
        href: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
        attribution: "Source: TeleGeography",
      },
      { name: "Public domain", href: null, attribution: null },
      null,
    ]);
  });
});

describe("isPlainClick", () => {
  const click = (changes: Partial<LinkClick> = {}): LinkClick => ({
    button: 0,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    ...changes,
  });

  it("is true for a primary click with no modifier", () => {
    expect(isPlainClick(click())).toBe(true);
  });

  it("is false with any modifier, which opens the link in another tab or window", () => {
    for (const key of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const) {
      expect(isPlainClick(click({ [key]: true }))).toBe(false);
    }
  });

  it("is false for another button than the primary one", () => {
    expect(isPlainClick(click({ button: 1 }))).toBe(false);
  });
});
