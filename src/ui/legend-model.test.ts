import { describe, expect, it } from "vitest";
import { DATA_PALETTES, toHex } from "../layers/palette";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import type { Filters } from "../state/store";
import {
  buildCompareView,
  buildCountryGroup,
  buildFixedKeys,
  buildKindRows,
  buildLegendChoices,
  buildLegendHeader,
  buildNetworkGroup,
  type LegendState,
  legendCaption,
  legendKey,
  togglePicked,
  yearBefore,
} from "./legend-model";

/**
 * The fixture (terrestrial link "ab", KP–CN, AS64500, from 2010) with a place "c" in Russia and
 * a satellite link "ac" (KP–RU, AS64501) active 2012–2015. AS64502 carries no link.
 */
function twoKinds(): Topology {
  const input = validTopologyInput();
  input.networks = [
    { asn: 64500, name: "Example Net" },
    { asn: 64501, name: "Other Net" },
    { asn: 64502, name: "Idle Net" },
  ];
  input.nodes.push({
    id: "c",
    name: "C",
    kind: "city",
    country: "RU",
    coordinates: [131.9, 43.1],
    sources: ["src"],
  });
  input.links.push({
    id: "ac",
    name: "A–C",
    kind: "satellite",
    from: "a",
    to: "c",
    networks: [64501],
    active: [{ from: "2012-01-01", to: "2015-12-31" }],
    sources: ["src"],
    path: [
      [125.7, 39],
      [131.9, 43.1],
    ],
    lengthKm: 700,
    countries: ["KP", "RU"],
    crossings: [],
  });
  return parseTopology(input, "test.json");
}

/** The fixture with `count` more terrestrial links "l0"… named "Link 0"…, active from `from`. */
function manyLinks(count: number, from: string): Topology {
  const input = validTopologyInput();
  const [ab] = input.links;
  for (let i = 0; i < count; i++) {
    input.links.push({ ...ab, id: `l${i}`, name: `Link ${i}`, active: [{ from, to: null }] });
  }
  return parseTopology(input, "test.json");
}

const state = (
  date: string,
  filters: Filters = {},
  compare: string | null = null,
): LegendState => ({
  date,
  filters,
  compare,
  theme: "dark",
});

const countryNames: Record<string, string> = { CN: "China", KP: "North Korea", RU: "Russia" };
const countryName = (code: string) => countryNames[code] ?? code;

describe("the legend's choices", () => {
  it("lists the dataset's link kinds in the schema's order, and the networks that carry a link", () => {
    const choices = buildLegendChoices(twoKinds());
    expect(choices.kinds).toEqual(["terrestrial", "satellite"]);
    expect(choices.networks.map((n) => n.key)).toEqual(["AS64500", "AS64501"]);
    expect(choices.countries).toEqual(["CN", "KP", "RU"]);
    expect(choices.planned).toBe(false);
  });
});

describe("the kinds", () => {
  it("counts the links of each kind active on the date", () => {
    const t = twoKinds();
    const rows = buildKindRows(t, ["terrestrial", "satellite"], state("2013-01-01"));
    expect(rows.map((r) => [r.kind, r.count])).toEqual([
      ["terrestrial", 1],
      ["satellite", 1],
    ]);
    const later = buildKindRows(t, ["terrestrial", "satellite"], state("2017-01-01"));
    expect(later.map((r) => r.count)).toEqual([1, 0]);
  });

  it("counts with the network filter but not the kind filter, and unticks the kinds filtered out", () => {
    const filters: Filters = { kinds: ["terrestrial"], networks: ["AS64501"] };
    const rows = buildKindRows(
      twoKinds(),
      ["terrestrial", "satellite"],
      state("2013-01-01", filters),
    );
    expect(rows.map((r) => [r.kind, r.count, r.shown])).toEqual([
      ["terrestrial", 0, true],
      ["satellite", 1, false],
    ]);
  });

  it("names each kind, noting that a satellite arc is not on the ground, in the theme's colour", () => {
    const rows = buildKindRows(twoKinds(), ["terrestrial", "satellite"], {
      ...state("2013-01-01"),
      theme: "light",
    });
    expect(rows.map((r) => r.label)).toEqual([
      "Terrestrial fibre",
      "Satellite (arc: not on the ground)",
    ]);
    expect(rows[1]?.shape).toBe("key-line key-satellite");
    expect(rows[1]?.color).toBe(toHex(DATA_PALETTES.light.links.satellite));
  });

  it("keys disruptions, border crossings and places below the kinds", () => {
    expect(buildFixedKeys("dark")).toEqual([
      {
        shape: "key-line key-disrupted",
        color: toHex(DATA_PALETTES.dark.disrupted),
        label: "Disrupted: outage or attack",
      },
      { shape: "key-ring", color: toHex(DATA_PALETTES.dark.crossing), label: "Border crossing" },
      {
        shape: "key-dot",
        color: toHex(DATA_PALETTES.dark.node),
        label: "Place (size: number of links)",
      },
    ]);
  });

  it("keys planned links (a thin dash) only for a dataset that has them", () => {
    const [planned] = buildFixedKeys("dark", true);
    expect(planned).toEqual({
      shape: "key-line key-planned",
      color: toHex(DATA_PALETTES.dark.label),
      label: "Planned (before ready for service)",
    });
    expect(buildFixedKeys("dark", false).map((k) => k.label)).not.toContain(planned?.label);
    const input = validTopologyInput();
    input.links.push({
      ...input.links[0],
      id: "later",
      planned: [{ from: "2012-01-01", to: "2013-12-31" }],
      active: [{ from: "2014-01-01", to: null }],
    });
    expect(buildLegendChoices(parseTopology(input, "test.json")).planned).toBe(true);
  });

  it("does not count a planned link among the active ones", () => {
    const input = validTopologyInput();
    input.links.push({
      ...input.links[0],
      id: "later",
      planned: [{ from: "2012-01-01", to: "2013-12-31" }],
      active: [{ from: "2014-01-01", to: null }],
    });
    const t = parseTopology(input, "test.json");
    expect(buildKindRows(t, ["terrestrial"], state("2013-01-01"))[0]?.count).toBe(1);
    expect(buildKindRows(t, ["terrestrial"], state("2014-01-01"))[0]?.count).toBe(2);
  });

  it("captions the kinds with the date in words", () => {
    expect(legendCaption("2018-01-01")).toBe("Links active on 1 Jan 2018");
  });
});

describe("when the legend rebuilds", () => {
  it("keeps its key while a new date leaves the counts unchanged", () => {
    const t = twoKinds();
    expect(legendKey(t, state("2013-01-01"))).toBe(legendKey(t, state("2014-06-01")));
    expect(legendKey(t, state("2013-01-01"))).not.toBe(legendKey(t, state("2017-01-01")));
  });

  it("changes its key with the filters, the theme and, while comparing, every date", () => {
    const t = twoKinds();
    const key = legendKey(t, state("2013-01-01"));
    expect(legendKey(t, state("2013-01-01", { networks: ["AS64500"] }))).not.toBe(key);
    expect(legendKey(t, { ...state("2013-01-01"), theme: "light" })).not.toBe(key);
    const comparing = (date: string) => legendKey(t, state(date, {}, "2011-01-01"));
    expect(comparing("2013-01-01")).not.toBe(comparing("2013-01-02"));
  });
});

describe("the compare view", () => {
  it("splits the links passing the filters into only at A, only at B and at both", () => {
    const view = buildCompareView(twoKinds(), "2013-01-01", state("2017-01-01"));
    expect(view.dateA).toBe("2013-01-01");
    expect(view.dateB).toBe("2017-01-01");
    expect(view.rows.map((r) => [r.label, r.count, r.named])).toEqual([
      ["Only at A (gone by 2017-01-01)", 1, ["A–C"]],
      ["Only at B (new since 2013-01-01)", 0, []],
      ["At both dates", 1, ["A–B"]],
    ]);
    const filtered = buildCompareView(
      twoKinds(),
      "2013-01-01",
      state("2017-01-01", { kinds: ["terrestrial"] }),
    );
    expect(filtered.rows.map((r) => r.count)).toEqual([0, 0, 1]);
  });

  it("names four links of a class and counts the rest", () => {
    const view = buildCompareView(manyLinks(6, "2015-01-01"), "2012-01-01", state("2016-01-01"));
    const [, onlyB] = view.rows;
    expect(onlyB?.count).toBe(6);
    expect(onlyB?.named).toEqual(["Link 0", "Link 1", "Link 2", "Link 3"]);
    expect(onlyB?.more).toBe(2);
  });

  it("keys the three classes in the theme's compare colours", () => {
    const view = buildCompareView(twoKinds(), "2013-01-01", state("2017-01-01"));
    const { onlyA, onlyB, both } = DATA_PALETTES.dark.compare;
    expect(view.rows.map((r) => [r.shape, r.color])).toEqual([
      ["key-line key-only-a", toHex(onlyA)],
      ["key-line key-only-b", toHex(onlyB)],
      ["key-line key-both", toHex(both)],
    ]);
  });
});

describe("the filter groups", () => {
  it("label networks with their AS number and countries with their code, and say what is picked", () => {
    const choices = buildLegendChoices(twoKinds());
    const networks = buildNetworkGroup(choices, undefined);
    expect(networks?.title).toBe("Networks");
    expect(networks?.value).toBe("all");
    expect(networks?.options).toEqual([
      { value: "AS64500", label: "Example Net · AS64500", count: 1, checked: false },
      { value: "AS64501", label: "Other Net · AS64501", count: 1, checked: false },
    ]);
    const countries = buildCountryGroup(choices, ["RU"], countryName);
    expect(countries?.title).toBe("Countries");
    expect(countries?.value).toBe("1 of 3");
    expect(countries?.options.map((o) => [o.label, o.checked])).toEqual([
      ["China (CN)", false],
      ["North Korea (KP)", false],
      ["Russia (RU)", true],
    ]);
  });

  it("are left out when the dataset offers a single choice", () => {
    const choices = buildLegendChoices(parseTopology(validTopologyInput(), "test.json"));
    expect(buildNetworkGroup(choices, undefined)).toBeNull();
    expect(buildCountryGroup(choices, undefined, countryName)).not.toBeNull();
  });

  it("tick and untick values in the dataset's order, whatever the clicking order", () => {
    const choices = buildLegendChoices(twoKinds());
    const picked = buildCountryGroup(choices, ["RU"], countryName);
    if (!picked) throw new Error("no Countries group");
    expect(togglePicked(picked, "CN")).toEqual(["CN", "RU"]);
    expect(togglePicked(picked, "RU")).toEqual([]);
  });
});

describe("the legend's header", () => {
  it("is the legend with a Compare button, and offers Clear filters only while a filter is set", () => {
    expect(buildLegendHeader(state("2018-01-01"))).toEqual({
      title: "Legend",
      comparing: false,
      compareLabel: "Compare dates",
      canClear: false,
    });
    expect(buildLegendHeader(state("2018-01-01", { kinds: ["satellite"] })).canClear).toBe(true);
    expect(buildLegendHeader(state("2018-01-01", { kinds: [] })).canClear).toBe(false);
  });

  it("is titled Compare dates with a Stop comparing button while comparing", () => {
    const header = buildLegendHeader(state("2018-01-01", {}, "2017-01-01"));
    expect(header).toMatchObject({
      title: "Compare dates",
      comparing: true,
      compareLabel: "Stop comparing",
    });
  });
});

describe("yearBefore", () => {
  it("gives the same day a year earlier, and 28 February for 29 February", () => {
    expect(yearBefore("2018-06-15")).toBe("2017-06-15");
    expect(yearBefore("2016-02-29")).toBe("2015-02-28");
    expect(yearBefore("0100-01-01")).toBe("0099-01-01");
  });
});
