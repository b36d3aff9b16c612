import { describe, expect, it } from "vitest";
import { createOwnerNetworks, splitOwners } from "./telegeography-owners";

describe("splitOwners", () => {
  it("splits at commas, trims, and keeps a company form with the name before it", () => {
    expect(splitOwners("Facebook,  Vodafone,MTN Group, ")).toEqual([
      "Facebook",
      "Vodafone",
      "MTN Group",
    ]);
    expect(
      splitOwners("Blackburn Technologies,  LLC., Virgin Islands Next Generation Networks, Inc."),
    ).toEqual(["Blackburn Technologies, LLC.", "Virgin Islands Next Generation Networks, Inc."]);
  });
});

describe("createOwnerNetworks", () => {
  it("gives one network per slug, named by the spelling listed most often", () => {
    const owners = createOwnerNetworks();
    expect(owners.add(["Telefónica", "Orange"], "s1")).toEqual(["telefonica", "orange"]);
    owners.add(["Telefonica"], "s2");
    owners.add(["Telefonica"], "s2");
    expect(owners.networks()).toEqual([
      { id: "orange", name: "Orange", sources: ["s1"] },
      { id: "telefonica", name: "Telefonica", sources: ["s1", "s2"] },
    ]);
  });

  it("names a network by the latest spelling when two are listed as often", () => {
    const owners = createOwnerNetworks();
    owners.add(["GO plc"], "s1");
    owners.add(["GO PLC"], "s2");
    expect(owners.networks()[0]?.name).toBe("GO PLC");
  });

  it("lists an owner named twice in one cable once", () => {
    const owners = createOwnerNetworks();
    expect(owners.add(["Orange", "orange", "—"], "s1")).toEqual(["orange"]);
  });
});
