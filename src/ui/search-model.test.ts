import { describe, expect, it } from "vitest";
import type { SearchResult, SearchResults } from "../search/search-index";
import {
  buildSearchListing,
  isSearchShortcut,
  type ShortcutKey,
  searchKeyAction,
  searchLoadFailure,
} from "./search-model";

const place = (id: string, label: string, score: number): SearchResult => ({
  type: "node",
  id,
  label,
  detail: "City · RU",
  score,
  target: {
    selection: { kind: "node", id },
    bounds: [
      [131.9, 43.1],
      [131.9, 43.1],
    ],
  },
});

const network = (asn: number, label: string, score: number): SearchResult => ({
  type: "network",
  id: `AS${asn}`,
  label,
  detail: `AS${asn} · RU`,
  score,
  target: { network: `AS${asn}`, bounds: null },
});

/** Two places and a network, the network best (as a search for "AS20485" might give). */
function results(): SearchResults {
  const vladivostok = place("vladivostok", "Vladivostok", 0.1);
  const khasan = place("khasan", "Khasan", 0.3);
  const ttk = network(20485, "TransTeleCom", 0);
  return {
    best: ttk,
    ranked: [ttk, vladivostok, khasan],
    groups: [
      { type: "node", name: "Places", results: [vladivostok, khasan] },
      { type: "network", name: "Networks", results: [ttk] },
    ],
  };
}

const nothing = (): SearchResults => ({ best: null, ranked: [], groups: [] });

describe("buildSearchListing", () => {
  it("numbers the options in display order across the groups", () => {
    const listing = buildSearchListing(results(), "as20485", "search-1");
    expect(listing.options.map((o) => [o.id, o.label, o.detail])).toEqual([
      ["search-1-option-0", "Vladivostok", "City · RU"],
      ["search-1-option-1", "Khasan", "City · RU"],
      ["search-1-option-2", "TransTeleCom", "AS20485 · RU"],
    ]);
  });

  it("puts each group's options under its name, with a heading id to label the group", () => {
    const listing = buildSearchListing(results(), "as20485", "search-2");
    expect(listing.groups.map((g) => [g.headingId, g.name, g.options.map((o) => o.label)])).toEqual(
      [
        ["search-2-group-0", "Places", ["Vladivostok", "Khasan"]],
        ["search-2-group-1", "Networks", ["TransTeleCom"]],
      ],
    );
  });

  it("makes the best result the active option, wherever its group is", () => {
    const listing = buildSearchListing(results(), "as20485", "search-1");
    expect(listing.active).toBe(2);
    expect(listing.options[listing.active]?.result.label).toBe("TransTeleCom");
  });

  it("expands the combobox and leaves the status empty when something matches", () => {
    const listing = buildSearchListing(results(), "as20485", "search-1");
    expect(listing.expanded).toBe(true);
    expect(listing.status).toBe("");
  });

  it("says that a query found nothing, trimmed, with no option active", () => {
    const listing = buildSearchListing(nothing(), "  zzz ", "search-1");
    expect(listing).toEqual({
      groups: [],
      options: [],
      active: -1,
      expanded: false,
      status: "No match for “zzz”",
    });
  });

  it("says nothing for a blank query", () => {
    expect(buildSearchListing(nothing(), "   ", "search-1").status).toBe("");
  });
});

describe("searchKeyAction", () => {
  it("moves ArrowDown to the first option when none is active, and ArrowUp to the last", () => {
    expect(searchKeyAction("ArrowDown", -1, 3)).toEqual({ kind: "move", to: 0 });
    expect(searchKeyAction("ArrowUp", -1, 3)).toEqual({ kind: "move", to: 2 });
  });

  it("moves the arrows one option along, wrapping around at either end", () => {
    expect(searchKeyAction("ArrowDown", 0, 3)).toEqual({ kind: "move", to: 1 });
    expect(searchKeyAction("ArrowDown", 2, 3)).toEqual({ kind: "move", to: 0 });
    expect(searchKeyAction("ArrowUp", 1, 3)).toEqual({ kind: "move", to: 0 });
    expect(searchKeyAction("ArrowUp", 0, 3)).toEqual({ kind: "move", to: 2 });
  });

  it("keeps the arrows as the combobox's, moving nowhere, when there is no option", () => {
    expect(searchKeyAction("ArrowDown", -1, 0)).toEqual({ kind: "move", to: null });
    expect(searchKeyAction("ArrowUp", -1, 0)).toEqual({ kind: "move", to: null });
  });

  it("takes the active option on Enter", () => {
    expect(searchKeyAction("Enter", 1, 3)).toEqual({ kind: "take" });
  });

  it("leaves other keys to the input", () => {
    expect(searchKeyAction("a", 0, 3)).toBeNull();
    expect(searchKeyAction("Escape", 0, 3)).toBeNull();
    expect(searchKeyAction("Home", 0, 3)).toBeNull();
  });
});

describe("isSearchShortcut", () => {
  const key = (changes: Partial<ShortcutKey> = {}): ShortcutKey => ({
    key: "/",
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    ...changes,
  });

  it("is true for / with no modifier", () => {
    expect(isSearchShortcut(key())).toBe(true);
  });

  it("is false for / with Ctrl, Meta or Alt, or already handled", () => {
    expect(isSearchShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ metaKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ altKey: true }))).toBe(false);
    expect(isSearchShortcut(key({ defaultPrevented: true }))).toBe(false);
  });

  it("is false for other keys", () => {
    expect(isSearchShortcut(key({ key: "?" }))).toBe(false);
  });
});

describe("searchLoadFailure", () => {
  it("says the search could not load, and why", () => {
    expect(searchLoadFailure(new Error("Failed to fetch dynamically imported module"))).toBe(
      "Search could not load: Failed to fetch dynamically imported module",
    );
  });
});
