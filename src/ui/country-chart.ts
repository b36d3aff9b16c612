/**
 * The country panel's step chart as SVG, drawn from `country-chart-model.ts`: a grid of counts,
 * the cross-border links and foreign upstreams as steps, event markers, years and a date cursor.
 */
import type { ConnectivitySeries } from "../state/connectivity";
import {
  buildChartModel,
  CHART_HEIGHT,
  CHART_MARGIN,
  CHART_WIDTH,
  PLOT_BOTTOM,
} from "./country-chart-model";

const SVG_NS = "http://www.w3.org/2000/svg";

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

/** The chart's element and what the panel asks of it as the date and the pointer move. */
export interface Chart {
  readonly element: SVGSVGElement;
  /** Moves the date cursor (hidden outside the chart's range). */
  moveCursor(date: string): void;
  /** The date under a pointer, clamped to the range and rounded to a day. */
  dateAt(clientX: number, clientY: number): string;
}

/** The chart of `series`, named `label` for assistive technology (it is an image). */
export function buildChart(series: ConnectivitySeries, label: string): Chart {
  const model = buildChartModel(series);
  const left = CHART_MARGIN.left;
  const right = CHART_WIDTH - CHART_MARGIN.right;
  const grid = model.countTicks.map((t) =>
    svg(
      "g",
      { class: "cp-grid" },
      svg("line", { x1: left, x2: right, y1: t.at, y2: t.at }),
      svg("text", { x: left - 6, y: t.at, dy: "0.35em", "text-anchor": "end" }, t.label),
    ),
  );
  const years = model.dateTicks.map((t) =>
    svg(
      "text",
      { class: "cp-tick", x: t.at, y: CHART_HEIGHT - 6, "text-anchor": "middle" },
      t.label,
    ),
  );
  const markers = model.markers.map((m) =>
    svg("path", { class: m.className, d: m.d }, svg("title", {}, m.title)),
  );
  const cursor = svg("line", {
    class: "cp-cursor",
    x1: 0,
    x2: 0,
    y1: CHART_MARGIN.top - 4,
    y2: PLOT_BOTTOM + 2,
  });

  const element = svg(
    "svg",
    {
      class: "cp-chart",
      viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
      role: "img",
      "aria-label": label,
    },
    ...grid,
    svg("line", { class: "cp-axis", x1: left, x2: right, y1: PLOT_BOTTOM, y2: PLOT_BOTTOM }),
    // The upstreams also as a shaded area: where both counts are equal, both still show.
    svg("path", { class: "cp-upstreams-area", d: model.upstreamsArea }),
    svg("path", { class: "cp-links", d: model.linksLine }),
    svg("path", { class: "cp-upstreams", d: model.upstreamsLine }),
    ...markers,
    ...years,
    cursor,
  );

  return {
    element,
    moveCursor(date) {
      const x = model.cursorX(date);
      cursor.setAttribute("visibility", x === null ? "hidden" : "visible");
      if (x !== null) cursor.setAttribute("transform", `translate(${x.toFixed(2)},0)`);
    },
    dateAt(clientX, clientY) {
      const matrix = element.getScreenCTM();
      const vx = matrix ? new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse()).x : 0;
      return model.dateAtX(vx);
    },
  };
}
