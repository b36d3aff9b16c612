/**
 * The country panel's step chart as numbers and text: its grid, year ticks, the paths of the two
 * counts, the event markers, where the date cursor stands and the date under a point. No DOM:
 * `country-chart.ts` draws it, in the coordinates of a `CHART_WIDTH` × `CHART_HEIGHT` view box.
 */
import { scaleLinear, scaleUtc } from "d3-scale";
import { area, curveStepAfter, line } from "d3-shape";
import { fromDayNumber, toDayNumber } from "../model/dates";
import { clampDate, formatEventDates } from "../model/time-steps";
import type { ConnectivityPoint, ConnectivitySeries } from "../state/connectivity";

export const CHART_WIDTH = 300;
export const CHART_HEIGHT = 140;
export const CHART_MARGIN = { top: 10, right: 16, bottom: 36, left: 26 } as const;
/** The y of the time axis; the event markers sit below it. */
export const PLOT_BOTTOM = CHART_HEIGHT - CHART_MARGIN.bottom;
const MARKER_Y = PLOT_BOTTOM + 8;
const MARKER_R = 4.5;
const MS_PER_DAY = 86_400_000;

const MARKER_CLASS: Readonly<Record<string, string>> = {
  activation: "cp-event-on",
  outage: "cp-event-off",
  attack: "cp-event-off",
};

/** A tick of an axis: where it stands (y for counts, x for dates) and its label. */
export interface ChartTick {
  readonly at: number;
  readonly label: string;
}

/** An event's diamond below the axis, with its tooltip. */
export interface ChartMarker {
  readonly className: string;
  /** The diamond's SVG path. */
  readonly d: string;
  readonly title: string;
}

/** What the chart draws, and the two conversions between its x and dates. */
export interface ChartModel {
  /** Whole counts, from 0. */
  readonly countTicks: readonly ChartTick[];
  /** Years when every tick falls on 1 January, else d3's format for the interval. */
  readonly dateTicks: readonly ChartTick[];
  readonly upstreamsArea: string;
  readonly linksLine: string;
  readonly upstreamsLine: string;
  readonly markers: readonly ChartMarker[];
  /** The date cursor's x for `date`, or `null` outside the chart's range. */
  cursorX(date: string): number | null;
  /** The date at `x`, clamped to the range and rounded to a day. */
  dateAtX(x: number): string;
}

const toUtc = (iso: string) => new Date(toDayNumber(iso) * MS_PER_DAY);

export function buildChartModel(series: ConnectivitySeries): ChartModel {
  const [start, end] = series.range;
  const x = scaleUtc(
    [toUtc(start), toUtc(end)],
    [CHART_MARGIN.left, CHART_WIDTH - CHART_MARGIN.right],
  );
  const max = Math.max(1, ...series.points.map((p) => Math.max(p.links, p.upstreams)));
  const y = scaleLinear([0, max], [PLOT_BOTTOM, CHART_MARGIN.top]);
  const yTicks =
    max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : y.ticks(4).filter(Number.isInteger);
  const xTicks = x.ticks(4);
  const allYears = xTicks.every((t) => t.getUTCMonth() === 0 && t.getUTCDate() === 1);
  const xFormat = allYears ? (t: Date) => String(t.getUTCFullYear()) : x.tickFormat(4);

  // The last point holds to the end of the range: repeat it there so its step is drawn.
  const last = series.points[series.points.length - 1] as ConnectivityPoint;
  const steps = [...series.points, { ...last, date: end }];
  const stepLine = (value: (p: ConnectivityPoint) => number) =>
    line<ConnectivityPoint>()
      .x((p) => x(toUtc(p.date)))
      .y((p) => y(value(p)))
      .curve(curveStepAfter)(steps) ?? "";

  const markers = series.events.map((e) => {
    const cx = x(toUtc(clampDate(e.date, start, end)));
    return {
      className: `cp-event ${MARKER_CLASS[e.kind] ?? "cp-event-other"}`,
      d: `M${cx},${MARKER_Y - MARKER_R}l${MARKER_R},${MARKER_R}l${-MARKER_R},${MARKER_R}l${-MARKER_R},${-MARKER_R}z`,
      title: `${formatEventDates(e)} · ${e.kind}: ${e.title}`,
    };
  });

  const [minDay, maxDay] = [toDayNumber(start), toDayNumber(end)];
  return {
    countTicks: yTicks.map((t) => ({ at: y(t), label: String(t) })),
    dateTicks: xTicks.map((t) => ({ at: x(t), label: xFormat(t) })),
    upstreamsArea:
      area<ConnectivityPoint>()
        .x((p) => x(toUtc(p.date)))
        .y0(PLOT_BOTTOM)
        .y1((p) => y(p.upstreams))
        .curve(curveStepAfter)(steps) ?? "",
    linksLine: stepLine((p) => p.links),
    upstreamsLine: stepLine((p) => p.upstreams),
    markers,
    cursorX: (date) => (date >= start && date <= end ? x(toUtc(date)) : null),
    dateAtX(vx) {
      const day = Math.round(x.invert(vx).getTime() / MS_PER_DAY);
      return fromDayNumber(Math.min(maxDay, Math.max(minDay, day)));
    },
  };
}
