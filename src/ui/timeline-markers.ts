/** The timeline's event markers: a button per event on the track, with a tooltip, in rows. */
import type { TopologyEvent } from "../model/schema";
import { h } from "./dom";
import { markerRows, markerTop, type TimelineMarker, toPercent } from "./timeline-model";

/** The markers' layer over the track, and how to lay them out again when its width changes. */
export interface EventMarkers {
  readonly element: HTMLDivElement;
  /** Puts markers that would overlap on rows above the track. */
  readonly layout: () => void;
}

export function createEventMarkers(
  models: readonly TimelineMarker[],
  onPick: (event: TopologyEvent) => void,
): EventMarkers {
  const element = h("div", { class: "markers" });
  const tip = h("div", { class: "marker-tip", role: "tooltip", hidden: true });
  element.append(tip);
  const buttons = models.map((model) => {
    const marker = h("button", {
      type: "button",
      class: `marker marker-${model.event.kind}`,
      style: `left: ${toPercent(model.at)}; --marker: ${model.color}`,
      "aria-label": model.label,
    });
    marker.addEventListener("click", () => onPick(model.event));
    // A tooltip on hover and on keyboard focus (a `title` would show only to the mouse, late).
    const showTip = () => {
      tip.replaceChildren(h("strong", {}, model.event.title), h("span", {}, model.detail));
      tip.hidden = false;
      const box = marker.getBoundingClientRect();
      const area = element.getBoundingClientRect();
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
    element.append(marker);
    return marker;
  });

  const layout = () => {
    const rows = markerRows(
      models.map((model) => model.at),
      element.clientWidth,
    );
    buttons.forEach((marker, i) => {
      marker.style.top = markerTop(rows[i] ?? 0);
    });
  };
  return { element, layout };
}
