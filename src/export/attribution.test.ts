import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import {
  ATTRIBUTION_PREFIX,
  attributionPublishers,
  buildAttribution,
  wrapText,
} from "./attribution";

/** The fixture with three sources by two publishers; the link cites the second and third. */
function topologyWithSources() {
  const input = validTopologyInput();
  input.sources = [
    { id: "src", title: "A source", publisher: "Dyn Research" },
    { id: "caida", title: "AS relationships", publisher: "CAIDA" },
    { id: "dyn-2", title: "Another report", publisher: "Dyn Research" },
    { id: "blog", title: "A blog post", author: "A. Writer" },
  ];
  const [link] = input.links;
  if (link) link.sources = ["caida", "dyn-2"];
  return parseTopology(input);
}

const upTo = (length: number) => (line: string) => line.length <= length;

describe("attribution", () => {
  it("attributionPublishers lists the publishers of the selected link's sources, in citation order", () => {
    expect(attributionPublishers(topologyWithSources(), { kind: "link", id: "ab" })).toEqual([
      "CAIDA",
      "Dyn Research",
    ]);
  });

  it("attributionPublishers lists every publisher of the dataset once when nothing is selected", () => {
    expect(attributionPublishers(topologyWithSources(), null)).toEqual([
      "Dyn Research",
      "CAIDA",
      "A. Writer",
    ]);
  });

  it("attributionPublishers uses a selected node's sources", () => {
    expect(attributionPublishers(topologyWithSources(), { kind: "node", id: "a" })).toEqual([
      "Dyn Research",
    ]);
  });

  it("buildAttribution names every publisher when the line fits", () => {
    expect(buildAttribution(["Dyn Research", "CAIDA"], upTo(200))).toBe(
      "Uplinks · Boundaries: Natural Earth · Sources: Dyn Research, CAIDA",
    );
  });

  it("buildAttribution counts the publishers it has no room to name", () => {
    const publishers = ["Dyn Research", "CAIDA", "The Register", "Reuters", "Wired"];
    expect(buildAttribution(publishers, upTo(80))).toBe(
      "Uplinks · Boundaries: Natural Earth · Sources: Dyn Research, CAIDA and 3 more",
    );
    expect(buildAttribution(publishers, upTo(72))).toBe(
      "Uplinks · Boundaries: Natural Earth · Sources: Dyn Research and 4 more",
    );
  });

  it("buildAttribution falls back to a count, then to the prefix alone", () => {
    const publishers = ["A very long publisher name indeed", "Another long publisher name"];
    expect(buildAttribution(publishers, upTo(62))).toBe(
      "Uplinks · Boundaries: Natural Earth · Sources: 2 publishers",
    );
    expect(buildAttribution(publishers, upTo(40))).toBe(ATTRIBUTION_PREFIX);
  });

  it("buildAttribution writes the prefix alone when there is no publisher", () => {
    expect(buildAttribution([], upTo(200))).toBe(ATTRIBUTION_PREFIX);
  });
});

describe("wrapText", () => {
  it("breaks a credit between words into lines that fit", () => {
    expect(
      wrapText(
        "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
        upTo(40),
        3,
      ),
    ).toEqual(["Submarine cable data: TeleGeography,", "submarinecablemap.com (CC BY-NC-SA 3.0)"]);
  });

  it("keeps a text that fits on one line", () => {
    expect(wrapText("Data: CC BY 4.0", upTo(40), 3)).toEqual(["Data: CC BY 4.0"]);
  });

  it("puts the rest on the last line allowed, and a word too long on a line of its own", () => {
    expect(wrapText("aa bb cc dd", upTo(2), 2)).toEqual(["aa", "bb cc dd"]);
    expect(wrapText("a verylongword b", upTo(5), 3)).toEqual(["a", "verylongword", "b"]);
  });

  it("gives no line for an empty text", () => {
    expect(wrapText("  ", upTo(5), 3)).toEqual([]);
  });
});
