/**
 * The timeline: a date slider (DESIGN §5: role="slider" named "Date", aria-valuetext = ISO date),
 * event markers on its track, the density of links above it (`timeline-density.ts`),
 * Play/Pause, speed, previous/next event and a large date label.
 * What it shows is `timeline-model.ts`; its elements are `timeline-view.ts` and
 * `timeline-markers.ts`; this file wires them to the store, the pointer and the keyboard.
 */
import type { Topology } from "../model/schema";
import { adjacentEvent } from "../state/selectors";
import { type AppStore, type SpeedId, setDate, setPlaying, setSpeed, watch } from "../state/store";
import { isTyping } from "./dom";
import { setupTimelineDensity } from "./timeline-density";
import { createEventMarkers } from "./timeline-markers";
import {
  buildDateView,
  buildMarkers,
  buildTicks,
  buildTimelineScale,
  dateAtOffset,
  eventJump,
  playButtonView,
  sliderKeyAction,
} from "./timeline-model";
import { createTimelineView, renderPlayButton, renderTimelineDate } from "./timeline-view";

export { timelineRange } from "./timeline-model";

export function setupTimeline(root: HTMLElement, store: AppStore, topology: Topology): () => void {
  const scale = buildTimelineScale(topology);
  const markers = createEventMarkers(buildMarkers(topology, scale), (event) =>
    store.setState(eventJump(event, scale)),
  );
  const resizes = new ResizeObserver(markers.layout);
  resizes.observe(markers.element);
  const view = createTimelineView(scale, buildTicks(scale), markers.element);
  const { slider, playButton, prevButton, nextButton, speedSelect } = view;
  root.append(view.section);
  const disposeDensity = setupTimelineDensity(view.trackArea, store, topology, scale);

  const stepEvent = (direction: 1 | -1) => {
    const event = adjacentEvent(topology, store.getState().date, direction);
    if (event) store.setState(eventJump(event, scale));
  };

  slider.addEventListener("keydown", (e) => {
    const { date, playing } = store.getState();
    const action = sliderKeyAction(e.key, date, scale);
    if (!action) return;
    e.preventDefault();
    if (action.kind === "toggle-play") {
      setPlaying(store, !playing);
      return;
    }
    setPlaying(store, false);
    setDate(store, action.date);
  });

  const dateAt = (clientX: number) => {
    const rect = slider.getBoundingClientRect();
    return dateAtOffset(scale, clientX - rect.left, rect.width);
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

  const renderDate = (date: string) =>
    renderTimelineDate(view, buildDateView(topology, scale, date));
  const renderPlaying = (playing: boolean) => renderPlayButton(playButton, playButtonView(playing));
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
    disposeDensity();
    document.removeEventListener("keydown", onKey);
    resizes.disconnect();
    view.section.remove();
  };
}
