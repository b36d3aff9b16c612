import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import {
  type ConnectivityPoint,
  connectivityOn,
  connectivitySeries,
  describeConnectivity,
  largestUpstreams,
  summarizeConnectivity,
} from "./connectivity";
import { crossBorderLinkIds } from "./cross-border";

const northKorea = () =>
  parseTopology(
    JSON.parse(readFileSync("public/data/north-korea.topology.json", "utf8")),
    "north-korea.topology.json",
  );

/** The fixture's KP–CN link (AS64500, no country), active only until `to`. */
const fixtureUntil = (to: string) => {
  const input = validTopologyInput();
  (input.links[0] as { active: unknown }).active = [{ from: "2012-01-01", to }];
  return parseTopology(input);
};

const northKoreaUpstreams = (date: string) =>
  connectivityOn(connectivitySeries(northKorea(), "KP"), date)?.upstreamNames;

describe("connectivity", () => {
  it("North Korea has two foreign upstreams on 2018-01-01: China Unicom and TransTeleCom", () => {
    const point = connectivityOn(connectivitySeries(northKorea(), "KP"), "2018-01-01");
    expect(point).toMatchObject({ date: "2017-10-01", links: 2, upstreams: 2 });
    expect(point?.networks.map((n) => n.asn)).toEqual([4837, 20485]);
    expect(point?.upstreamNames).toEqual([
      "China Unicom (CHINA169 backbone)",
      "TransTeleCom (TTK)",
    ]);
  });

  it("North Korea's own network, Star JV, is never a foreign upstream", () => {
    const series = connectivitySeries(northKorea(), "KP");
    expect(series.points.flatMap((p) => p.networks.map((n) => n.asn))).not.toContain(131279);
  });

  it("on 2012-06-01 North Korea reaches China Unicom by fibre and Intelsat by satellite", () => {
    // The data: the Intelsat link is active 2012-04-08 to 2014-01-01 (partial transit).
    expect(northKoreaUpstreams("2012-06-01")).toEqual([
      "China Unicom (CHINA169 backbone)",
      "Intelsat",
    ]);
    expect(northKoreaUpstreams("2012-04-07")).toEqual(["China Unicom (CHINA169 backbone)"]);
    expect(northKoreaUpstreams("2014-01-02")).toEqual(["China Unicom (CHINA169 backbone)"]);
  });

  it("a satellite link counts as cross-border though it lists one country and no crossing", () => {
    expect([...crossBorderLinkIds(northKorea(), "KP")].sort()).toEqual([
      "intelsat-satellite",
      "ttk-khasan",
      "unicom-sinuiju-dandong",
    ]);
    expect([...crossBorderLinkIds(northKorea(), "RU")]).toEqual(["ttk-khasan"]);
  });

  it("North Korea's series steps when Intelsat starts and ends and when TransTeleCom starts", () => {
    const series = connectivitySeries(northKorea(), "KP");
    expect(series.points.map((p) => [p.date, p.links, p.upstreams])).toEqual([
      ["2010-11-18", 1, 1],
      ["2012-04-08", 2, 2],
      ["2014-01-02", 1, 1],
      ["2017-10-01", 2, 2],
    ]);
    expect(series.range).toEqual(["2010-11-18", "2026-11-01"]);
  });

  it("North Korea's events are its markers, in date order", () => {
    const { events } = connectivitySeries(northKorea(), "KP");
    expect(events.map((e) => [e.date, e.kind])).toEqual([
      ["2010-11-18", "activation"],
      ["2012-04-08", "activation"],
      ["2014-12-18", "attack"],
      ["2014-12-22", "outage"],
      ["2017-09-22", "attack"],
      ["2017-10-01", "activation"],
      ["2022-01-14", "outage"],
      ["2022-01-26", "outage"],
    ]);
    expect(events[5]?.title).toBe("A second route, through Russia's TransTeleCom");
  });

  it("a country with no links has one zero point and no markers", () => {
    const series = connectivitySeries(northKorea(), "US");
    expect(series.points).toEqual([
      { date: "2010-11-18", links: 0, upstreams: 0, upstreamNames: [], networks: [] },
    ]);
    expect(series.events).toEqual([]);
    expect(connectivityOn(series, "2020-01-01")?.links).toBe(0);
  });

  it("a link active until D counts on D and not on D+1", () => {
    const series = connectivitySeries(fixtureUntil("2015-06-30"), "KP");
    expect(connectivityOn(series, "2015-06-30")).toMatchObject({ links: 1, upstreams: 1 });
    expect(connectivityOn(series, "2015-07-01")).toMatchObject({ links: 0, upstreams: 0 });
    expect(series.points.map((p) => p.date)).toEqual(["2010-01-01", "2012-01-01", "2015-07-01"]);
  });

  it("a network with no known country counts as foreign, named as in the dataset", () => {
    const point = connectivityOn(
      connectivitySeries(fixtureUntil("2015-06-30"), "KP"),
      "2013-01-01",
    );
    expect(point?.networks).toEqual([
      { key: "AS64500", asn: 64500, name: "Example Net", links: 1 },
    ]);
  });

  it("an operator without an AS number is an upstream by name, and planned links carry nothing", () => {
    const input = validTopologyInput();
    input.networks = [{ id: "orange", name: "Orange", country: "FR" }];
    input.links[0] = {
      ...input.links[0],
      networks: ["orange"],
      planned: [{ from: "2011-01-01", to: "2011-12-31" }],
      active: [{ from: "2012-01-01", to: null }],
    };
    const series = connectivitySeries(parseTopology(input), "KP");
    expect(connectivityOn(series, "2011-06-01")).toMatchObject({ links: 0, upstreams: 0 });
    expect(connectivityOn(series, "2013-01-01")?.networks).toEqual([
      { key: "orange", asn: undefined, name: "Orange", links: 1 },
    ]);
    // The planned interval's start is no change point: nothing changed then.
    expect(series.points.map((p) => p.date)).toEqual(["2010-01-01", "2012-01-01"]);
  });

  it("connectivityOn gives nothing before the series starts", () => {
    expect(connectivityOn(connectivitySeries(northKorea(), "KP"), "2010-01-01")).toBeUndefined();
  });

  it("a change past the time range's end is left out", () => {
    const series = connectivitySeries(fixtureUntil("2020-01-01"), "KP");
    expect(series.points.map((p) => p.date)).toEqual(["2010-01-01", "2012-01-01"]);
  });
});

describe("describeConnectivity", () => {
  /** A point on `date` with `links` links and upstreams named `names`, of `sizes[i]` links each (1 by default). */
  const point = (
    date: string,
    links: number,
    names: string[],
    sizes: number[] = [],
  ): ConnectivityPoint => {
    const networks = names
      .map((name, i) => ({ key: `AS${i + 1}`, asn: i + 1, name, links: sizes[i] ?? 1 }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return {
      date,
      links,
      upstreams: names.length,
      upstreamNames: networks.map((n) => n.name),
      networks,
    };
  };

  it("names two upstreams and the link count", () => {
    expect(
      describeConnectivity("North Korea", point("2017-10-01", 2, ["China Unicom", "TransTeleCom"])),
    ).toBe(
      "From 2017-10-01 North Korea has 2 cross-border links and 2 foreign upstreams: China Unicom, TransTeleCom.",
    );
  });

  it("speaks of one upstream in the singular and gives the last day before the next change", () => {
    expect(
      describeConnectivity("North Korea", point("2010-11-18", 1, ["China Unicom"]), "2012-04-08"),
    ).toBe(
      "From 2010-11-18 to 2012-04-07 North Korea has 1 cross-border link and 1 foreign upstream: China Unicom.",
    );
  });

  it("says when links carry no known upstream, and when there is no link", () => {
    expect(describeConnectivity("Cuba", point("2012-08-01", 1, []))).toBe(
      "From 2012-08-01 Cuba has 1 cross-border link and no known foreign upstream.",
    );
    expect(describeConnectivity("Nowhere", point("2010-01-01", 0, []))).toBe(
      "From 2010-01-01 Nowhere has no cross-border link and no foreign upstream.",
    );
  });

  it("names all of five upstreams by name, whatever their sizes", () => {
    const five = point(
      "2020-01-01",
      9,
      ["Echo", "Delta", "Charlie", "Bravo", "Alpha"],
      [1, 5, 2, 1, 3],
    );
    expect(describeConnectivity("Iceland", five)).toBe(
      "From 2020-01-01 Iceland has 9 cross-border links and 5 foreign upstreams: Alpha, Bravo, Charlie, Delta, Echo.",
    );
  });

  it("of more than five upstreams names the three with the most links, ties by name, and counts the rest", () => {
    const names = ["Zeta", "Verizon", "C&W Networks", "AT&T", "Orange", "Beta", "Gamma"];
    const many = point("2021-06-29", 63, names, [9, 9, 9, 12, 2, 1, 1]);
    expect(describeConnectivity("the United States", many)).toBe(
      "From 2021-06-29 the United States has 63 cross-border links and 7 foreign upstreams, " +
        "the largest AT&T (12 links), C&W Networks (9), Verizon (9) and 4 more.",
    );
  });

  it("when all of many upstreams are as large, names three by name as examples, not as the largest", () => {
    const names = ["F", "E", "D", "C", "B", "A"];
    expect(describeConnectivity("Fiji", point("2020-01-01", 1, names))).toBe(
      "From 2020-01-01 Fiji has 1 cross-border link and 6 foreign upstreams, each on 1 link, among them A, B, C and 3 more.",
    );
  });

  it("before the series starts, says nothing is recorded until its first date", () => {
    expect(describeConnectivity("North Korea", undefined, "2010-11-18")).toBe(
      "Before 2010-11-18 the dataset records no cross-border link of North Korea.",
    );
  });

  it("largestUpstreams orders by links, then name, then key", () => {
    const up = (key: string, name: string, links: number) => ({ key, asn: undefined, name, links });
    const sorted = largestUpstreams([
      up("b2", "B", 1),
      up("a", "A", 1),
      up("c", "C", 4),
      up("b1", "B", 1),
    ]);
    expect(sorted.map((n) => n.key)).toEqual(["c", "a", "b1", "b2"]);
  });

  it("summarizeConnectivity tells the whole range in one sentence", () => {
    expect(summarizeConnectivity("North Korea", connectivitySeries(northKorea(), "KP"))).toBe(
      "Cross-border links and foreign upstreams of North Korea, 2010–2026: " +
        "from 2010-11-18, 1 link and 1 upstream; from 2012-04-08, 2 links and 2 upstreams; " +
        "from 2014-01-02, 1 link and 1 upstream; from 2017-10-01, 2 links and 2 upstreams.",
    );
    expect(summarizeConnectivity("the US", connectivitySeries(northKorea(), "US"))).toBe(
      "Cross-border links and foreign upstreams of the US, 2010–2026: none recorded.",
    );
  });
});

describe("an upstream's size", () => {
  it("counts the country's active cross-border links that name the network, each link once", () => {
    const input = validTopologyInput();
    const [ab] = input.links;
    if (!ab) throw new Error("the fixture has no link");
    input.networks = [
      { asn: 64500, name: "Example Net" },
      { id: "orange", asn: 5511, name: "Orange" },
    ];
    ab.networks = [64500, "orange", 5511];
    ab.active = [{ from: "2012-01-01", to: null }];
    input.links.push({ ...ab, id: "ab2", networks: ["orange"], active: ab.active });
    const point = connectivityOn(connectivitySeries(parseTopology(input), "KP"), "2013-01-01");
    expect(point?.networks.map((n) => [n.name, n.links])).toEqual([
      ["Example Net", 1],
      ["Orange", 2],
    ]);
  });

  it("a change in an upstream's count of links is a change point, though the totals stay", () => {
    const input = validTopologyInput();
    const [ab] = input.links;
    if (!ab) throw new Error("the fixture has no link");
    input.networks = [
      { asn: 64500, name: "Example Net" },
      { asn: 64501, name: "Beta Net" },
    ];
    // Until 2014 two links of Example Net, then one of each: two links and two upstreams throughout.
    ab.networks = [64500, 64501];
    ab.active = [{ from: "2012-01-01", to: null }];
    input.links.push({
      ...ab,
      id: "ab2",
      networks: [64500],
      active: [{ from: "2012-01-01", to: "2013-12-31" }],
    });
    input.links.push({
      ...ab,
      id: "ab3",
      networks: [64501],
      active: [{ from: "2014-01-01", to: null }],
    });
    const series = connectivitySeries(parseTopology(input), "KP");
    expect(series.points.map((p) => [p.date, p.links, p.upstreams])).toEqual([
      ["2010-01-01", 0, 0],
      ["2012-01-01", 2, 2],
      ["2014-01-01", 2, 2],
    ]);
  });
});
