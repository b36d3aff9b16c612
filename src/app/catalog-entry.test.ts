import { describe, expect, it } from "vitest";
import type { Catalog, CatalogEntry } from "../model/schema";
import { entryOf } from "./catalog-entry";

const entry = (id: string, title: string): CatalogEntry => ({
  id,
  title,
  description: `About ${title}.`,
  file: `${id}.topology.json`,
  updated: "2026-11-01",
  timeRange: ["2010-01-01", "2026-11-01"],
  counts: { nodes: 2, links: 1, networks: 1, events: 0, sources: 1, stories: 0 },
});

const catalog = (): Catalog => ({
  format: "uplinks-catalog",
  version: 1,
  default: "north-korea",
  datasets: [entry("north-korea", "North Korea"), entry("cuba", "Cuba")],
});

describe("entryOf", () => {
  it("gives the entry that ds= names", () => {
    expect(entryOf(catalog(), "#ds=cuba&t=2017-01-01").title).toBe("Cuba");
  });

  it("gives the catalog's default entry for an address without ds=", () => {
    expect(entryOf(catalog(), "#t=2017-01-01").id).toBe("north-korea");
    expect(entryOf(catalog(), "").id).toBe("north-korea");
  });

  it("throws for an unknown id, naming it and the datasets the catalog knows", () => {
    expect(() => entryOf(catalog(), "#ds=atlantis")).toThrow(
      "ds=atlantis: unknown dataset (known: north-korea, cuba)",
    );
  });
});
