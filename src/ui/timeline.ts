/**
 * The timeline: a date slider (DESIGN §5: role="slider" named "Date", aria-valuetext = ISO date),
 * event markers on its track, Play/Pause, speed, previous/next event and a large date label.
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
import {
  type AppStore,
  SPEEDS,
  type SpeedId,
  setDate,
  setPlaying,
  setSpeed,
  watch,
} from "../state/store";
import { h, icon, isTyping } from "./dom";

const MARKER_SPACING_PX = 15;
const MARKER_ROW_PX = 13;
const MAX_MARKER_ROWS = 3;

const STEP_NAMES: Record<StepUnit, string> = { day: "1 day", month: "1 month", year: "1 year" };

/** The slider's range: from 1 January of the first year to the dataset's last date. */
export function timelineRange(topology: Topology): [string, string] {
  return [`${topology.timeRange[0].slice(0, 4)}-01-01`, topology.timeRange[1]];
}

export function setupTimeline(root: HTMLElement, store: AppStore, topology: Topology): () => void {
  const [min, max] = timelineRange(topology);
  const minDay = toDayNumber(min);
  const maxDay = toDayNumber(max);
  const unit = stepUnitFor([min, max]);
  const palette = DATA_PALETTES.dark;

  const playButton = h("button", { type: "button", class: "play", "aria-keyshortcuts": "Space" });
  const prevButton = h(
    "button",
    {
      type: "button",
      class: "icon",
      "aria-label": "Previous event",
      title: "Previous event ( [ )",
      "aria-keyshortcuts": "[",
    },
    icon("previous-event"),
  );
  const nextButton = h(
    "button",
    {
      type: "button",
      class: "icon",
      "aria-label": "Next event",
      title: "Next event ( ] )",
      "aria-keyshortcuts": "]",
    },
    icon("next-event"),
  );
  const dateLabel = h("time", { class: "date-label", "aria-hidden": "true" });
  const speedSelect = h(
    "select",
    { "aria-label": "Speed" },
    ...Object.entries(SPEEDS).map(([id, speed]) => h("option", { value: id }, speed.label)),
  );
  const hint = h("span", { class: "step-hint" }, `←/→ ${STEP_NAMES[unit]} · PgUp/PgDn 1 year`);

  const fill = h("div", { class: "track-fill" });
  const thumb = h("div", { class: "thumb" });
  const slider = h(
    "div",
    {
      class: "track",
      role: "slider",
      tabindex: 0,
      "aria-label": "Date",
      "aria-valuemin": minDay,
      "aria-valuemax": maxDay,
      "aria-orientation": "horizontal",
    },
    h("div", { class: "track-line" }, fill),
    thumb,
  );
  const markers = h("div", { class: "markers" });
  const tip = h("div", { class: "marker-tip", role: "tooltip", hidden: true });
  markers.append(tip);
  const ticks = h("div", { class: "ticks", "aria-hidden": "true" });
  const fraction = (date: string) =>
    (toDayNumber(clampDate(date, min, max)) - minDay) / (maxDay - minDay || 1);

  const markerButtons: { marker: HTMLButtonElement; at: number }[] = [];
  for (const event of topology.events) {
    const marker = h("button", {
      type: "button",
      class: `marker marker-${event.kind}`,
      style: `left: ${(fraction(event.date) * 100).toFixed(3)}%; --marker: ${toHex(palette.events[event.kind])}`,
      "aria-label": `${event.date}: ${event.title}`,
    });
    marker.addEventListener("click", () => jumpTo(event));
    // A tooltip on hover and on keyboard focus (a `title` would show only to the mouse, late).
    const showTip = () => {
      tip.replaceChildren(
        h("strong", {}, event.title),
        h("span", {}, `${formatEventDates(event)} · ${event.kind}`),
      );
      tip.hidden = false;
      const box = marker.getBoundingClientRect();
      const area = markers.getBoundingClientRect();
      const x = Math.min(Math.max(box.left + box.width / 2 - area.left, 120), area.width - 120);
      tip.style.left = `${x}px`;
      tip.style.top = `${box.top - area.top - 10}px`;
    };
    const hideTip = () => {
      tip.hidden = true;
    };
    marker.addEventListener("pointerenter", showTip);
    marker.addEventListener("focus", showTip);
    marker.addEventListener("pointerleave", hideTip);
    marker.addEventListener("blur", hideTip);
    markers.append(marker);
    markerButtons.push({ marker, at: fraction(event.date) });
  }
  const firstYear = Number(min.slice(0, 4));
  const lastYear = Number(max.slice(0, 4));
  const every = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  for (let y = firstYear; y <= lastYear; y += every) {
    ticks.append(
      h(
        "span",
        { class: "tick", style: `left: ${(fraction(`${y}-01-01`) * 100).toFixed(3)}%` },
        String(y),
      ),
    );
  }

  /** Markers closer than a marker's width go up a row, so each stays visible and clickable. */
  const layoutMarkers = () => {
    const width = markers.clientWidth;
    const rowEnds: number[] = [];
    for (const { marker, at } of markerButtons) {
      const x = at * width;
      let row = rowEnds.findIndex((end) => x - end >= MARKER_SPACING_PX);
      if (row === -1) row = rowEnds.length < MAX_MARKER_ROWS ? rowEnds.length : rowEnds.length - 1;
      rowEnds[row] = x;
      marker.style.top = `${-row * MARKER_ROW_PX}px`;
    }
  };
  const resizes = new ResizeObserver(layoutMarkers);
  resizes.observe(markers);

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
    h("div", { class: "track-area" }, slider, markers, ticks),
  );
  root.append(section);

  /** Goes to an event: its date and, in one step (one history entry), what it affected. */
  function jumpTo(event: TopologyEvent) {
    const link = event.links?.[0];
    const node = event.nodes?.[0];
    const selection = link
      ? { kind: "link" as const, id: link }
      : node
        ? { kind: "node" as const, id: node }
        : null;
    store.setState({
      playing: false,
      date: clampDate(event.date, min, max),
      ...(selection ? { selection } : {}),
    });
  }
  const step = (date: string, by: StepUnit, count: number) =>
    setDate(store, clampDate(addSteps(date, by, count), min, max));
  const stepEvent = (direction: 1 | -1) => {
    const event = adjacentEvent(topology, store.getState().date, direction);
    if (event) jumpTo(event);
  };

  slider.addEventListener("keydown", (e) => {
    const { date, playing } = store.getState();
    const keys: Record<string, () => void> = {
      ArrowLeft: () => step(date, unit, -1),
      ArrowDown: () => step(date, unit, -1),
      ArrowRight: () => step(date, unit, 1),
      ArrowUp: () => step(date, unit, 1),
      PageDown: () => step(date, "year", -1),
      PageUp: () => step(date, "year", 1),
      Home: () => setDate(store, min),
      End: () => setDate(store, max),
      " ": () => setPlaying(store, !playing),
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    if (e.key !== " ") setPlaying(store, false);
    action();
  });

  const dateAt = (clientX: number) => {
    const rect = slider.getBoundingClientRect();
    const t = Math.min(1, Math.max(0, (clientX - rect.left) / (rect.width || 1)));
    return fromDayNumber(minDay + Math.round(t * (maxDay - minDay)));
  };
  slider.addEventListener("pointerdown", (e) => {
    slider.setPointerCapture(e.pointerId);
    slider.focus();
    setPlaying(store, false);
    setDate(store, dateAt(e.clientX));
  });
  slider.addEventListener("pointermove", (e) => {
    if (slider.hasPointerCapture(e.pointerId)) setDate(store, dateAt(e.clientX));
  });

  playButton.addEventListener("click", () => setPlaying(store, !store.getState().playing));
  prevButton.addEventListener("click", () => stepEvent(-1));
  nextButton.addEventListener("click", () => stepEvent(1));
  speedSelect.addEventListener("change", () => setSpeed(store, speedSelect.value as SpeedId));

  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "[") stepEvent(-1);
    else if (e.key === "]") stepEvent(1);
    else if (e.key === " " && e.target === document.body) {
      e.preventDefault();
      setPlaying(store, !store.getState().playing);
    }
  };
  document.addEventListener("keydown", onKey);

  const renderDate = (date: string) => {
    const t = fraction(date);
    slider.setAttribute("aria-valuenow", String(toDayNumber(date)));
    slider.setAttribute("aria-valuetext", date);
    thumb.style.left = `${(t * 100).toFixed(3)}%`;
    fill.style.width = `${(t * 100).toFixed(3)}%`;
    dateLabel.textContent = formatDateLong(date);
    dateLabel.dateTime = date;
    prevButton.disabled = !adjacentEvent(topology, date, -1);
    nextButton.disabled = !adjacentEvent(topology, date, 1);
  };
  const renderPlaying = (playing: boolean) => {
    playButton.replaceChildren(
      h("span", { "aria-hidden": "true" }, playing ? "❚❚ " : "▶ "),
      playing ? "Pause" : "Play",
    );
    playButton.setAttribute("aria-pressed", String(playing));
  };
  renderDate(store.getState().date);
  renderPlaying(store.getState().playing);
  speedSelect.value = store.getState().speed;
  const disposers = [
    watch(store, (s) => s.date, renderDate),
    watch(store, (s) => s.playing, renderPlaying),
    watch(
      store,
      (s) => s.speed,
      (speed) => {
        speedSelect.value = speed;
      },
    ),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    document.removeEventListener("keydown", onKey);
    resizes.disconnect();
    section.remove();
  };
}
