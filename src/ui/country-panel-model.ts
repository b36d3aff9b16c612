/**
 * What the country panel shows for a date, computed from the country's connectivity series: the
 * sentence that describes it and the upstream networks; and where the chart's keys move the date.
 * No DOM: `country-panel-view.ts` draws it.
 */
import {
  type ConnectivityPoint,
  type ConnectivitySeries,
  describeConnectivity,
} from "../state/connectivity";

/** The keys the chart takes for its own (the timeline and the map listen for arrows too). */
export const CHART_KEYS: readonly string[] = ["ArrowLeft", "ArrowRight", "Home", "End"];

/**
 * The date a chart key moves to from `date`: ←/→ the previous/next change point, Home/End the
 * first/last one; `undefined` when there is none that way, or for another key.
 */
export function changePointFrom(
  points: readonly ConnectivityPoint[],
  key: string,
  date: string,
): string | undefined {
  if (key === "ArrowLeft") return points.findLast((p) => p.date < date)?.date;
  if (key === "ArrowRight") return points.find((p) => p.date > date)?.date;
  if (key === "Home") return points[0]?.date;
  if (key === "End") return points[points.length - 1]?.date;
  return undefined;
}

/** An upstream network as listed: "AS4837" ("" for an operator without one) and its name. */
export interface UpstreamRow {
  readonly asn: string;
  readonly name: string;
}

/** What changes with the date: the sentence (the chart's text alternative) and the upstreams. */
export interface CountryDateView {
  readonly summary: string;
  /** Empty when the country has no foreign upstream on the date (or before the series starts). */
  readonly upstreams: readonly UpstreamRow[];
}

/** The view of point `index` of `series` (-1: before it starts) for the country called `name`. */
export function buildCountryDateView(
  series: ConnectivitySeries,
  name: string,
  index: number,
): CountryDateView {
  const { points } = series;
  const point = points[index];
  const next = points[index + 1]?.date;
  return {
    summary: describeConnectivity(name, point, next),
    upstreams: (point?.networks ?? []).map((n) => ({
      asn: n.asn === undefined ? "" : `AS${n.asn}`,
      name: n.name,
    })),
  };
}
