/**
 * What the country panel shows for a date, computed from the country's connectivity series: the
 * sentence that describes it and the table of upstream networks (`country-panel-table.ts`); and
 * where the chart's keys move the date.
 * No DOM: `country-panel-view.ts` draws it.
 */
import {
  type ConnectivityPoint,
  type ConnectivitySeries,
  describeConnectivity,
} from "../state/connectivity";
import {
  DEFAULT_UPSTREAM_SORT,
  sortUpstreamRows,
  type UpstreamRow,
  type UpstreamSort,
} from "./country-panel-table";

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

/** What changes with the date: the sentence (the chart's text alternative) and the upstreams. */
export interface CountryDateView {
  readonly summary: string;
  /** Empty when the country has no foreign upstream on the date (or before the series starts). */
  readonly upstreams: readonly UpstreamRow[];
  /** How `upstreams` are sorted. */
  readonly sort: UpstreamSort;
  /** False when no upstream has an AS number (cable owners): the table leaves the column out. */
  readonly hasAsn: boolean;
}

/**
 * The view of point `index` of `series` (-1: before it starts) for the country called `name`,
 * with the upstreams sorted by `sort`.
 */
export function buildCountryDateView(
  series: ConnectivitySeries,
  name: string,
  index: number,
  sort: UpstreamSort = DEFAULT_UPSTREAM_SORT,
): CountryDateView {
  const { points } = series;
  const point = points[index];
  const next = points[index + 1]?.date;
  const networks = point?.networks ?? [];
  return {
    summary: describeConnectivity(name, point, next),
    upstreams: sortUpstreamRows(networks, sort),
    sort,
    hasAsn: networks.some((n) => n.asn !== undefined),
  };
}
