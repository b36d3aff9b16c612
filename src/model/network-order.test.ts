import { describe, expect, it } from "vitest";
import { compareNetworks } from "./network-order";

describe("compareNetworks", () => {
  it("sorts networks with an AS number by number first, then the others by id", () => {
    const networks = [
      { id: "orange", name: "Orange" },
      { asn: 131279, name: "Star JV" },
      { id: "google", name: "Google" },
      { id: "ttk", asn: 20485, name: "TransTeleCom" },
      { asn: 4837, name: "China Unicom" },
    ];
    expect([...networks].sort(compareNetworks).map((n) => n.id ?? n.asn)).toEqual([
      4837,
      "ttk",
      131279,
      "google",
      "orange",
    ]);
  });
});
