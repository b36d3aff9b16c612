/**
 * The country panel's elements: the panel, its header with the Close button, the sentence, the
 * chart's focusable frame, the chart's key and the list of upstreams; and the function that draws
 * a date's view (`country-panel-model.ts`) into them.
 */
import type { CountryDateView } from "./country-panel-model";
import { h } from "./dom";

const TITLE_ID = "country-panel-title";

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
    h("h3", {}, "Foreign upstreams on this date"),
    parts.upstreams,
  );
}

/** Draws a date's sentence and upstreams into the view. */
export function renderCountryDate(parts: CountryPanelParts, view: CountryDateView): void {
  parts.summary.textContent = view.summary;
  parts.upstreams.replaceChildren(
    view.upstreams.length > 0
      ? h(
          "ul",
          { class: "cp-upstream-list" },
          ...view.upstreams.map((n) =>
            h("li", {}, n.asn && h("span", { class: "asn" }, n.asn), n.asn ? ` ${n.name}` : n.name),
          ),
        )
      : h("p", { class: "muted" }, "None on this date."),
  );
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
