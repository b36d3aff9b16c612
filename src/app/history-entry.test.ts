import { describe, expect, it } from "vitest";
import { CATALOG_ENTRY, isCatalogEntry } from "./history-entry";

describe("isCatalogEntry", () => {
  it("recognizes the state of a catalog view a file was opened from", () => {
    expect(isCatalogEntry(CATALOG_ENTRY)).toBe(true);
    // As `history.state` gives it back: a structured clone, not the same object.
    expect(isCatalogEntry(structuredClone(CATALOG_ENTRY))).toBe(true);
  });

  it("rejects the states other entries carry", () => {
    expect(isCatalogEntry(null)).toBe(false);
    expect(isCatalogEntry(undefined)).toBe(false);
    expect(isCatalogEntry("catalog-view")).toBe(false);
    expect(isCatalogEntry({})).toBe(false);
    expect(isCatalogEntry({ uplinks: "file-view" })).toBe(false);
  });
});
