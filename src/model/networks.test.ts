import { describe, expect, it } from "vitest";
import { createNetworkIndex, networkKey, networkLabel, refKey } from "./networks";

const NETWORKS = [
  { asn: 20485, name: "TransTeleCom" },
  { id: "orange", name: "Orange" },
  { id: "google", asn: 15169, name: "Google" },
];

describe("networks", () => {
  it("keys a network by its id, or AS<number> when it has none", () => {
    expect(NETWORKS.map(networkKey)).toEqual(["AS20485", "orange", "google"]);
    expect([refKey(20485), refKey("orange")]).toEqual(["AS20485", "orange"]);
  });

  it("labels a network with its AS number where it has one", () => {
    expect(NETWORKS.map(networkLabel)).toEqual([
      "TransTeleCom · AS20485",
      "Orange",
      "Google · AS15169",
    ]);
  });

  it("resolves a link's references by AS number and by id, to the network's key", () => {
    const index = createNetworkIndex(NETWORKS);
    expect(index.resolve(20485)?.name).toBe("TransTeleCom");
    expect(index.resolve("orange")?.name).toBe("Orange");
    // A network with both is found by either, and keyed by its id.
    expect(index.resolve(15169)).toBe(index.resolve("google"));
    expect(index.keyOf(15169)).toBe("google");
    expect(index.resolve("20485")).toBeUndefined();
    expect(index.keyOf(64500)).toBe("AS64500");
    expect([...index.byKey.keys()]).toEqual(["AS20485", "orange", "google"]);
  });
});
