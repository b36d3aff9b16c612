/**
 * The country focus panel: the focused country's cross-border links and foreign upstreams on the
 * current date, in a sentence (the text alternative), a step chart over the dataset's time range
 * (click, drag or arrow keys set the date) and a table of the upstream networks (sorted by a click
 * on a column's header; the sort holds for the session's other countries and dates).
 * What it shows is `country-panel-model.ts`; the chart is `country-chart.ts`; its other elements
 * are `country-panel-view.ts`; this file wires them to the store, the pointer and the keyboard.
 */
import "./country-panel.css";
import type { Topology } from "../model/schema";
import {
  type ConnectivityPoint,
  type ConnectivitySeries,
  connectivityIndexOn,
  connectivitySeries,
  summarizeConnectivity,
} from "../state/connectivity";
import { type AppStore, setDate, setFocus, setPlaying, watch } from "../state/store";
import { buildChart, type Chart } from "./country-chart";
import { buildCountryDateView, CHART_KEYS, changePointFrom } from "./country-panel-model";
import {
  DEFAULT_UPSTREAM_SORT,
  nextUpstreamSort,
  type UpstreamColumn,
} from "./country-panel-table";
import {
  type CountryPanelParts,
  createCountryPanel,
  createCountryPanelParts,
  focusByClassName,
  focusedClassName,
  renderCountryDate,
  renderCountryPanel,
} from "./country-panel-view";

/** What the country panel needs from the session. */
export interface CountryPanelDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** The country's name for people, from its ISO 3166-1 alpha-2 code. */
  readonly countryName: (code: string) => string;
}

/** The country on show, and the index of the point on show (what changes with the date). */
interface ShownCountry {
  readonly series: ConnectivitySeries;
  readonly name: string;
  readonly chart: Chart;
  readonly parts: CountryPanelParts;
  index: number | undefined;
}

/** Clicking or dragging on the chart sets the date under the pointer; its keys step the date. */
function listenToChart(
  frame: HTMLElement,
  chart: Chart,
  store: AppStore,
  points: readonly ConnectivityPoint[],
): void {
  frame.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    frame.setPointerCapture(e.pointerId);
    frame.focus({ preventScroll: true });
    setPlaying(store, false);
    setDate(store, chart.dateAt(e.clientX, e.clientY));
  });
  frame.addEventListener("pointermove", (e) => {
    if (frame.hasPointerCapture(e.pointerId)) setDate(store, chart.dateAt(e.clientX, e.clientY));
  });
  frame.addEventListener("keydown", (e) => {
    if (!CHART_KEYS.includes(e.key)) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    // The page's timeline and map also listen for arrows: this key is the chart's alone.
    e.preventDefault();
    e.stopPropagation();
    const date = changePointFrom(points, e.key, store.getState().date);
    if (!date) return;
    setPlaying(store, false);
    setDate(store, date);
  });
}

/** Shows the focused country's connectivity while `focus` is set; returns the disposer. */
export function setupCountryPanel(root: HTMLElement, deps: CountryPanelDeps): () => void {
  const { store, topology, countryName } = deps;
  const panel = createCountryPanel();
  root.append(panel);

  let view: ShownCountry | undefined;
  let sort = DEFAULT_UPSTREAM_SORT;

  const drawDate = (shown: ShownCountry, index: number) =>
    renderCountryDate(
      shown.parts,
      buildCountryDateView(shown.series, shown.name, index, sort),
      onSort,
    );
  const onSort = (column: UpstreamColumn) => {
    sort = nextUpstreamSort(sort, column);
    if (view?.index !== undefined) drawDate(view, view.index);
  };

  const renderDate = (date: string) => {
    if (!view) return;
    view.chart.moveCursor(date);
    const index = connectivityIndexOn(view.series, date);
    if (index === view.index) return;
    view.index = index;
    drawDate(view, index);
  };

  const buildView = (code: string) => {
    // A rebuild (theme, or another country) keeps keyboard focus on the same control.
    const refocus = focusedClassName(panel);
    const series = connectivitySeries(topology, code);
    const name = countryName(code);
    const chart = buildChart(series, summarizeConnectivity(name, series));
    const parts = createCountryPanelParts(chart.element);
    view = { series, name, chart, parts, index: undefined };
    parts.close.addEventListener("click", () => setFocus(store, null));
    listenToChart(parts.frame, chart, store, series.points);
    renderCountryPanel(panel, name, parts);
    renderDate(store.getState().date);
    if (refocus) focusByClassName(panel, refocus);
  };

  // Where keyboard focus was when the panel opened: it returns there when the panel closes.
  let returnFocus: HTMLElement | null = null;
  const render = () => {
    const { focus } = store.getState();
    const wasOpen = !panel.hidden;
    panel.hidden = focus === null;
    if (!wasOpen && focus !== null) returnFocus = document.activeElement as HTMLElement | null;
    if (wasOpen && focus === null) {
      const closedFromInside =
        panel.contains(document.activeElement) || document.activeElement === document.body;
      if (closedFromInside && returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
    }
    if (focus === null) {
      view = undefined;
      panel.replaceChildren();
    } else buildView(focus);
  };

  render();
  const disposers = [
    watch(store, (s) => s.focus, render),
    watch(store, (s) => s.theme, render),
    watch(store, (s) => s.date, renderDate),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    panel.remove();
  };
}
