import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Link, Topology, TopologyNode } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import {
  buildDetailsIndex,
  buildLinkDetails,
  buildLinkStatus,
  buildNodeDetails,
  findSelected,
  formatKm,
  formatLatLon,
} from "./details-model";

/**
 * The fixture (terrestrial link "ab", A–B, KP–CN, AS64500, from 2010, an outage on 2014-12-22)
 * with a waypoint "w", a satellite link "ac" through it to a disputed place "c" (2012–2015, with
 * a note and assumptions), a cited report, an attack on "ac" and a lasting note event at "a".
 */
function withSatellite(): Topology {
  const input = validTopologyInput();
  input.sources.push({
    id: "report",
    title: "A report",
    publisher: "A publisher",
    author: "An author",
    date: "2015-03-01",
    note: "Page 4",
  });
  input.nodes.push(
    {
      id: "w",
      name: "W",
      kind: "waypoint",
      coordinates: [128, 41],
      sources: ["src"],
    },
    {
      id: "c",
      name: "C",
      kind: "city",
      country: "RU",
      coordinates: [131.9, 43.1],
      sources: ["src", "report"],
      dispute: "Claimed by two states",
    },
  );
  input.links.push({
    id: "ac",
    name: "A–C",
    kind: "satellite",
    from: "a",
    via: ["w"],
    to: "c",
    active: [{ from: "2012-01-01", to: "2015-12-31", note: "Leased capacity" }],
    sources: ["report"],
    path: [
      [125.7, 39],
      [131.9, 43.1],
    ],
    lengthKm: 1234.5,
    countries: [],
    crossings: [],
    note: "A relay",
    assumptions: ["The dish faces east"],
  });
  input.events.push(
    {
      id: "hit",
      date: "2013-05-01",
      kind: "attack",
      title: "Jamming",
      links: ["ac"],
      sources: ["src"],
    },
    {
      id: "aside",
      date: "2013-05-01",
      end: "2013-06-01",
      kind: "note",
      title: "Works at A",
      links: ["ab"],
      nodes: ["a"],
      sources: ["src"],
    },
  );
  return parseTopology(input, "test.json");
}

const linkOf = (t: Topology, id: string): Link => {
  const link = t.links.find((l) => l.id === id);
  if (!link) throw new Error(`no link ${id}`);
  return link;
};

const nodeOf = (t: Topology, id: string): TopologyNode => {
  const node = t.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

describe("formatting", () => {
  it("formatKm keeps one decimal under 100 km and none, with thousands grouped, above", () => {
    expect(formatKm(12.34)).toBe("12.3 km");
    expect(formatKm(100)).toBe("100 km");
    expect(formatKm(1234.4)).toBe("1,234 km");
  });

  it("formatLatLon names the hemispheres and wraps the longitude into -180…180", () => {
    expect(formatLatLon([125.7, 39])).toBe("39.000° N, 125.700° E");
    expect(formatLatLon([-200, -10.5])).toBe("10.500° S, 160.000° E");
    expect(formatLatLon([-70.25, 0])).toBe("0.000° N, 70.250° W");
  });
});

describe("findSelected", () => {
  it("finds the selected link or node, and nothing for no selection or an unknown id", () => {
    const t = withSatellite();
    const index = buildDetailsIndex(t);
    expect(findSelected(t, index, { kind: "link", id: "ac" })).toEqual({
      kind: "link",
      link: linkOf(t, "ac"),
    });
    expect(findSelected(t, index, { kind: "node", id: "c" })).toEqual({
      kind: "node",
      node: nodeOf(t, "c"),
    });
    expect(findSelected(t, index, { kind: "link", id: "nowhere" })).toBeNull();
    expect(findSelected(t, index, { kind: "node", id: "ab" })).toBeNull();
    expect(findSelected(t, index, null)).toBeNull();
  });
});

describe("buildLinkStatus", () => {
  it("says whether the link is active on the date", () => {
    const t = withSatellite();
    const ab = linkOf(t, "ab");
    expect(buildLinkStatus(t, ab, "2012-01-01")).toEqual({
      tone: "on",
      text: "Active on this date",
    });
    expect(buildLinkStatus(t, ab, "2009-12-31")).toEqual({
      tone: "off",
      text: "Not active on this date",
    });
  });

  it("names the outage or attack that disrupts an active link, but not a note", () => {
    const t = withSatellite();
    expect(buildLinkStatus(t, linkOf(t, "ab"), "2014-12-22")).toEqual({
      tone: "disrupted",
      text: "Disrupted on this date: Outage",
    });
    expect(buildLinkStatus(t, linkOf(t, "ac"), "2013-05-01")).toEqual({
      tone: "disrupted",
      text: "Disrupted on this date: Jamming",
    });
    expect(buildLinkStatus(t, linkOf(t, "ab"), "2013-05-01").tone).toBe("on");
  });

  it("calls an inactive link not active, even during an outage about it", () => {
    const input = validTopologyInput();
    input.events = input.events.map((e) => ({ ...e, date: "2009-06-01" }));
    const early = parseTopology(input, "test.json");
    expect(buildLinkStatus(early, linkOf(early, "ab"), "2009-06-01")).toEqual({
      tone: "off",
      text: "Not active on this date",
    });
  });
});

describe("buildLinkDetails", () => {
  it("describes a terrestrial link: its route, operators, activity and border crossing", () => {
    const t = withSatellite();
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "ab"));
    expect(details).toMatchObject({
      eyebrow: "Terrestrial fibre",
      title: "A–B",
      route: "A → B",
      length: "170 km along the drawn route",
      operators: [{ asn: "AS64500", name: "Example Net" }],
      intervals: [{ span: "2010-01-01 – today", note: undefined }],
      countries: "KP → CN",
      noCrossing: "No border crossing on the drawn route.",
      notes: { dispute: undefined, note: undefined, assumptions: [] },
      sources: [{ title: "A source", href: "https://example.org/a", meta: "", note: undefined }],
    });
    expect(details.crossings).toEqual([
      { label: "KP → CN", near: " near B (14 km)", coordinates: "40.000° N, 124.500° E" },
    ]);
  });

  it("lists the events about the link with their spans, as the topology orders them", () => {
    const t = withSatellite();
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "ab"));
    expect(details.events).toEqual([
      { kind: "outage", date: "2014-12-22", when: "2014-12-22", title: "Outage" },
      { kind: "note", date: "2013-05-01", when: "2013-05-01 – 2013-06-01", title: "Works at A" },
    ]);
  });

  it("describes a satellite hop through a waypoint, with its notes and no crossing", () => {
    const t = withSatellite();
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "ac"));
    expect(details).toMatchObject({
      eyebrow: "Satellite",
      route: "A → W → C",
      length: "1,235 km along the drawn route",
      operators: [],
      intervals: [{ span: "2012-01-01 – 2015-12-31", note: "Leased capacity" }],
      countries: "—",
      crossings: [],
      noCrossing: "A satellite hop crosses no border on the ground.",
      notes: { dispute: undefined, note: "A relay", assumptions: ["The dish faces east"] },
      sources: [
        {
          title: "A report",
          href: null,
          meta: "A publisher · An author · 2015-03-01",
          note: "Page 4",
        },
      ],
    });
  });
});

describe("buildNodeDetails", () => {
  it("describes a node: its kind and country, place, links through it and events", () => {
    const t = withSatellite();
    const details = buildNodeDetails(t, buildDetailsIndex(t), nodeOf(t, "a"));
    expect(details).toEqual({
      eyebrow: "city · KP",
      title: "A",
      coordinates: "39.000° N, 125.700° E",
      notes: { dispute: undefined, note: undefined, assumptions: [] },
      links: [
        { id: "ab", name: "A–B", activity: "2010-01-01 – today" },
        { id: "ac", name: "A–C", activity: "2012-01-01 – 2015-12-31" },
      ],
      events: [
        { kind: "note", date: "2013-05-01", when: "2013-05-01 – 2013-06-01", title: "Works at A" },
      ],
      sources: [{ title: "A source", href: "https://example.org/a", meta: "", note: undefined }],
    });
  });

  it("leaves the country out of a node without one and keeps a dispute", () => {
    const t = withSatellite();
    const index = buildDetailsIndex(t);
    expect(buildNodeDetails(t, index, nodeOf(t, "w")).eyebrow).toBe("waypoint");
    const c = buildNodeDetails(t, index, nodeOf(t, "c"));
    expect(c.notes.dispute).toBe("Claimed by two states");
    expect(c.links.map((l) => l.id)).toEqual(["ac"]);
    expect(c.sources.map((s) => s.title)).toEqual(["A source", "A report"]);
  });
});
