import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { attributionText, creditHtml, datasetCredits, escapeHtml } from "./dataset-credit";

const TELEGEOGRAPHY = {
  spdx: "CC-BY-NC-SA-3.0",
  name: "CC BY-NC-SA 3.0",
  url: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
  attribution: "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
};

describe("attributionText", () => {
  it("is the dataset license's attribution, as written", () => {
    const input = { ...validTopologyInput(), license: TELEGEOGRAPHY };
    expect(attributionText(parseTopology(input))).toBe(
      "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
    );
  });

  it("names the license when it asks for no attribution of its own", () => {
    const input = { ...validTopologyInput(), license: { name: "CC BY 4.0" } };
    expect(attributionText(parseTopology(input))).toBe("Data: CC BY 4.0");
  });

  it("without a dataset license, credits each license its sources carry, once each", () => {
    const input = validTopologyInput();
    input.sources = [
      { id: "a", title: "A", license: { name: "ODbL 1.0" } },
      { id: "src", title: "B" },
      { id: "c", title: "C", license: { name: "ODbL 1.0" } },
      { id: "d", title: "D", license: { name: "CC0", attribution: "Map data: D" } },
    ];
    expect(attributionText(parseTopology(input))).toBe("Data: ODbL 1.0 · Map data: D");
  });

  it("prefers the dataset's license to its sources'", () => {
    const input = { ...validTopologyInput(), license: { name: "CC BY 4.0" } };
    input.sources = [{ id: "src", title: "A", license: { name: "ODbL 1.0" } }];
    expect(attributionText(parseTopology(input))).toBe("Data: CC BY 4.0");
  });

  it("is empty when nothing carries a license", () => {
    expect(attributionText(parseTopology(validTopologyInput()))).toBe("");
  });
});

describe("creditHtml", () => {
  it("links the credit to its license, its text escaped", () => {
    const [credit] = datasetCredits({
      license: { name: "X", url: "https://example.org/l?a=1&b=2", attribution: "<b>A & B</b>" },
      sources: [],
    });
    expect(credit && creditHtml(credit)).toBe(
      '<a href="https://example.org/l?a=1&amp;b=2" target="_blank" rel="noopener license">&lt;b&gt;A &amp; B&lt;/b&gt;</a>',
    );
  });

  it("gives the text alone without a URL, or with one that is not http(s)", () => {
    expect(creditHtml({ text: "Data: X", url: null })).toBe("Data: X");
    expect(creditHtml({ text: "Data: X", url: "javascript:alert(1)" })).toBe("Data: X");
  });

  it("escapes every character that means something in HTML", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});
