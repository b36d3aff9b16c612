import { describe, expect, it } from "vitest";
import { countryCodeOfName, countryCodeOfPlaceName } from "./country-names";

describe("countryCodeOfPlaceName", () => {
  it("reads the country after the last comma of a landing point's name", () => {
    expect(countryCodeOfPlaceName("Makaha, HI, United States")).toBe("US");
    expect(countryCodeOfPlaceName("Granadilla, Canary Islands, Spain")).toBe("ES");
    expect(countryCodeOfPlaceName("Frederiksted, Virgin Islands (U.S.)")).toBe("VI");
  });

  it("also tries the last two parts, for names such as 'Congo, Dem. Rep.'", () => {
    expect(countryCodeOfPlaceName("Muanda, Congo, Dem. Rep.")).toBe("CD");
    expect(countryCodeOfPlaceName("Busan, Korea, Rep.")).toBe("KR");
  });

  it("returns undefined when no country is named", () => {
    expect(countryCodeOfPlaceName("Somewhere at sea")).toBeUndefined();
    expect(countryCodeOfName("")).toBeUndefined();
  });
});
