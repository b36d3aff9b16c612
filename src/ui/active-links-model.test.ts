import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import {
  buildListRows,
  type GroupBy,
  type ListRow,
  linkGrouping,
  parseGroupBy,
  rowAt,
  rowFrom,
  rowOffsets,
  rowWindow,
} from "./active-links-model";

const COUNTRY_NAMES: Record<string, string> = { KP: "North Korea", CN: "China", RU: "Russia" };
const countryName = (code: string) => COUNTRY_NAMES[code] ?? code;

/**
 * Four links: "ab" KP–CN (AS64500), "ac" KP–CN (AS64500 and the operator "ttk", also AS20485),
 * "ad" KP–RU (ttk by its AS number), and a satellite link "sat" in KP with no network.
 */
function topology(): Topology {
  const input = validTopologyInput();
  const [ab] = input.links;
  if (!ab) throw new Error("the fixture has no link");
  input.networks = [
    { asn: 64500, name: "Example Net" },
    { id: "ttk", asn: 20485, name: "TransTeleCom" },
  ];
  input.links.push(
    { ...ab, id: "ac", name: "A–C", networks: [64500, "ttk"] },
    { ...ab, id: "ad", name: "A–D", networks: [20485], countries: ["KP", "RU"], crossings: [] },
    {
      ...ab,
      id: "sat",
      name: "Satellite",
      kind: "satellite",
      networks: [],
      countries: ["KP"],
      crossings: [],
    },
  );
  return parseTopology(input, "test.json");
}

/** The rows as text: "# name count" for a heading, the link's id under it. */
function rows(by: GroupBy, collapsed: ReadonlySet<string> = new Set()): string[] {
  const t = topology();
  return buildListRows(t.links, linkGrouping(t, by, countryName), collapsed).map((row) =>
    row.type === "group" ? `# ${row.name} ${row.count}` : row.link.id,
  );
}

describe("the active links list's rows", () => {
  it("are the links in their order when not grouped", () => {
    expect(rows("none")).toEqual(["ab", "ac", "ad", "sat"]);
  });

  it("grouped by kind, run from the largest group to the smallest", () => {
    expect(rows("kind")).toEqual([
      "# Terrestrial fibre 3",
      "ab",
      "ac",
      "ad",
      "# Satellite 1",
      "sat",
    ]);
  });

  it("grouped by country, list a link under each country it touches, ties by name", () => {
    expect(rows("country")).toEqual([
      "# North Korea 4",
      "ab",
      "ac",
      "ad",
      "sat",
      "# China 2",
      "ab",
      "ac",
      "# Russia 1",
      "ad",
    ]);
  });

  it("grouped by network, list a link under each of its networks, however it names them", () => {
    expect(rows("network")).toEqual([
      "# Example Net 2",
      "ab",
      "ac",
      "# TransTeleCom 2",
      "ac",
      "ad",
      "# No network listed 1",
      "sat",
    ]);
  });

  it("put the group of links without a network last, however large it is", () => {
    const t = topology();
    const bare = t.links.map((l) => (l.id === "ab" ? l : { ...l, networks: [] }));
    const listed = buildListRows(bare, linkGrouping(t, "network", countryName));
    expect(listed.filter((r) => r.type === "group").map((r) => [r.name, r.count])).toEqual([
      ["Example Net", 1],
      ["No network listed", 3],
    ]);
  });

  it("of a collapsed group are its heading alone, still counting its links", () => {
    expect(rows("country", new Set(["KP"]))).toEqual([
      "# North Korea 4",
      "# China 2",
      "ab",
      "ac",
      "# Russia 1",
      "ad",
    ]);
    const t = topology();
    const heading = buildListRows(
      t.links,
      linkGrouping(t, "country", countryName),
      new Set(["KP"]),
    )[0];
    expect(heading).toMatchObject({ type: "group", group: "KP", expanded: false });
  });

  it("have keys unique across groups, though a link is listed twice", () => {
    const t = topology();
    const keys = buildListRows(t.links, linkGrouping(t, "country", countryName)).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the Group by choice", () => {
  it("reads a stored choice, and anything else as no grouping", () => {
    expect(parseGroupBy("country")).toBe("country");
    expect(parseGroupBy("continent")).toBe("none");
    expect(parseGroupBy(null)).toBe("none");
  });
});

describe("a long list's window", () => {
  /** Heading rows 40 px high, link rows 62 px. */
  const heights = (row: ListRow) => (row.type === "group" ? 40 : 62);
  const grouped = () => {
    const t = topology();
    return buildListRows(t.links, linkGrouping(t, "country", countryName));
  };

  it("places each row below the ones before it, headings and links at their own heights", () => {
    const offsets = rowOffsets(grouped(), heights);
    // North Korea's heading, its four links, China's heading, …
    expect([...offsets.slice(0, 7)]).toEqual([0, 40, 102, 164, 226, 288, 328]);
    expect(offsets[offsets.length - 1]).toBe(3 * 40 + 7 * 62);
  });

  it("finds the row at a height, the last one past the end", () => {
    const offsets = rowOffsets(grouped(), heights);
    expect(rowAt(offsets, 0)).toBe(0);
    expect(rowAt(offsets, 39)).toBe(0);
    expect(rowAt(offsets, 40)).toBe(1);
    expect(rowAt(offsets, 300)).toBe(5);
    expect(rowAt(offsets, 10_000)).toBe(9);
  });

  it("holds the rows in view and an overscan on each side", () => {
    const offsets = rowOffsets(grouped(), heights);
    expect(rowWindow(offsets, 110, 230, 1)).toEqual({ first: 1, last: 6 });
    expect(rowWindow(offsets, 0, 50, 0)).toEqual({ first: 0, last: 2 });
  });

  it("holds the nearest rows when the view is above or below the list", () => {
    const offsets = rowOffsets(grouped(), heights);
    expect(rowWindow(offsets, -500, -100, 3)).toEqual({ first: 0, last: 3 });
    expect(rowWindow(offsets, 5000, 5600, 3)).toEqual({ first: 7, last: 10 });
  });

  it("of 10,000 rows holds a few dozen", () => {
    const t = topology();
    const link = t.links[0];
    if (!link) throw new Error("no link");
    const many = Array.from({ length: 10_000 }, (_, i) => ({ ...link, id: `l${i}` }));
    const offsets = rowOffsets(buildListRows(many, undefined), heights);
    const { first, last } = rowWindow(offsets, 62 * 5000, 62 * 5000 + 700, 8);
    expect(first).toBe(4992);
    expect(last - first).toBeLessThan(40);
  });
});

describe("the list's keys", () => {
  it("move to the next or previous row, and to the first or last", () => {
    expect(rowFrom("ArrowDown", 3, 10)).toBe(4);
    expect(rowFrom("ArrowUp", 3, 10)).toBe(2);
    expect(rowFrom("Home", 3, 10)).toBe(0);
    expect(rowFrom("End", 3, 10)).toBe(9);
  });

  it("go nowhere past the ends, or for another key", () => {
    expect(rowFrom("ArrowDown", 9, 10)).toBeUndefined();
    expect(rowFrom("ArrowUp", 0, 10)).toBeUndefined();
    expect(rowFrom("PageDown", 3, 10)).toBeUndefined();
    expect(rowFrom("End", 0, 0)).toBeUndefined();
  });
});
