import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { createLayerInputs } from "./layer-inputs";

/** Two links: `ab` from 2010 on, `bc` only in 2015–2016; an outage on `ab` at the end of 2014. */
const twoLinks = () => {
  const input = validTopologyInput();
  input.nodes.push({
    id: "c",
    name: "C",
    kind: "city",
    country: "RU",
    coordinates: [131.9, 43.1],
    sources: ["src"],
  });
  input.links.push({
    id: "bc",
    name: "B–C",
    kind: "submarine",
    from: "b",
    to: "c",
    active: [{ from: "2015-01-01", to: "2016-12-31" }],
    sources: ["src"],
    path: [
      [124.4, 40.1],
      [131.9, 43.1],
    ],
    lengthKm: 690,
    countries: ["CN", "RU"],
    crossings: [{ from: "CN", to: "RU", at: [130, 42] }],
  });
  return parseTopology(input, "two-links.json");
};

const at = (
  date: string,
  more: Partial<Parameters<ReturnType<typeof createLayerInputs>>[0]> = {},
) => ({
  date,
  filters: {},
  focus: null,
  compare: null,
  ...more,
});

describe("createLayerInputs", () => {
  it("names the places on the links active on the date", () => {
    const inputs = createLayerInputs(twoLinks());
    expect([...inputs(at("2012-01-01")).activeNodes].sort()).toEqual(["a", "b"]);
    expect([...inputs(at("2015-06-01")).activeNodes].sort()).toEqual(["a", "b", "c"]);
  });

  it("keeps the same set objects while the date moves within the same links", () => {
    const inputs = createLayerInputs(twoLinks());
    const first = inputs(at("2011-01-01"));
    const later = inputs(at("2013-01-01"));
    expect(later.activeNodes).toBe(first.activeNodes);
    expect(later.disrupted).toBe(first.disrupted);
    const changed = inputs(at("2015-06-01"));
    expect(changed.activeNodes).not.toBe(first.activeNodes);
  });

  it("marks the links an outage disrupts on its date only", () => {
    const inputs = createLayerInputs(twoLinks());
    expect([...inputs(at("2014-12-22")).disrupted]).toEqual(["ab"]);
    expect(inputs(at("2015-06-01")).disrupted.size).toBe(0);
  });

  it("lets every link through without filters, and only the matching ones with them", () => {
    const inputs = createLayerInputs(twoLinks());
    expect(inputs(at("2015-06-01")).shown).toBeNull();
    const filtered = inputs(at("2015-06-01", { filters: { kinds: ["submarine"] } }));
    expect(filtered.shown && [...filtered.shown]).toEqual(["bc"]);
    expect([...filtered.activeNodes].sort()).toEqual(["b", "c"]);
  });

  it("gives a country in focus its cross-border links", () => {
    const inputs = createLayerInputs(twoLinks());
    const focused = inputs(at("2015-06-01", { focus: "RU" }));
    expect(focused.focusLinks && [...focused.focusLinks]).toEqual(["bc"]);
    expect(inputs(at("2015-06-01")).focusLinks).toBeNull();
  });

  it("sorts links into compare mode's classes, and drops them when compare ends", () => {
    const inputs = createLayerInputs(twoLinks());
    const compared = inputs(at("2017-06-01", { compare: "2015-06-01" })).compare;
    expect(compared && [...compared.onlyA]).toEqual(["bc"]);
    expect(compared && [...compared.both]).toEqual(["ab"]);
    expect(compared?.onlyB.size).toBe(0);
    expect(inputs(at("2017-06-01")).compare).toBeNull();
  });

  it("counts no planned link as active: its places stay idle, and compare mode leaves it out", () => {
    const topology = twoLinks();
    const bc = topology.links.find((l) => l.id === "bc");
    if (!bc) throw new Error("the fixture has a link bc");
    const planned = { ...bc, planned: [{ from: "2013-01-01", to: "2014-12-31" }] };
    const withPlans = { ...topology, links: topology.links.map((l) => (l === bc ? planned : l)) };
    const inputs = createLayerInputs(withPlans);
    expect([...inputs(at("2014-01-01")).activeNodes].sort()).toEqual(["a", "b"]);
    const compared = inputs(at("2014-06-01", { compare: "2012-01-01" })).compare;
    expect(compared && [...compared.both]).toEqual(["ab"]);
    expect(compared && [...compared.onlyA, ...compared.onlyB]).toEqual([]);
  });
});
