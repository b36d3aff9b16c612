/**
 * The legend's elements, drawn from `legend-model.ts`: the disclosure, the kinds' checkboxes and
 * keys, the compare view, the filter groups and the buttons. What a control does is a callback.
 */
import type { LinkKind } from "../model/schema";
import { h } from "./dom";
import type { CompareView, FilterGroup, KeyMark, KindRow, LegendHeader } from "./legend-model";

/** The legend's disclosure and the parts of it that each render rewrites. */
export interface LegendElements {
  readonly section: HTMLDetailsElement;
  readonly summary: HTMLElement;
  readonly body: HTMLDivElement;
  /** "Links active on …", above the kinds. */
  readonly caption: HTMLParagraphElement;
}

export function createLegendElements(open: boolean): LegendElements {
  const section = h("details", { class: "legend panel", open });
  const summary = h("summary", {}, "Legend");
  const body = h("div", {});
  section.append(summary, body);
  return { section, summary, body, caption: h("p", { class: "legend-caption" }) };
}

const swatch = (mark: KeyMark) =>
  h("span", { class: `key ${mark.shape}`, style: `--key: ${mark.color}`, "aria-hidden": "true" });

/** A checkbox named by its label element (the legend's kinds and filter groups). */
export const checkbox = (label: (Node | string)[], checked: boolean, onChange: () => void) => {
  const input = h("input", { type: "checkbox", checked });
  input.addEventListener("change", onChange);
  return h("label", { class: "legend-toggle" }, input, ...label);
};

/** The caption, then a checkbox per kind and the fixed keys. */
export function renderKinds(
  caption: HTMLElement,
  rows: readonly KindRow[],
  keys: readonly KeyMark[],
  onToggle: (kind: LinkKind) => void,
): HTMLElement[] {
  return [
    caption,
    h(
      "ul",
      { class: "legend-kinds" },
      ...rows.map((row) =>
        h(
          "li",
          {},
          checkbox(
            [
              swatch(row),
              h("span", { class: "legend-name" }, row.label),
              h(
                "span",
                { class: "legend-count", "aria-label": `${row.count} active` },
                String(row.count),
              ),
            ],
            row.shown,
            () => onToggle(row.kind),
          ),
        ),
      ),
      ...keys.map((key) => h("li", {}, swatch(key), key.label)),
    ),
  ];
}

/** What the compare view's controls do; a date is passed on only when the field has one. */
export interface CompareHandlers {
  readonly dateA: (value: string) => void;
  readonly dateB: (value: string) => void;
  readonly swap: () => void;
}

/** The two dates (fields `${id}-a`, `${id}-b`) with Swap, then the list of compared links. */
export function renderCompare(view: CompareView, id: string, on: CompareHandlers): HTMLElement[] {
  const dateA = h("input", { type: "date", value: view.dateA, id: `${id}-a` });
  const dateB = h("input", { type: "date", value: view.dateB, id: `${id}-b` });
  dateA.addEventListener("change", () => {
    if (dateA.value) on.dateA(dateA.value);
  });
  dateB.addEventListener("change", () => {
    if (dateB.value) on.dateB(dateB.value);
  });
  const swap = h("button", { type: "button", class: "tool legend-small" }, "Swap");
  swap.addEventListener("click", on.swap);
  return [
    h(
      "div",
      { class: "legend-dates" },
      h("label", { for: `${id}-a` }, "Date A"),
      dateA,
      h("label", { for: `${id}-b` }, "Date B"),
      dateB,
      swap,
    ),
    h(
      "ul",
      { class: "legend-compare", "aria-label": "Compared links" },
      ...view.rows.map((row) =>
        h(
          "li",
          { class: "legend-compare-row" },
          h(
            "div",
            { class: "legend-compare-head" },
            swatch(row),
            h("span", { class: "legend-name" }, row.label),
            h("span", { class: "legend-count" }, String(row.count)),
          ),
          row.count > 0 &&
            h(
              "ul",
              { class: "legend-compare-links" },
              ...row.named.map((name) => h("li", {}, name)),
              row.more > 0 && h("li", {}, `and ${row.more} more`),
            ),
        ),
      ),
    ),
  ];
}

/** What a filter group does: `toggle` as it folds or unfolds, `pick` with the option clicked. */
export interface FilterGroupHandlers<T> {
  readonly toggle: (open: boolean) => void;
  readonly pick: (value: T) => void;
}

export function renderFilterGroup<T extends string | number>(
  group: FilterGroup<T>,
  open: boolean,
  on: FilterGroupHandlers<T>,
): HTMLDetailsElement {
  const details = h(
    "details",
    { class: "legend-group", open },
    h(
      "summary",
      {},
      h("span", {}, group.title),
      h("span", { class: "legend-group-value" }, group.value),
    ),
    h(
      "div",
      { class: "legend-group-items" },
      ...group.options.map((option) =>
        checkbox([document.createTextNode(option.label)], option.checked, () =>
          on.pick(option.value),
        ),
      ),
    ),
  );
  details.addEventListener("toggle", () => on.toggle(details.open));
  return details;
}

/** The filter groups the dataset has (a `null` group is left out). */
export const renderFilterGroups = (...groups: (HTMLElement | null)[]): HTMLElement =>
  h("div", { class: "legend-filters" }, ...groups);

/** "Compare dates" (or "Stop comparing") and "Clear filters", hidden while no filter is set. */
export function renderLegendActions(
  header: LegendHeader,
  on: { readonly compare: () => void; readonly clear: () => void },
): HTMLElement {
  const compare = h(
    "button",
    { type: "button", class: "tool legend-small", "aria-pressed": String(header.comparing) },
    header.compareLabel,
  );
  compare.addEventListener("click", on.compare);
  const clear = h(
    "button",
    { type: "button", class: "tool legend-small", hidden: !header.canClear },
    "Clear filters",
  );
  clear.addEventListener("click", on.clear);
  return h("div", { class: "legend-actions" }, compare, clear);
}

const FOCUSABLE = "input, button, summary";

/**
 * Replaces `container`'s children, keeping keyboard focus on the control that had it, and in a
 * text box the caret where it was (the networks' filter box is rebuilt when a date change moves
 * the counts while someone types).
 */
export function replaceKeepingFocus(container: HTMLElement, children: readonly Node[]): void {
  const active = document.activeElement;
  const focusPath =
    active && container.contains(active)
      ? [...container.querySelectorAll(FOCUSABLE)].indexOf(active)
      : -1;
  const caret =
    active instanceof HTMLInputElement && active.type === "search"
      ? { start: active.selectionStart, end: active.selectionEnd }
      : null;
  container.replaceChildren(...children);
  if (focusPath < 0) return;
  const next = container.querySelectorAll<HTMLElement>(FOCUSABLE)[focusPath];
  next?.focus();
  if (caret && next instanceof HTMLInputElement && next.type === "search") {
    next.setSelectionRange(caret.start, caret.end);
  }
}
