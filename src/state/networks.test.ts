import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import { keyRef, linkNetworkKeys, networksWithLinks, refsOfKeys } from "./networks";

/**
 * The fixture's link "ab" (naming AS64500, listed with the id "example") with two cables: "c1"
 * run by the owner "orange" and by "example" (named by id), and "c2" naming "orange" twice.
 * "idle-co" is listed but runs no link.
 */
function withOwners(): Topology {
  const input = validTopologyInput();
  input.networks = [
    { id: "example", asn: 64500, name: "Example Net" },
    { id: "idle-co", name: "Idle Co" },
    { id: "orange", name: "Orange" },
  ];
  const [ab] = input.links;
  input.links.push(
    { ...ab, id: "c1", networks: ["orange", "example"] },
    { ...ab, id: "c2", networks: ["orange", "orange"] },
  );
  return parseTopology(input, "test.json");
}

describe("a dataset's networks by key", () => {
  it("keyRef reads an AS<number> key as that AS number and any other key as an id", () => {
    expect(keyRef("AS20485")).toBe(20485);
    expect(keyRef("orange")).toBe("orange");
    expect(keyRef("AS0")).toBe("AS0");
  });

  it("linkNetworkKeys names a link's networks by key, each once, by AS number or id alike", () => {
    const t = withOwners();
    const keys = (id: string) => {
      const link = t.links.find((l) => l.id === id);
      if (!link) throw new Error(`no link ${id}`);
      return linkNetworkKeys(t, link);
    };
    expect(keys("ab")).toEqual(["example"]);
    expect(keys("c1")).toEqual(["orange", "example"]);
    expect(keys("c2")).toEqual(["orange"]);
  });

  it("networksWithLinks lists the networks that run links, with their links, in the dataset's order", () => {
    const t = withOwners();
    expect(networksWithLinks(t).map((n) => [n.key, n.links.map((l) => l.id)])).toEqual([
      ["example", ["ab", "c1"]],
      ["orange", ["c1", "c2"]],
    ]);
    // Built once per topology.
    expect(networksWithLinks(t)).toBe(networksWithLinks(t));
  });

  it("networksWithLinks counts each link of a shared list of networks, once per network", () => {
    const t = withOwners();
    // As a link table's reader gives them: the links of one list share it.
    const shared = ["orange", "example", "orange"];
    const links = t.links.map((link) => ({ ...link, networks: shared }));
    const listed = networksWithLinks({ ...t, links });
    expect(listed.map((n) => [n.key, n.links.length])).toEqual([
      ["example", 3],
      ["orange", 3],
    ]);
  });

  it("refsOfKeys gives every reference that names the chosen networks, once per list", () => {
    const t = withOwners();
    const keys = ["example", "AS64999"];
    expect([...refsOfKeys(t, keys)]).toEqual([64500, "example", 64999]);
    expect(refsOfKeys(t, keys)).toBe(refsOfKeys(t, keys));
  });
});
