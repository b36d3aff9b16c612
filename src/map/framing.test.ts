import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { coordinatesExtent } from "../model/path-coordinates";
import { validTopologyInput } from "../model/test-fixtures";
import { selectionCoordinates } from "./framing";

/** The test topology whose link is a cable of two parts: a trunk west, a branch far north. */
function branched() {
  const input = validTopologyInput();
  const [link] = input.links;
  if (link)
    link.path = [
      [
        [125.7, 39],
        [124.4, 40.1],
      ],
      [
        [124.4, 40.1],
        [128, 46],
      ],
    ];
  return parseTopology(input);
}

describe("selectionCoordinates", () => {
  it("covers every part of a selected link's path, so framing takes in its branches", () => {
    const coordinates = selectionCoordinates(branched(), { kind: "link", id: "ab" });
    expect(coordinatesExtent(coordinates)).toEqual([
      [124.4, 39],
      [128, 46],
    ]);
  });

  it("is a place's point for a place, and nothing for an unknown id", () => {
    const topology = branched();
    expect(Array.from(selectionCoordinates(topology, { kind: "node", id: "b" }))).toEqual([
      124.4, 40.1,
    ]);
    expect(selectionCoordinates(topology, { kind: "link", id: "gone" })).toHaveLength(0);
  });
});
