/**
 * The country panel's elements: the panel, its header with the Close button, the sentence, the
 * chart's focusable frame, the chart's key and the sortable table of upstreams; and the function
 * that draws a date's view (`country-panel-model.ts`) into them.
 */
import type { CountryDateView } from "./country-panel-model";
import { UPSTREAM_COLUMNS, type UpstreamColumn } from "./country-panel-table";
import { h } from "./dom";

const TITLE_ID = "country-panel-title";
const UPSTREAMS_TITLE_ID = "country-panel-upstreams-title";
/** Longer tables scroll in a box of their own, which then takes keyboard focus to scroll. */
const SCROLL_AFTER_ROWS = 10;

/** The panel, named by the country's name (its title); hidden until a country is in focus. */
export const createCountryPanel = (): HTMLElement =>
  h("aside", {
    class: "panel country-panel",
    "aria-labelledby": TITLE_ID,
    hidden: true,
    tabindex: -1,
  });

/** The parts of a country's view that the wiring listens to or redraws. */
export interface CountryPanelParts {
  readonly close: HTMLButtonElement;
  readonly summary: HTMLElement;
  /** Holds the chart: it takes the pointer and the keys. */
  readonly frame: HTMLElement;
  readonly upstreams: HTMLElement;
}

/** A country's view around its chart, still empty of text: `renderCountryDate` fills it. */
export function createCountryPanelParts(chart: SVGSVGElement): CountryPanelParts {
  return {
    close: h(
      "button",
      { type: "button", class: "close", "aria-label": "Close country focus" },
      "×",
    ),
    summary: h("p", { class: "cp-summary", "aria-live": "polite" }),
    frame: h(
      "div",
      {
        class: "cp-chart-frame",
        tabindex: 0,
        role: "group",
        "aria-label": "Connectivity chart: click or use arrow keys to set the date",
        "aria-keyshortcuts": "ArrowLeft ArrowRight Home End",
      },
      chart,
    ),
    upstreams: h("div", {}),
  };
}

/** Fills `panel` with the view of the country called `name`. */
export function renderCountryPanel(
  panel: HTMLElement,
  name: string,
  parts: CountryPanelParts,
): void {
  panel.replaceChildren(
    h(
      "header",
      {},
      h("p", { class: "eyebrow" }, "Country focus"),
      h("h2", { id: TITLE_ID }, name),
      parts.close,
    ),
    parts.summary,
    parts.frame,
    h(
      "ul",
      { class: "cp-legend" },
      h("li", {}, h("span", { class: "cp-swatch cp-swatch-links" }), "Cross-border links"),
      h("li", {}, h("span", { class: "cp-swatch cp-swatch-upstreams" }), "Foreign upstreams"),
    ),
    h("h3", { id: UPSTREAMS_TITLE_ID }, "Foreign upstreams on this date"),
    parts.upstreams,
  );
}

/** What the Links column counts (the measure by which the sentence names the largest). */
const LINKS_NOTE =
  "Links: the country's cross-border links on this date that name the network; a cable counts once for each of its owners.";

const ARROWS: Readonly<Record<string, string>> = { ascending: "▲", descending: "▼" };

/** The table of upstreams; a click on a column's header asks `onSort` for that column. */
function upstreamTable(
  view: CountryDateView,
  onSort: (column: UpstreamColumn) => void,
): HTMLElement {
  const columns = UPSTREAM_COLUMNS.filter((c) => c.column !== "asn" || view.hasAsn);
  const header = columns.map(({ column, label }) => {
    const sorted = view.sort.column === column;
    const button = h(
      "button",
      { type: "button", class: "cp-sort", "data-column": column },
      label,
      h(
        "span",
        { class: "cp-sort-arrow", "aria-hidden": "true" },
        sorted ? ARROWS[view.sort.direction] : "",
      ),
    );
    button.addEventListener("click", () => onSort(column));
    return h(
      "th",
      {
        scope: "col",
        class: column === "name" ? undefined : column === "links" ? "num" : "asn",
        "aria-sort": sorted ? view.sort.direction : undefined,
      },
      button,
    );
  });
  const rows = view.upstreams.map((row) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, row.name),
      view.hasAsn && h("td", { class: "asn" }, row.asn),
      h("td", { class: "num" }, String(row.links)),
    ),
  );
  const scrolls = view.upstreams.length > SCROLL_AFTER_ROWS;
  return h(
    "div",
    {
      class: `cp-table-wrap${scrolls ? " cp-table-scroll" : ""}`,
      role: scrolls ? "region" : undefined,
      "aria-labelledby": scrolls ? UPSTREAMS_TITLE_ID : undefined,
      tabindex: scrolls ? 0 : undefined,
    },
    h(
      "table",
      { class: "cp-upstream-table", "aria-labelledby": UPSTREAMS_TITLE_ID },
      h("thead", {}, h("tr", {}, ...header)),
      h("tbody", {}, ...rows),
    ),
  );
}

/**
 * Draws a date's sentence and upstreams into the view; `onSort` is asked for a column whose
 * header is clicked. A header that had keyboard focus has it again after the redraw.
 */
export function renderCountryDate(
  parts: CountryPanelParts,
  view: CountryDateView,
  onSort: (column: UpstreamColumn) => void,
): void {
  parts.summary.textContent = view.summary;
  const focused = document.activeElement;
  const column =
    focused instanceof HTMLElement && parts.upstreams.contains(focused)
      ? focused.dataset.column
      : undefined;
  parts.upstreams.replaceChildren(
    ...(view.upstreams.length > 0
      ? [upstreamTable(view, onSort), h("p", { class: "cp-table-note" }, LINKS_NOTE)]
      : [h("p", { class: "muted" }, "None on this date.")]),
  );
  if (column) {
    parts.upstreams.querySelector<HTMLElement>(`[data-column="${column}"]`)?.focus();
  }
}

/** The class of the control in `panel` that has keyboard focus, or `null`. */
export function focusedClassName(panel: HTMLElement): string | null {
  const focused = document.activeElement;
  return focused instanceof HTMLElement && panel.contains(focused) ? focused.className : null;
}

/** Focuses the control of `panel` with these classes, if there is one. */
export function focusByClassName(panel: HTMLElement, className: string): void {
  panel.querySelector<HTMLElement>(`.${className.split(" ").join(".")}`)?.focus();
}
