/**
 * The country focus panel: the focused country's cross-border links and foreign upstreams on the
 * current date, in a sentence (the text alternative), a step chart over the dataset's time range
 * (click, drag or arrow keys set the date) and a list of the upstream networks.
 */
import "./country-panel.css";
import { scaleLinear, scaleUtc } from "d3-scale";
import { area, curveStepAfter, line } from "d3-shape";
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Topology } from "../model/schema";
import { clampDate, formatEventDates } from "../model/time-steps";
import {
  type ConnectivityPoint,
  type ConnectivitySeries,
  connectivityIndexOn,
  connectivitySeries,
  describeConnectivity,
  summarizeConnectivity,
} from "../state/connectivity";
import { type AppStore, setDate, setFocus, setPlaying, watch } from "../state/store";
import { h } from "./dom";

export interface CountryPanelDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** The country's name for people, from its ISO 3166-1 alpha-2 code. */
  readonly countryName: (code: string) => string;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const WIDTH = 300;
const HEIGHT = 140;
const MARGIN = { top: 10, right: 16, bottom: 36, left: 26 } as const;
const PLOT_BOTTOM = HEIGHT - MARGIN.bottom;
const MARKER_Y = PLOT_BOTTOM + 8;
const MARKER_R = 4.5;
const MS_PER_DAY = 86_400_000;
const TITLE_ID = "country-panel-title";

const MARKER_CLASS: Readonly<Record<string, string>> = {
  activation: "cp-event-on",
  outage: "cp-event-off",
  attack: "cp-event-off",
};

type SvgChild = Node | string;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  ...children: SvgChild[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const toUtc = (iso: string) => new Date(toDayNumber(iso) * MS_PER_DAY);

interface Chart {
  readonly element: SVGSVGElement;
  /** Moves the date cursor (hidden outside the chart's range). */
  moveCursor(date: string): void;
  /** The date under a pointer, clamped to the range and rounded to a day. */
  dateAt(clientX: number, clientY: number): string;
}

function buildChart(series: ConnectivitySeries, label: string): Chart {
  const [start, end] = series.range;
  const x = scaleUtc([toUtc(start), toUtc(end)], [MARGIN.left, WIDTH - MARGIN.right]);
  const max = Math.max(1, ...series.points.map((p) => Math.max(p.links, p.upstreams)));
  const y = scaleLinear([0, max], [PLOT_BOTTOM, MARGIN.top]);
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

  const grid = yTicks.map((t) =>
    svg(
      "g",
      { class: "cp-grid" },
      svg("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(t), y2: y(t) }),
      svg("text", { x: MARGIN.left - 6, y: y(t), dy: "0.35em", "text-anchor": "end" }, String(t)),
    ),
  );
  const years = xTicks.map((t) =>
    svg("text", { class: "cp-tick", x: x(t), y: HEIGHT - 6, "text-anchor": "middle" }, xFormat(t)),
  );
  const markers = series.events.map((e) => {
    const cx = x(toUtc(clampDate(e.date, start, end)));
    const when = formatEventDates(e);
    return svg(
      "path",
      {
        class: `cp-event ${MARKER_CLASS[e.kind] ?? "cp-event-other"}`,
        d: `M${cx},${MARKER_Y - MARKER_R}l${MARKER_R},${MARKER_R}l${-MARKER_R},${MARKER_R}l${-MARKER_R},${-MARKER_R}z`,
      },
      svg("title", {}, `${when} · ${e.kind}: ${e.title}`),
    );
  });
  const cursor = svg("line", {
    class: "cp-cursor",
    x1: 0,
    x2: 0,
    y1: MARGIN.top - 4,
    y2: PLOT_BOTTOM + 2,
  });

  const element = svg(
    "svg",
    {
      class: "cp-chart",
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      role: "img",
      "aria-label": label,
    },
    ...grid,
    svg("line", {
      class: "cp-axis",
      x1: MARGIN.left,
      x2: WIDTH - MARGIN.right,
      y1: PLOT_BOTTOM,
      y2: PLOT_BOTTOM,
    }),
    // The upstreams also as a shaded area: where both counts are equal, both still show.
    svg("path", {
      class: "cp-upstreams-area",
      d:
        area<ConnectivityPoint>()
          .x((p) => x(toUtc(p.date)))
          .y0(PLOT_BOTTOM)
          .y1((p) => y(p.upstreams))
          .curve(curveStepAfter)(steps) ?? "",
    }),
    svg("path", { class: "cp-links", d: stepLine((p) => p.links) }),
    svg("path", { class: "cp-upstreams", d: stepLine((p) => p.upstreams) }),
    ...markers,
    ...years,
    cursor,
  );

  const [minDay, maxDay] = [toDayNumber(start), toDayNumber(end)];
  return {
    element,
    moveCursor(date) {
      const inside = date >= start && date <= end;
      cursor.setAttribute("visibility", inside ? "visible" : "hidden");
      if (inside) cursor.setAttribute("transform", `translate(${x(toUtc(date)).toFixed(2)},0)`);
    },
    dateAt(clientX, clientY) {
      const matrix = element.getScreenCTM();
      const vx = matrix ? new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse()).x : 0;
      const day = Math.round(x.invert(vx).getTime() / MS_PER_DAY);
      return fromDayNumber(Math.min(maxDay, Math.max(minDay, day)));
    },
  };
}

/** Shows the focused country's connectivity while `focus` is set; returns the disposer. */
export function setupCountryPanel(root: HTMLElement, deps: CountryPanelDeps): () => void {
  const { store, topology, countryName } = deps;
  const panel = h("aside", {
    class: "panel country-panel",
    "aria-labelledby": TITLE_ID,
    hidden: true,
    tabindex: -1,
  });
  root.append(panel);

  /** What changes with the date, for the country on show. */
  let view:
    | {
        series: ConnectivitySeries;
        name: string;
        chart: Chart;
        summary: HTMLElement;
        upstreams: HTMLElement;
        index: number | undefined;
      }
    | undefined;

  const renderDate = (date: string) => {
    if (!view) return;
    view.chart.moveCursor(date);
    const index = connectivityIndexOn(view.series, date);
    if (index === view.index) return;
    view.index = index;
    const { points } = view.series;
    const point = points[index];
    const next = points[index + 1]?.date;
    view.summary.textContent = describeConnectivity(view.name, point, next);
    const networks = point?.networks ?? [];
    view.upstreams.replaceChildren(
      networks.length > 0
        ? h(
            "ul",
            { class: "cp-upstream-list" },
            ...networks.map((n) =>
              h("li", {}, h("span", { class: "asn" }, `AS${n.asn}`), ` ${n.name}`),
            ),
          )
        : h("p", { class: "muted" }, "None on this date."),
    );
  };

  /** ←/→: the previous/next change point; Home/End: the first/last one. */
  const changePointFrom = (key: string, date: string): string | undefined => {
    const points = view?.series.points ?? [];
    if (key === "ArrowLeft") return points.findLast((p) => p.date < date)?.date;
    if (key === "ArrowRight") return points.find((p) => p.date > date)?.date;
    if (key === "Home") return points[0]?.date;
    if (key === "End") return points[points.length - 1]?.date;
    return undefined;
  };

  const buildView = (code: string) => {
    // A rebuild (theme, or another country) keeps keyboard focus on the same control.
    const focused = document.activeElement;
    const refocus =
      focused instanceof HTMLElement && panel.contains(focused) ? focused.className : null;
    const series = connectivitySeries(topology, code);
    const name = countryName(code);
    const chart = buildChart(series, summarizeConnectivity(name, series));
    const summary = h("p", { class: "cp-summary", "aria-live": "polite" });
    const upstreams = h("div", {});
    view = { series, name, chart, summary, upstreams, index: undefined };

    const close = h(
      "button",
      { type: "button", class: "close", "aria-label": "Close country focus" },
      "×",
    );
    close.addEventListener("click", () => setFocus(store, null));

    const frame = h(
      "div",
      {
        class: "cp-chart-frame",
        tabindex: 0,
        role: "group",
        "aria-label": "Connectivity chart: click or use arrow keys to set the date",
        "aria-keyshortcuts": "ArrowLeft ArrowRight Home End",
      },
      chart.element,
    );
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
      if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      // The page's timeline and map also listen for arrows: this key is the chart's alone.
      e.preventDefault();
      e.stopPropagation();
      const date = changePointFrom(e.key, store.getState().date);
      if (!date) return;
      setPlaying(store, false);
      setDate(store, date);
    });

    panel.replaceChildren(
      h(
        "header",
        {},
        h("p", { class: "eyebrow" }, "Country focus"),
        h("h2", { id: TITLE_ID }, name),
        close,
      ),
      summary,
      frame,
      h(
        "ul",
        { class: "cp-legend" },
        h("li", {}, h("span", { class: "cp-swatch cp-swatch-links" }), "Cross-border links"),
        h("li", {}, h("span", { class: "cp-swatch cp-swatch-upstreams" }), "Foreign upstreams"),
      ),
      h("h3", {}, "Foreign upstreams on this date"),
      upstreams,
    );
    renderDate(store.getState().date);
    if (refocus) panel.querySelector<HTMLElement>(`.${refocus.split(" ").join(".")}`)?.focus();
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
