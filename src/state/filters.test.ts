import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import {
  activeCountsByKind,
  compareDates,
  hasFilters,
  kindShown,
  passesFilters,
  shownLinkIds,
  toggleKind,
} from "./filters";

const northKorea = () =>
  parseTopology(
    JSON.parse(readFileSync("public/data/north-korea.topology.json", "utf8")),
    "north-korea.topology.json",
  );
const linkNamed = (t: ReturnType<typeof northKorea>, pattern: RegExp) => {
  const link = t.links.find((l) => pattern.test(l.name));
  if (!link) throw new Error(`no link matching ${pattern}`);
  return link;
};

describe("filters", () => {
  it("let every link through when no group is set, and say so", () => {
    const t = northKorea();
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ kinds: [] })).toBe(false);
    expect(shownLinkIds(t, {})).toBeNull();
    expect(t.links.every((l) => passesFilters(l, {}, t))).toBe(true);
  });

  it("need a link to match every group given, and any value within one", () => {
    const t = northKorea();
    const ttk = linkNamed(t, /TransTeleCom/);
    expect(passesFilters(ttk, { networks: ["AS20485"] }, t)).toBe(true);
    expect(passesFilters(ttk, { networks: ["AS4837", "AS20485"] }, t)).toBe(true);
    expect(passesFilters(ttk, { networks: ["AS4837"] }, t)).toBe(false);
    expect(passesFilters(ttk, { countries: ["RU"], kinds: ["terrestrial"] }, t)).toBe(true);
    expect(passesFilters(ttk, { countries: ["RU"], kinds: ["satellite"] }, t)).toBe(false);
    expect(passesFilters(ttk, { countries: ["US"] }, t)).toBe(false);
  });

  it("find a network by its key, whether a link names it by AS number or by id", () => {
    const input = validTopologyInput();
    input.networks = [
      { id: "telco", asn: 64500, name: "Telco" },
      { id: "owner", name: "Cable Owner" },
    ];
    input.links.push(
      { ...input.links[0], id: "by-id", networks: ["telco", "owner"] },
      { ...input.links[0], id: "by-owner", networks: ["owner"] },
    );
    const t = parseTopology(input, "test.json");
    const ids = (networks: string[]) =>
      t.links.filter((l) => passesFilters(l, { networks }, t)).map((l) => l.id);
    // "ab" names Telco by its AS number, "by-id" by its id: its key is the id.
    expect(ids(["telco"])).toEqual(["ab", "by-id"]);
    expect(ids(["owner"])).toEqual(["by-id", "by-owner"]);
    expect(ids(["AS64500"])).toEqual(["ab", "by-id"]);
    expect(ids(["owner", "telco"])).toEqual(["ab", "by-id", "by-owner"]);
  });

  it("never count a planned interval as active", () => {
    const input = validTopologyInput();
    input.links.push({
      ...input.links[0],
      id: "planned",
      planned: [{ from: "2016-01-01", to: "2018-12-31" }],
      active: [{ from: "2019-01-01", to: null }],
    });
    const t = parseTopology(input, "test.json");
    expect(activeCountsByKind(t, "2017-01-01", {}).get("terrestrial")).toBe(1);
    expect(activeCountsByKind(t, "2019-01-01", {}).get("terrestrial")).toBe(2);
    expect(compareDates(t, "2017-01-01", "2019-06-01", {}).onlyB.map((l) => l.id)).toEqual([
      "planned",
    ]);
  });

  it("count the active links of each kind on a date, whatever the kind filter", () => {
    const t = northKorea();
    const satelliteOff = { kinds: ["terrestrial" as const] };
    const counts = activeCountsByKind(t, "2013-01-01", satelliteOff);
    expect(counts.get("satellite")).toBe(1);
    expect(counts.get("terrestrial")).toBe(1);
    expect(activeCountsByKind(t, "2018-01-01", {}).get("terrestrial")).toBe(2);
    expect(activeCountsByKind(t, "2018-01-01", { networks: ["AS4837"] }).get("terrestrial")).toBe(
      1,
    );
  });

  it("untick a kind by listing the others, and clear the group when all are ticked again", () => {
    const available = ["terrestrial", "satellite"] as const;
    const off = toggleKind({}, "satellite", available);
    expect(off.kinds).toEqual(["terrestrial"]);
    expect(kindShown(off, "satellite")).toBe(false);
    expect(kindShown(off, "terrestrial")).toBe(true);
    const on = toggleKind(off, "satellite", available);
    expect(on.kinds).toEqual([]);
    expect(hasFilters(on)).toBe(false);
  });
});

describe("comparing two dates", () => {
  it("puts TransTeleCom only at B and China Unicom at both, for 2012-06-01 against 2018-01-01", () => {
    const t = northKorea();
    const c = compareDates(t, "2012-06-01", "2018-01-01", {});
    expect(c.onlyB.map((l) => l.name)).toEqual([linkNamed(t, /TransTeleCom/).name]);
    expect(c.both.map((l) => l.name)).toEqual([linkNamed(t, /China Unicom/).name]);
  });

  it("is symmetric: swapping the dates swaps only-at-A and only-at-B", () => {
    const t = northKorea();
    const ab = compareDates(t, "2013-01-01", "2018-01-01", {});
    const ba = compareDates(t, "2018-01-01", "2013-01-01", {});
    expect(ba.onlyA).toEqual(ab.onlyB);
    expect(ba.onlyB).toEqual(ab.onlyA);
    expect(ba.both).toEqual(ab.both);
  });

  it("leaves out links the filters hide", () => {
    const t = northKorea();
    const c = compareDates(t, "2012-06-01", "2018-01-01", { networks: ["AS4837"] });
    expect([...c.onlyA, ...c.onlyB, ...c.both].map((l) => l.networks)).toEqual([
      expect.arrayContaining([4837]),
    ]);
  });
});
