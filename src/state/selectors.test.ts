import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Link, Topology } from "../model/schema";
import { datasetCountries } from "./filters";
import { activeLinksOn, isActiveOn, nodeDegrees, openingDate } from "./selectors";

const northKorea = (): Topology =>
  parseTopology(
    JSON.parse(readFileSync("public/data/north-korea.topology.json", "utf8")),
    "north-korea.topology.json",
  );

/** `topology` with its first link's ends and waypoints replaced. */
const withRoute = (topology: Topology, route: Pick<Link, "from" | "to" | "via">): Topology => {
  const [first, ...rest] = topology.links as [Link, ...Link[]];
  return { ...topology, links: [{ ...first, ...route }, ...rest] };
};

describe("activeLinksOn", () => {
  it("lists the links active on a date, in order, and answers a repeated date from memory", () => {
    const t = northKorea();
    const on2018 = activeLinksOn(t, "2018-01-01");
    expect(on2018.map((l) => l.id)).toEqual(
      t.links.filter((l) => isActiveOn(l.active, "2018-01-01")).map((l) => l.id),
    );
    expect(on2018.length).toBeGreaterThan(0);
    expect(activeLinksOn(t, "2018-01-01")).toBe(on2018);
    const on2005 = activeLinksOn(t, "2005-01-01");
    expect(on2005).not.toBe(on2018);
    expect(on2005.map((l) => l.id)).not.toEqual(on2018.map((l) => l.id));
  });

  it("does not answer one topology with another's links", () => {
    const a = northKorea();
    const b = { ...a, links: a.links.slice(0, 1) };
    const fromA = activeLinksOn(a, "2018-01-01");
    const fromB = activeLinksOn(b, "2018-01-01");
    expect(fromB).not.toBe(fromA);
    expect(fromB.length).toBeLessThanOrEqual(1);
    expect(activeLinksOn(a, "2018-01-01")).toBe(fromA);
  });
});

describe("datasetCountries", () => {
  it("lists every country the links touch once, sorted, and computes it once per topology", () => {
    const t = northKorea();
    const countries = datasetCountries(t);
    expect(countries).toEqual([...new Set(t.links.flatMap((l) => l.countries))].sort());
    expect(countries).toContain("KP");
    expect(datasetCountries(t)).toBe(countries);
    const onlyFirst = { ...t, links: t.links.slice(0, 1) };
    expect(datasetCountries(onlyFirst)).toEqual([...new Set(t.links[0]?.countries)].sort());
  });
});

describe("nodeDegrees", () => {
  it("counts each node once per link that starts, ends or passes through it", () => {
    const t = northKorea();
    const [a, b, c] = t.nodes.map((n) => n.id) as [string, string, string];
    const before = nodeDegrees(t);
    // A waypoint given twice, and one that is also an end, still count once for the link.
    const after = nodeDegrees(withRoute(t, { from: a, to: b, via: [c, c, a] }));
    const first = t.links[0] as Link;
    const change = (id: string) => (after.get(id) ?? 0) - (before.get(id) ?? 0);
    const was = (id: string) =>
      Number(first.from === id || first.to === id || (first.via ?? []).includes(id));
    expect(change(a)).toBe(1 - was(a));
    expect(change(b)).toBe(1 - was(b));
    expect(change(c)).toBe(1 - was(c));
    let total = 0;
    for (const link of t.links) total += new Set([link.from, link.to, ...(link.via ?? [])]).size;
    expect([...before.values()].reduce((s, n) => s + n, 0)).toBe(total);
  });
});

describe("openingDate", () => {
  it("is the date the facts stand for when planned dates reach past it", () => {
    expect(openingDate({ updated: "2021-06-29", timeRange: ["1989-01-01", "2024-04-01"] })).toBe(
      "2021-06-29",
    );
  });
  it("is the range's end when the dataset was reviewed after its last date", () => {
    expect(openingDate({ updated: "2026-11-01", timeRange: ["2009-01-01", "2026-10-01"] })).toBe(
      "2026-10-01",
    );
  });
  it("stays within the range", () => {
    expect(openingDate({ updated: "2000-01-01", timeRange: ["2009-01-01", "2026-10-01"] })).toBe(
      "2009-01-01",
    );
  });
});
