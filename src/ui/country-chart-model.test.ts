import { describe, expect, it } from "vitest";
import type { ConnectivityMarker, ConnectivitySeries } from "../state/connectivity";
import { buildChartModel, CHART_MARGIN, CHART_WIDTH, PLOT_BOTTOM } from "./country-chart-model";

const LEFT = CHART_MARGIN.left;
const RIGHT = CHART_WIDTH - CHART_MARGIN.right;

/** A series over `range` with these points (date, links, upstreams) and events. */
function series(
  range: [string, string],
  points: [string, number, number][],
  events: ConnectivityMarker[] = [],
): ConnectivitySeries {
  return {
    country: "KP",
    range,
    points: points.map(([date, links, upstreams]) => ({
      date,
      links,
      upstreams,
      upstreamNames: [],
      networks: [],
    })),
    events,
  };
}

/** 2010–2020: no link, then 1 link and 1 upstream from 2012, 2 and 2 from 2014, 1 and 1 from 2016. */
const decade = () =>
  series(
    ["2010-01-01", "2020-01-01"],
    [
      ["2010-01-01", 0, 0],
      ["2012-01-01", 1, 1],
      ["2014-01-01", 2, 2],
      ["2016-01-01", 1, 1],
    ],
  );

describe("the country chart", () => {
  it("grids every whole count up to the highest, from the axis to the top", () => {
    expect(buildChartModel(decade()).countTicks).toEqual([
      { at: PLOT_BOTTOM, label: "0" },
      { at: (PLOT_BOTTOM + CHART_MARGIN.top) / 2, label: "1" },
      { at: CHART_MARGIN.top, label: "2" },
    ]);
  });

  it("grids about four whole counts when the highest is over 4", () => {
    const busy = series(["2014-01-01", "2014-12-31"], [["2014-01-01", 10, 3]]);
    expect(buildChartModel(busy).countTicks.map((t) => t.label)).toEqual([
      "0",
      "2",
      "4",
      "6",
      "8",
      "10",
    ]);
  });

  it("grids up to 1 when the country never has a link", () => {
    const none = series(["2010-01-01", "2020-01-01"], [["2010-01-01", 0, 0]]);
    expect(buildChartModel(none).countTicks.map((t) => t.label)).toEqual(["0", "1"]);
  });

  it("labels the dates by year when every tick falls on 1 January", () => {
    const ticks = buildChartModel(decade()).dateTicks;
    expect(ticks.map((t) => t.label)).toEqual(["2010", "2012", "2014", "2016", "2018", "2020"]);
    expect(ticks[0]?.at).toBe(LEFT);
    expect(ticks[5]?.at).toBe(RIGHT);
  });

  it("labels the dates by month within a year", () => {
    const year = series(["2014-01-01", "2014-12-31"], [["2014-01-01", 1, 1]]);
    expect(buildChartModel(year).dateTicks.map((t) => t.label)).toEqual([
      "2014",
      "April",
      "July",
      "October",
    ]);
  });

  it("draws each count as steps that hold the last point to the end of the range", () => {
    const model = buildChartModel(decade());
    expect(model.linksLine).toBe(
      "M26,104L77.572,104L77.572,57L129.214,57L129.214,10L180.786,10L180.786,57L284,57L284,57",
    );
    expect(model.upstreamsArea.startsWith(`M${LEFT},${PLOT_BOTTOM}`)).toBe(true);
    expect(model.upstreamsArea.endsWith("Z")).toBe(true);
  });

  it("marks each event below the axis, classed by kind, with its dates, kind and title", () => {
    const events: ConnectivityMarker[] = [
      { id: "x", date: "2009-05-01", end: "2010-02-01", kind: "activation", title: "On" },
      { id: "y", date: "2014-12-22", kind: "outage", title: "Cut" },
      { id: "z", date: "2016-07-01", kind: "reroute", title: "Moved" },
    ];
    const model = buildChartModel({ ...decade(), events });
    expect(model.markers.map((m) => [m.className, m.title])).toEqual([
      ["cp-event cp-event-on", "1 May 2009 – 1 Feb 2010 · activation: On"],
      ["cp-event cp-event-off", "22 Dec 2014 · outage: Cut"],
      ["cp-event cp-event-other", "1 Jul 2016 · reroute: Moved"],
    ]);
    // An event before the range is marked at its start.
    expect(model.markers[0]?.d).toBe(`M${LEFT},107.5l4.5,4.5l-4.5,4.5l-4.5,-4.5z`);
  });

  it("places the date cursor within the range and hides it outside", () => {
    const model = buildChartModel(decade());
    expect(model.cursorX("2010-01-01")).toBe(LEFT);
    expect(model.cursorX("2020-01-01")).toBe(RIGHT);
    expect(model.cursorX("2009-12-31")).toBeNull();
    expect(model.cursorX("2020-01-02")).toBeNull();
  });

  it("reads the date under a point, rounded to a day and clamped to the range", () => {
    const model = buildChartModel(decade());
    expect(model.dateAtX((model.cursorX("2015-03-14") ?? 0) + 0.01)).toBe("2015-03-14");
    expect(model.dateAtX(0)).toBe("2010-01-01");
    expect(model.dateAtX(CHART_WIDTH)).toBe("2020-01-01");
  });
});
