import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { type ConnectivitySeries, connectivitySeries } from "../state/connectivity";
import { buildCountryDateView, changePointFrom } from "./country-panel-model";

/**
 * North Korea ("KP") in the fixture with link "ab" (AS64500 Example Net) active 2012–2015 and a
 * second link (AS64501 Beta Net) from 2014: change points on 2010-01-01 (the range's start, no
 * link), 2012-01-01, 2014-01-01 and 2016-01-01.
 */
function northKorea(): ConnectivitySeries {
  const input = validTopologyInput();
  const [ab] = input.links;
  if (!ab) throw new Error("the fixture has no link");
  ab.active = [{ from: "2012-01-01", to: "2015-12-31" }];
  input.networks = [
    { asn: 64500, name: "Example Net" },
    { asn: 64501, name: "Beta Net" },
  ];
  input.links.push({
    ...ab,
    id: "ab2",
    name: "A–B 2",
    networks: [64501],
    active: [{ from: "2014-01-01", to: null }],
  });
  return connectivitySeries(parseTopology(input, "test.json"), "KP");
}

describe("the country panel on a date", () => {
  it("describes the point in force and lists its upstreams by AS number and name", () => {
    const view = buildCountryDateView(northKorea(), "North Korea", 2);
    expect(view.summary).toBe(
      "From 2014-01-01 to 2015-12-31 North Korea has 2 cross-border links and 2 foreign upstreams: Beta Net, Example Net.",
    );
    // Sorted as the sentence names them, the most links first; one link each, so by name.
    expect(view.upstreams).toEqual([
      { key: "AS64501", asn: "AS64501", name: "Beta Net", links: 1 },
      { key: "AS64500", asn: "AS64500", name: "Example Net", links: 1 },
    ]);
    expect(view.hasAsn).toBe(true);
  });

  it("sorts the upstreams as asked, and leaves out the AS column when no upstream has a number", () => {
    const input = validTopologyInput();
    const [ab] = input.links;
    if (!ab) throw new Error("the fixture has no link");
    input.networks = [
      { id: "orange", name: "Orange" },
      { id: "telia", name: "Telia" },
    ];
    ab.networks = ["orange", "telia"];
    input.links.push({ ...ab, id: "ab2", networks: ["telia"] });
    const series = connectivitySeries(parseTopology(input, "test.json"), "KP");
    const last = series.points.length - 1;
    const largest = buildCountryDateView(series, "North Korea", last);
    expect(largest.upstreams.map((r) => [r.name, r.asn, r.links])).toEqual([
      ["Telia", "", 2],
      ["Orange", "", 1],
    ]);
    expect(largest.hasAsn).toBe(false);
    const byName = buildCountryDateView(series, "North Korea", last, {
      column: "name",
      direction: "ascending",
    });
    expect(byName.upstreams.map((r) => r.name)).toEqual(["Orange", "Telia"]);
    expect(byName.sort).toEqual({ column: "name", direction: "ascending" });
  });

  it("lists no upstream while the country has no cross-border link", () => {
    const view = buildCountryDateView(northKorea(), "North Korea", 0);
    expect(view.summary).toBe(
      "From 2010-01-01 to 2011-12-31 North Korea has no cross-border link and no foreign upstream.",
    );
    expect(view.upstreams).toEqual([]);
  });

  it("says the last point holds with no end date", () => {
    const view = buildCountryDateView(northKorea(), "North Korea", 3);
    expect(view.summary).toBe(
      "From 2016-01-01 North Korea has 1 cross-border link and 1 foreign upstream: Beta Net.",
    );
  });

  it("before the series starts, says nothing is recorded before its first date", () => {
    const view = buildCountryDateView(northKorea(), "North Korea", -1);
    expect(view.summary).toBe(
      "Before 2010-01-01 the dataset records no cross-border link of North Korea.",
    );
    expect(view.upstreams).toEqual([]);
  });
});

describe("the chart's keys", () => {
  it("move to the previous or next change point with the arrows", () => {
    const { points } = northKorea();
    expect(changePointFrom(points, "ArrowLeft", "2014-06-01")).toBe("2014-01-01");
    expect(changePointFrom(points, "ArrowRight", "2014-06-01")).toBe("2016-01-01");
    expect(changePointFrom(points, "ArrowLeft", "2014-01-01")).toBe("2012-01-01");
  });

  it("move to the first or last change point with Home and End", () => {
    const { points } = northKorea();
    expect(changePointFrom(points, "Home", "2014-06-01")).toBe("2010-01-01");
    expect(changePointFrom(points, "End", "2014-06-01")).toBe("2016-01-01");
  });

  it("go nowhere past the ends, or for another key", () => {
    const { points } = northKorea();
    expect(changePointFrom(points, "ArrowRight", "2016-01-01")).toBeUndefined();
    expect(changePointFrom(points, "ArrowLeft", "2010-01-01")).toBeUndefined();
    expect(changePointFrom(points, "PageUp", "2014-06-01")).toBeUndefined();
  });
});
