import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import { togglePicked } from "./legend-model";
import {
  buildNetworkChoices,
  buildNetworkGroup,
  type NetworkChoice,
  TOP_NETWORKS,
} from "./legend-networks-model";

/**
 * `count` operators "op-0"… ("Operator 0"…) on `count` cables: cable j is run by operators 0 to j,
 * so operator i runs `count - i` cables. Operator 3 is "Telefónica" and operator 5 has an AS
 * number (64510); "idle" runs nothing. The fixture's own link "ab" is run by AS64500.
 */
function operators(count: number): Topology {
  const input = validTopologyInput();
  const name = (i: number) => (i === 3 ? "Telefónica" : `Operator ${i}`);
  input.networks = [
    { asn: 64500, name: "Example Net" },
    { id: "idle", name: "Idle" },
    ...Array.from({ length: count }, (_, i) =>
      i === 5 ? { id: `op-${i}`, asn: 64510, name: name(i) } : { id: `op-${i}`, name: name(i) },
    ),
  ];
  const [ab] = input.links;
  for (let j = 0; j < count; j++) {
    input.links.push({
      ...ab,
      id: `cable-${j}`,
      networks: Array.from({ length: j + 1 }, (_, i) => `op-${i}`),
    });
  }
  return parseTopology(input, "test.json");
}

const choicesOf = (t: Topology) => ({ networks: buildNetworkChoices(t) });
const labels = (options: readonly { label: string }[]) => options.map((o) => o.label);

describe("the Networks filter's choices", () => {
  it("lists the networks that run links, most links first, each labelled and counted", () => {
    const choices: NetworkChoice[] = buildNetworkChoices(operators(4));
    expect(choices.map((c) => [c.key, c.label, c.count])).toEqual([
      ["op-0", "Operator 0", 4],
      ["op-1", "Operator 1", 3],
      ["op-2", "Operator 2", 2],
      ["AS64500", "Example Net · AS64500", 1],
      ["op-3", "Telefónica", 1],
    ]);
  });
});

describe("the Networks group", () => {
  it("shows a short list whole, without a toggle or a filter box", () => {
    const group = buildNetworkGroup(choicesOf(operators(9)), undefined);
    expect(group?.options).toHaveLength(10);
    expect(group?.more).toBeNull();
    expect(group?.search).toBeNull();
    expect(group?.options[0]).toEqual({
      value: "op-0",
      label: "Operator 0",
      count: 9,
      checked: false,
    });
  });

  it("folds a long list to the top networks behind More networks, with a labelled filter box", () => {
    const choices = choicesOf(operators(20));
    const group = buildNetworkGroup(choices, undefined);
    expect(group?.options.map((o) => o.value)).toEqual(
      Array.from({ length: TOP_NETWORKS }, (_, i) => `op-${i}`),
    );
    expect(group?.more).toEqual({ label: "More networks (13)", expanded: false });
    expect(group?.search).toEqual({ label: "Filter networks", query: "" });
    expect(group?.value).toBe("all");

    const open = buildNetworkGroup(choices, undefined, { expanded: true, query: "" });
    expect(open?.options).toHaveLength(21);
    expect(open?.more).toEqual({ label: "Fewer networks", expanded: true });
  });

  it("keeps a network picked beyond the top in sight, to untick it", () => {
    const group = buildNetworkGroup(choicesOf(operators(20)), ["op-15"]);
    expect(group?.options.map((o) => [o.value, o.checked]).slice(-2)).toEqual([
      ["op-7", false],
      ["op-15", true],
    ]);
    expect(group?.more?.label).toBe("More networks (12)");
    expect(group?.value).toBe("1 of 21");
  });

  it("narrows the list by name, ignoring case and accents, or by AS number", () => {
    const choices = choicesOf(operators(20));
    const narrowed = (query: string) =>
      labels(buildNetworkGroup(choices, undefined, { expanded: false, query })?.options ?? []);
    expect(narrowed("TELEFONICA")).toEqual(["Telefónica"]);
    expect(narrowed("64510")).toEqual(["Operator 5 · AS64510"]);
    expect(narrowed("operator 1")).toEqual([
      "Operator 1",
      "Operator 10",
      "Operator 11",
      "Operator 12",
      "Operator 13",
      "Operator 14",
      "Operator 15",
      "Operator 16",
      "Operator 17",
      "Operator 18",
      "Operator 19",
    ]);
    // While narrowed, everything that matches shows: there is nothing to unfold.
    expect(
      buildNetworkGroup(choices, undefined, { expanded: false, query: "op" })?.more,
    ).toBeNull();
  });

  it("says when the filter box matches no network", () => {
    const group = buildNetworkGroup(choicesOf(operators(20)), undefined, {
      expanded: false,
      query: " Google ",
    });
    expect(group?.options).toEqual([]);
    expect(group?.empty).toBe("No network matches “Google”");
  });

  it("ticks in the list's order, whether or not the other picked networks are on show", () => {
    const choices = choicesOf(operators(20));
    const narrowed = buildNetworkGroup(choices, ["op-15"], { expanded: false, query: "telefon" });
    if (!narrowed) throw new Error("no Networks group");
    expect(togglePicked(narrowed, "op-3")).toEqual(["op-3", "op-15"]);
  });

  it("is left out for a dataset with a single network", () => {
    expect(buildNetworkGroup(choicesOf(operators(0)), undefined)).toBeNull();
  });
});
