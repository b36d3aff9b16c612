/**
 * What the timeline shows, computed from the topology and the store's state: the slider's scale,
 * its year ticks, the event markers and their rows, the date on show, the Play button and what
 * each slider key does. No DOM: `timeline-view.ts` and `timeline-markers.ts` draw it.
 */
import { DATA_PALETTES, toHex } from "../layers/palette";
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Topology, TopologyEvent } from "../model/schema";
import {
  addSteps,
  clampDate,
  formatDateLong,
  formatEventDates,
  type StepUnit,
  stepUnitFor,
} from "../model/time-steps";
import { adjacentEvent } from "../state/selectors";
import type { AppState } from "../state/store";

const MARKER_SPACING_PX = 15;
const MARKER_ROW_PX = 13;
const MAX_MARKER_ROWS = 3;

const STEP_NAMES: Record<StepUnit, string> = { day: "1 day", month: "1 month", year: "1 year" };

/** The slider's range: from 1 January of the first year to the dataset's last date. */
export function timelineRange(topology: Topology): [string, string] {
  return [`${topology.timeRange[0].slice(0, 4)}-01-01`, topology.timeRange[1]];
}

/** The slider's scale: its range as dates and as day numbers, and the arrow keys' step. */
export interface TimelineScale {
  readonly min: string;
  readonly max: string;
  readonly minDay: number;
  readonly maxDay: number;
  readonly unit: StepUnit;
}

export function buildTimelineScale(topology: Topology): TimelineScale {
  const [min, max] = timelineRange(topology);
  return {
    min,
    max,
    minDay: toDayNumber(min),
    maxDay: toDayNumber(max),
    unit: stepUnitFor([min, max]),
  };
}

/** Where `date` falls on the track, from 0 (start) to 1 (end); dates outside the range clamp. */
export const trackFraction = (scale: TimelineScale, date: string): number =>
  (toDayNumber(clampDate(date, scale.min, scale.max)) - scale.minDay) /
  (scale.maxDay - scale.minDay || 1);

/** A fraction of the track as a CSS length: `0.5` is `"50.000%"`. */
export const toPercent = (fraction: number): string => `${(fraction * 100).toFixed(3)}%`;

/** The date under a point `x` pixels from the start of a track `width` pixels wide. */
export function dateAtOffset(scale: TimelineScale, x: number, width: number): string {
  const t = Math.min(1, Math.max(0, x / (width || 1)));
  return fromDayNumber(scale.minDay + Math.round(t * (scale.maxDay - scale.minDay)));
}

/** The keys hint beside the controls, e.g. "←/→ 1 month · PgUp/PgDn 1 year". */
export const stepHint = (unit: StepUnit): string => `←/→ ${STEP_NAMES[unit]} · PgUp/PgDn 1 year`;

/** A year label under the track. */
export interface TimelineTick {
  readonly label: string;
  /** Its CSS `left`, a percentage of the track. */
  readonly left: string;
}

/** Year ticks from the first year to the last, thinned to about a dozen. */
export function buildTicks(scale: TimelineScale): TimelineTick[] {
  const firstYear = Number(scale.min.slice(0, 4));
  const lastYear = Number(scale.max.slice(0, 4));
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  const ticks: TimelineTick[] = [];
  for (let y = firstYear; y <= lastYear; y += every) {
    ticks.push({ label: String(y), left: toPercent(trackFraction(scale, `${y}-01-01`)) });
  }
  return ticks;
}

/** An event's marker on the track: a button that goes to the event. */
export interface TimelineMarker {
  readonly event: TopologyEvent;
  /** Where it sits along the track, from 0 to 1. */
  readonly at: number;
  /** Its colour, the event kind's on the dark palette, as `#rrggbb`. */
  readonly color: string;
  /** Its accessible name, e.g. "2017-10-01: A second route". */
  readonly label: string;
  /** The second line of its tooltip (the first is the event's title). */
  readonly detail: string;
}

export function buildMarkers(topology: Topology, scale: TimelineScale): TimelineMarker[] {
  const palette = DATA_PALETTES.dark;
  return topology.events.map((event) => ({
    event,
    at: trackFraction(scale, event.date),
    color: toHex(palette.events[event.kind]),
    label: `${event.date}: ${event.title}`,
    detail: `${formatEventDates(event)} · ${event.kind}`,
  }));
}

/**
 * The row of each marker, 0 on the track, for a track `width` pixels wide: markers closer than a
 * marker's width go up a row, so each stays visible and clickable.
 */
export function markerRows(at: readonly number[], width: number): number[] {
  const rowEnds: number[] = [];
  return at.map((fraction) => {
    const x = fraction * width;
    let row = rowEnds.findIndex((end) => x - end >= MARKER_SPACING_PX);
    if (row === -1) row = rowEnds.length < MAX_MARKER_ROWS ? rowEnds.length : rowEnds.length - 1;
    rowEnds[row] = x;
    return row;
  });
}

/** A marker row's CSS `top`: rows stack upwards from the track. */
export const markerTop = (row: number): string => `${-row * MARKER_ROW_PX}px`;

/** What the slider, the date label and the previous/next event buttons show for a date. */
export interface TimelineDateView {
  /** `aria-valuenow`: the date's day number. */
  readonly valueNow: string;
  /** `aria-valuetext` and the label's `datetime`: the ISO date. */
  readonly valueText: string;
  /** The thumb's `left` and the fill's `width`. */
  readonly position: string;
  /** The large label, e.g. "1 Oct 2017". */
  readonly label: string;
  readonly previousDisabled: boolean;
  readonly nextDisabled: boolean;
}

export function buildDateView(
  topology: Topology,
  scale: TimelineScale,
  date: string,
): TimelineDateView {
  return {
    valueNow: String(toDayNumber(date)),
    valueText: date,
    position: toPercent(trackFraction(scale, date)),
    label: formatDateLong(date),
    previousDisabled: !adjacentEvent(topology, date, -1),
    nextDisabled: !adjacentEvent(topology, date, 1),
  };
}

/** The Play button's face: a symbol hidden from assistive technology, then its name. */
export interface PlayButtonView {
  readonly symbol: string;
  readonly name: "Play" | "Pause";
  readonly pressed: "true" | "false";
}

export const playButtonView = (playing: boolean): PlayButtonView => ({
  symbol: playing ? "❚❚ " : "▶ ",
  name: playing ? "Pause" : "Play",
  pressed: playing ? "true" : "false",
});

/** What a key on the slider does: go to a date (which also stops playing), or play/pause. */
export type SliderKeyAction =
  | { readonly kind: "date"; readonly date: string }
  | { readonly kind: "toggle-play" };

/** The action of `key` on the slider at `date`, or undefined for a key the slider leaves alone. */
export function sliderKeyAction(
  key: string,
  date: string,
  scale: TimelineScale,
): SliderKeyAction | undefined {
  const step = (unit: StepUnit, count: number): SliderKeyAction => ({
    kind: "date",
    date: clampDate(addSteps(date, unit, count), scale.min, scale.max),
  });
  switch (key) {
    case "ArrowLeft":
    case "ArrowDown":
      return step(scale.unit, -1);
    case "ArrowRight":
    case "ArrowUp":
      return step(scale.unit, 1);
    case "PageDown":
      return step("year", -1);
    case "PageUp":
      return step("year", 1);
    case "Home":
      return { kind: "date", date: scale.min };
    case "End":
      return { kind: "date", date: scale.max };
    case " ":
      return { kind: "toggle-play" };
    default:
      return undefined;
  }
}

/**
 * Going to an event: its date and, in one step (one history entry), what it affected (its first
 * link, else its first node); playing stops.
 */
export function eventJump(
  event: TopologyEvent,
  scale: TimelineScale,
): Pick<AppState, "playing" | "date"> & Partial<Pick<AppState, "selection">> {
  const link = event.links?.[0];
  const node = event.nodes?.[0];
  const selection = link
    ? { kind: "link" as const, id: link }
    : node
      ? { kind: "node" as const, id: node }
      : null;
  return {
    playing: false,
    date: clampDate(event.date, scale.min, scale.max),
    ...(selection ? { selection } : {}),
  };
}
