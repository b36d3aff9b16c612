import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import {
  buildDateView,
  buildMarkers,
  buildTicks,
  buildTimelineScale,
  dateAtOffset,
  eventJump,
  markerRows,
  markerTop,
  playButtonView,
  sliderKeyAction,
  stepHint,
  timelineRange,
  toPercent,
  trackFraction,
} from "./timeline-model";

/** The fixture (2010–2020, one outage on 2014-12-22 about link "ab"), over `timeRange`. */
function topology(timeRange: [string, string] = ["2010-01-01", "2020-01-01"]): Topology {
  return parseTopology({ ...validTopologyInput(), timeRange }, "test.json");
}

/** The fixture with events on these dates, each about link "ab", node "a" or nothing. */
function withEvents(
  events: { date: string; links?: string[]; nodes?: string[]; end?: string }[],
): Topology {
  const input = validTopologyInput();
  input.events = events.map((event, i) => ({
    id: `e${i}`,
    kind: "note",
    title: `Event ${i}`,
    sources: ["src"],
    ...event,
  }));
  return parseTopology(input, "test.json");
}

describe("the timeline's scale", () => {
  it("timelineRange runs from 1 January of the first year to the dataset's last date", () => {
    expect(timelineRange(topology(["2010-06-15", "2020-03-01"]))).toEqual([
      "2010-01-01",
      "2020-03-01",
    ]);
  });

  it("buildTimelineScale steps by day within a year, by month within 30 years, else by year", () => {
    expect(buildTimelineScale(topology(["2014-01-01", "2014-12-31"])).unit).toBe("day");
    expect(buildTimelineScale(topology(["2010-01-01", "2020-01-01"])).unit).toBe("month");
    expect(buildTimelineScale(topology(["1960-01-01", "2020-01-01"])).unit).toBe("year");
  });

  it("stepHint names the arrow keys' step and the Page keys' year", () => {
    expect(stepHint("month")).toBe("←/→ 1 month · PgUp/PgDn 1 year");
    expect(stepHint("day")).toBe("←/→ 1 day · PgUp/PgDn 1 year");
  });

  it("trackFraction puts the range's ends at 0 and 1 and clamps dates outside it", () => {
    const scale = buildTimelineScale(topology(["2010-01-01", "2010-01-11"]));
    expect(trackFraction(scale, "2010-01-01")).toBe(0);
    expect(trackFraction(scale, "2010-01-06")).toBe(0.5);
    expect(trackFraction(scale, "2010-01-11")).toBe(1);
    expect(trackFraction(scale, "2009-05-01")).toBe(0);
    expect(trackFraction(scale, "2030-01-01")).toBe(1);
  });

  it("toPercent writes a fraction as a CSS percentage with three decimals", () => {
    expect(toPercent(0.5)).toBe("50.000%");
    expect(toPercent(1 / 3)).toBe("33.333%");
  });

  it("dateAtOffset reads the date under a point on the track, clamped to its ends", () => {
    const scale = buildTimelineScale(topology(["2010-01-01", "2010-01-11"]));
    expect(dateAtOffset(scale, 50, 100)).toBe("2010-01-06");
    expect(dateAtOffset(scale, -20, 100)).toBe("2010-01-01");
    expect(dateAtOffset(scale, 140, 100)).toBe("2010-01-11");
  });
});

describe("the timeline's ticks and markers", () => {
  it("buildTicks labels every year of a short range, at 1 January", () => {
    const ticks = buildTicks(buildTimelineScale(topology(["2010-01-01", "2012-12-31"])));
    expect(ticks.map((t) => t.label)).toEqual(["2010", "2011", "2012"]);
    expect(ticks[0]?.left).toBe("0.000%");
  });

  it("buildTicks thins a long range's years to about a dozen", () => {
    const ticks = buildTicks(buildTimelineScale(topology(["1990-01-01", "2019-12-31"])));
    expect(ticks.map((t) => t.label)).toEqual([
      "1990",
      "1993",
      "1996",
      "1999",
      "2002",
      "2005",
      "2008",
      "2011",
      "2014",
      "2017",
    ]);
  });

  it("buildMarkers places each event with its kind's colour, its name and its tooltip line", () => {
    const t = topology();
    const [marker] = buildMarkers(t, buildTimelineScale(t));
    expect(marker?.event.id).toBe("e");
    expect(marker?.at).toBeCloseTo(trackFraction(buildTimelineScale(t), "2014-12-22"));
    expect(marker?.color).toBe("#ff4d5e");
    expect(marker?.label).toBe("2014-12-22: Outage");
    expect(marker?.detail).toBe("22 Dec 2014 · outage");
  });

  it("buildMarkers gives an event with an end both its dates in the tooltip", () => {
    const t = withEvents([{ date: "2014-12-18", end: "2014-12-22" }]);
    const [marker] = buildMarkers(t, buildTimelineScale(t));
    expect(marker?.detail).toBe("18 Dec 2014 – 22 Dec 2014 · note");
  });

  it("markerRows lifts a marker closer than a marker's width to the previous one a row up", () => {
    expect(markerRows([0, 0.1, 0.5], 1000)).toEqual([0, 0, 0]);
    expect(markerRows([0.5, 0.505, 0.51, 0.53], 1000)).toEqual([0, 1, 2, 0]);
  });

  it("markerRows stacks no more than three rows, crowding the top one", () => {
    expect(markerRows([0.5, 0.5, 0.5, 0.5, 0.5], 1000)).toEqual([0, 1, 2, 2, 2]);
  });

  it("markerTop raises each row by 13 pixels", () => {
    expect(markerTop(0)).toBe("0px");
    expect(markerTop(2)).toBe("-26px");
  });
});

describe("the timeline's date and controls", () => {
  it("buildDateView gives the slider's values, the thumb's position and the long date", () => {
    const t = topology(["2010-01-01", "2010-01-11"]);
    expect(buildDateView(t, buildTimelineScale(t), "2010-01-06")).toMatchObject({
      valueNow: "14615",
      valueText: "2010-01-06",
      position: "50.000%",
      label: "6 Jan 2010",
    });
  });

  it("buildDateView enables previous and next event only where there is one that way", () => {
    const t = topology();
    const scale = buildTimelineScale(t);
    expect(buildDateView(t, scale, "2012-01-01")).toMatchObject({
      previousDisabled: true,
      nextDisabled: false,
    });
    expect(buildDateView(t, scale, "2014-12-22")).toMatchObject({
      previousDisabled: true,
      nextDisabled: true,
    });
    expect(buildDateView(t, scale, "2016-01-01")).toMatchObject({
      previousDisabled: false,
      nextDisabled: true,
    });
  });

  it("playButtonView reads Pause, pressed, while playing and Play otherwise", () => {
    expect(playButtonView(true)).toEqual({ symbol: "❚❚ ", name: "Pause", pressed: "true" });
    expect(playButtonView(false)).toEqual({ symbol: "▶ ", name: "Play", pressed: "false" });
  });
});

describe("the slider's keys", () => {
  it("sliderKeyAction steps by the range's unit with the arrows and by a year with Page keys", () => {
    const scale = buildTimelineScale(topology());
    const dateAfter = (key: string) => sliderKeyAction(key, "2017-09-15", scale);
    expect(dateAfter("ArrowRight")).toEqual({ kind: "date", date: "2017-10-15" });
    expect(dateAfter("ArrowUp")).toEqual({ kind: "date", date: "2017-10-15" });
    expect(dateAfter("ArrowLeft")).toEqual({ kind: "date", date: "2017-08-15" });
    expect(dateAfter("ArrowDown")).toEqual({ kind: "date", date: "2017-08-15" });
    expect(dateAfter("PageUp")).toEqual({ kind: "date", date: "2018-09-15" });
    expect(dateAfter("PageDown")).toEqual({ kind: "date", date: "2016-09-15" });
  });

  it("sliderKeyAction stops a step at the range's ends", () => {
    const scale = buildTimelineScale(topology());
    expect(sliderKeyAction("PageUp", "2019-06-01", scale)).toEqual({
      kind: "date",
      date: "2020-01-01",
    });
    expect(sliderKeyAction("ArrowLeft", "2010-01-15", scale)).toEqual({
      kind: "date",
      date: "2010-01-01",
    });
  });

  it("sliderKeyAction goes to the ends with Home and End, plays with Space and ignores others", () => {
    const scale = buildTimelineScale(topology(["2010-06-15", "2020-01-01"]));
    expect(sliderKeyAction("Home", "2015-01-01", scale)).toEqual({
      kind: "date",
      date: "2010-01-01",
    });
    expect(sliderKeyAction("End", "2015-01-01", scale)).toEqual({
      kind: "date",
      date: "2020-01-01",
    });
    expect(sliderKeyAction(" ", "2015-01-01", scale)).toEqual({ kind: "toggle-play" });
    expect(sliderKeyAction("Enter", "2015-01-01", scale)).toBeUndefined();
    expect(sliderKeyAction("a", "2015-01-01", scale)).toBeUndefined();
  });
});

describe("going to an event", () => {
  it("eventJump stops playing, goes to the event's date and selects its first link", () => {
    const t = topology();
    const [event] = t.events;
    if (!event) throw new Error("the fixture has an event");
    expect(eventJump(event, buildTimelineScale(t))).toEqual({
      playing: false,
      date: "2014-12-22",
      selection: { kind: "link", id: "ab" },
    });
  });

  it("eventJump selects an event's first node when it names no link, and else keeps the selection", () => {
    const t = withEvents([{ date: "2012-01-01", nodes: ["a", "b"] }, { date: "2013-01-01" }]);
    const scale = buildTimelineScale(t);
    const [aboutNode, aboutNothing] = t.events;
    if (!aboutNode || !aboutNothing) throw new Error("two events expected");
    expect(eventJump(aboutNode, scale).selection).toEqual({ kind: "node", id: "a" });
    expect(eventJump(aboutNothing, scale)).toEqual({ playing: false, date: "2013-01-01" });
  });

  it("eventJump clamps an event dated after the range to its last day", () => {
    const t = withEvents([{ date: "2019-06-01" }]);
    const [event] = t.events;
    if (!event) throw new Error("the event is missing");
    const scale = { ...buildTimelineScale(t), max: "2018-12-31" };
    expect(eventJump(event, scale).date).toBe("2018-12-31");
  });
});
