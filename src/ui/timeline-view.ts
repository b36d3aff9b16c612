/**
 * The timeline's elements (DESIGN §5: a slider with role="slider" named "Date" and
 * aria-valuetext = ISO date), and the functions that draw its model into them.
 */
import { SPEEDS } from "../state/store";
import { h, icon } from "./dom";
import {
  type PlayButtonView,
  stepHint,
  type TimelineDateView,
  type TimelineScale,
  type TimelineTick,
} from "./timeline-model";

/** The timeline's section and the elements its wiring listens to or redraws. */
export interface TimelineView {
  readonly section: HTMLElement;
  /** The track with its markers and ticks (the density strip stands at its top). */
  readonly trackArea: HTMLDivElement;
  readonly slider: HTMLDivElement;
  readonly thumb: HTMLDivElement;
  readonly fill: HTMLDivElement;
  readonly playButton: HTMLButtonElement;
  readonly prevButton: HTMLButtonElement;
  readonly nextButton: HTMLButtonElement;
  readonly dateLabel: HTMLTimeElement;
  readonly speedSelect: HTMLSelectElement;
}

const eventButton = (name: string, key: string, glyph: "previous-event" | "next-event") =>
  h(
    "button",
    {
      type: "button",
      class: "icon",
      "aria-label": name,
      title: `${name} ( ${key} )`,
      "aria-keyshortcuts": key,
    },
    icon(glyph),
  );

/** The controls row, then the track with its slider, `markers` and year ticks. */
export function createTimelineView(
  scale: TimelineScale,
  ticks: readonly TimelineTick[],
  markers: HTMLElement,
): TimelineView {
  const playButton = h("button", { type: "button", class: "play", "aria-keyshortcuts": "Space" });
  const prevButton = eventButton("Previous event", "[", "previous-event");
  const nextButton = eventButton("Next event", "]", "next-event");
  const dateLabel = h("time", { class: "date-label", "aria-hidden": "true" });
  const speedSelect = h(
    "select",
    { "aria-label": "Speed" },
    ...Object.entries(SPEEDS).map(([id, speed]) => h("option", { value: id }, speed.label)),
  );
  const hint = h("span", { class: "step-hint" }, stepHint(scale.unit));

  const fill = h("div", { class: "track-fill" });
  const thumb = h("div", { class: "thumb" });
  const slider = h(
    "div",
    {
      class: "track",
      role: "slider",
      tabindex: 0,
      "aria-label": "Date",
      "aria-valuemin": scale.minDay,
      "aria-valuemax": scale.maxDay,
      "aria-orientation": "horizontal",
    },
    h("div", { class: "track-line" }, fill),
    thumb,
  );
  const tickRow = h(
    "div",
    { class: "ticks", "aria-hidden": "true" },
    ...ticks.map((tick) => h("span", { class: "tick", style: `left: ${tick.left}` }, tick.label)),
  );

  const trackArea = h("div", { class: "track-area" }, slider, markers, tickRow);
  const section = h(
    "section",
    { class: "timeline", "aria-label": "Timeline" },
    h(
      "div",
      { class: "timeline-controls" },
      playButton,
      prevButton,
      dateLabel,
      nextButton,
      speedSelect,
      hint,
    ),
    trackArea,
  );
  return {
    section,
    trackArea,
    slider,
    thumb,
    fill,
    playButton,
    prevButton,
    nextButton,
    dateLabel,
    speedSelect,
  };
}

export function renderTimelineDate(view: TimelineView, model: TimelineDateView): void {
  view.slider.setAttribute("aria-valuenow", model.valueNow);
  view.slider.setAttribute("aria-valuetext", model.valueText);
  view.thumb.style.left = model.position;
  view.fill.style.width = model.position;
  view.dateLabel.textContent = model.label;
  view.dateLabel.dateTime = model.valueText;
  view.prevButton.disabled = model.previousDisabled;
  view.nextButton.disabled = model.nextDisabled;
}

export function renderPlayButton(button: HTMLButtonElement, model: PlayButtonView): void {
  button.replaceChildren(h("span", { "aria-hidden": "true" }, model.symbol), model.name);
  button.setAttribute("aria-pressed", model.pressed);
}
