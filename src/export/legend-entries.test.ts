import { describe, expect, it } from "vitest";
import { DATA_PALETTES } from "../layers/palette";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { buildLegendEntries } from "./legend-entries";

/** The fixture plus a satellite link (the fixture's own link is terrestrial, with an outage). */
function withSatellite() {
  const input = validTopologyInput();
  input.links.push({
    ...input.links[0],
    id: "sat",
    name: "Satellite hop",
    kind: "satellite",
    crossings: [],
  });
  return input;
}

describe("legend entries", () => {
  it("buildLegendEntries lists the link kinds present, in the schema's order, with the theme's colours", () => {
    const entries = buildLegendEntries(parseTopology(withSatellite()), "dark");
    expect(entries.slice(0, 2)).toEqual([
      { label: "Terrestrial fibre", color: DATA_PALETTES.dark.links.terrestrial, key: "line" },
      { label: "Satellite", color: DATA_PALETTES.dark.links.satellite, key: "dashed" },
    ]);
  });

  it("buildLegendEntries takes the light theme's colours on the light theme", () => {
    const [first] = buildLegendEntries(parseTopology(withSatellite()), "light");
    expect(first?.color).toEqual(DATA_PALETTES.light.links.terrestrial);
  });

  it("buildLegendEntries adds disruptions and border crossings when the dataset has them", () => {
    const labels = buildLegendEntries(parseTopology(validTopologyInput()), "dark").map(
      (e) => e.label,
    );
    expect(labels).toEqual([
      "Terrestrial fibre",
      "Disrupted (outage or attack)",
      "Border crossing",
    ]);
  });

  it("buildLegendEntries leaves out disruptions and crossings the dataset does not have", () => {
    const input = validTopologyInput();
    input.events = [];
    const [link] = input.links;
    if (link) link.crossings = [];
    expect(buildLegendEntries(parseTopology(input), "dark").map((e) => e.label)).toEqual([
      "Terrestrial fibre",
    ]);
  });

  it("buildLegendEntries keys planned links when a link has a planned interval", () => {
    const input = validTopologyInput();
    input.events = [];
    const [link] = input.links;
    if (link) {
      link.crossings = [];
      link.planned = [{ from: "2008-01-01", to: "2009-12-31" }];
    }
    expect(buildLegendEntries(parseTopology(input), "dark")).toEqual([
      { label: "Terrestrial fibre", color: DATA_PALETTES.dark.links.terrestrial, key: "line" },
      { label: "Planned (not yet in service)", color: DATA_PALETTES.dark.nodeIdle, key: "dashed" },
    ]);
  });
});
