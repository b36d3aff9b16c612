import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Link, Topology, TopologyNode } from "../model/schema";
import { partsTopologyInput, validTopologyInput } from "../model/test-fixtures";
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

describe("buildLinkDetails of a cable of several parts", () => {
  it("says what its route is rather than chaining its places, and lists its owners", () => {
    const t = parseTopology(partsTopologyInput(), "parts.json");
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "cable"));
    expect(details.route).toBe("3 parts (trunk and branches) joining 2 places");
    expect(details.operators).toEqual([
      { asn: "", name: "Orange" },
      { asn: "AS64500", name: "Example Net" },
    ]);
    expect(details.formerNames).toEqual([{ name: "Old Cable", until: "2014-06-30" }]);
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

/**
 * A submarine cable "cable" from A through a waypoint "w" and landing "l" to B, run by the owner
 * "orange" (no AS number), by AS64500 (listed as "example") and by AS64999 (not listed); renamed
 * once; planned from 2015 until service on 2017-06-01. The dataset and its source carry licenses.
 */
function withCable(): Topology {
  const input = validTopologyInput();
  input.license = {
    spdx: "CC-BY-NC-SA-3.0",
    name: "CC BY-NC-SA 3.0",
    url: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
    attribution: "Data: TeleGeography",
  };
  input.sources[0] = { ...input.sources[0], license: { name: "Open terms" } };
  input.networks = [
    { id: "example", asn: 64500, name: "Example Net" },
    { id: "orange", name: "Orange" },
    { asn: 64999, name: "Far Net" },
  ];
  input.nodes.push(
    { id: "w", name: "W", kind: "waypoint", coordinates: [125, 39.5], sources: ["src"] },
    { id: "l", name: "Landing L", kind: "landing", coordinates: [124.8, 39.8], sources: ["src"] },
  );
  input.links.push({
    ...input.links[0],
    id: "cable",
    name: "New Cable",
    kind: "submarine",
    via: ["w", "l"],
    networks: ["orange", 64500, 64999],
    formerNames: [{ name: "Old Cable", until: "2016-12-31" }, { name: "First Cable" }],
    planned: [{ from: "2015-01-01", to: "2017-05-31" }],
    active: [{ from: "2017-06-01", to: null }],
  });
  return parseTopology(input, "test.json");
}

describe("a cable's details", () => {
  it("lists its operators by name, with an AS number where there is one", () => {
    const t = withCable();
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "cable"));
    expect(details.operators).toEqual([
      { asn: "", name: "Orange" },
      { asn: "AS64500", name: "Example Net" },
      { asn: "AS64999", name: "Far Net" },
    ]);
  });

  it("lists its landings as places to select, leaving routing waypoints out", () => {
    const t = withCable();
    const index = buildDetailsIndex(t);
    const cable = buildLinkDetails(t, index, linkOf(t, "cable"));
    expect(cable.placesTitle).toBe("Landings");
    expect(cable.places).toEqual([
      { id: "a", name: "A", known: true },
      { id: "l", name: "Landing L", known: true },
      { id: "b", name: "B", known: true },
    ]);
    expect(buildLinkDetails(t, index, linkOf(t, "ab")).placesTitle).toBe("Places");
  });

  it("lists the names it had, with the last date of each where known", () => {
    const t = withCable();
    const details = buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "cable"));
    expect(details.formerNames).toEqual([
      { name: "Old Cable", until: "2016-12-31" },
      { name: "First Cable", until: undefined },
    ]);
    expect(details.planned).toEqual([{ span: "2015-01-01 – 2017-05-31", note: undefined }]);
  });

  it("is planned before its ready-for-service date, and active from it", () => {
    const t = withCable();
    const cable = linkOf(t, "cable");
    expect(buildLinkStatus(t, cable, "2016-03-01")).toEqual({
      tone: "planned",
      text: "Planned — ready for service 2017-06-01",
    });
    expect(buildLinkStatus(t, cable, "2017-06-01").tone).toBe("on");
    expect(buildLinkStatus(t, cable, "2014-12-31").tone).toBe("off");
  });

  it("says a cable withdrawn while planned never entered service", () => {
    const input = validTopologyInput();
    input.links[0] = {
      ...input.links[0],
      planned: [{ from: "2012-01-01", to: "2013-06-30" }],
      active: [],
    };
    const t = parseTopology(input, "test.json");
    expect(buildLinkStatus(t, linkOf(t, "ab"), "2013-01-01")).toEqual({
      tone: "planned",
      text: "Planned until 2013-06-30; never in service",
    });
    expect(buildLinkDetails(t, buildDetailsIndex(t), linkOf(t, "ab")).intervals).toEqual([]);
  });

  it("shows its sources' licenses and the dataset's, linked and credited", () => {
    const t = withCable();
    const index = buildDetailsIndex(t);
    const details = buildLinkDetails(t, index, linkOf(t, "cable"));
    expect(details.sources[0]?.license).toEqual({
      name: "Open terms",
      href: null,
      attribution: undefined,
    });
    const license = {
      name: "CC BY-NC-SA 3.0",
      href: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
      attribution: "Data: TeleGeography",
    };
    expect(details.license).toEqual(license);
    expect(buildNodeDetails(t, index, nodeOf(t, "a")).license).toEqual(license);
  });
});
