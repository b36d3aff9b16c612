/** A banner naming the events in progress on the current date (outages and attacks first). */
import { DATA_PALETTES, toHex } from "../layers/palette";
import type { Topology } from "../model/schema";
import { DISRUPTIVE_EVENT_KINDS, eventsOn } from "../state/selectors";
import { type AppStore, watch } from "../state/store";
import { h } from "./dom";

const KIND_LABELS: Record<string, string> = {
  activation: "Activation",
  retirement: "Retirement",
  outage: "Outage",
  attack: "Attack",
  reroute: "Reroute",
  note: "Event",
};

export function setupEventBanner(
  root: HTMLElement,
  store: AppStore,
  topology: Topology,
): () => void {
  const banner = h("div", { class: "event-banner", role: "status", "aria-live": "polite" });
  root.append(banner);
  let shown = "";
  const render = () => {
    const events = eventsOn(topology, store.getState().date).sort(
      (a, b) =>
        Number(DISRUPTIVE_EVENT_KINDS.has(b.kind)) - Number(DISRUPTIVE_EVENT_KINDS.has(a.kind)),
    );
    const key = events.map((e) => e.id).join("|");
    if (key === shown) return;
    shown = key;
    banner.hidden = events.length === 0;
    banner.replaceChildren(
      ...events.map((e) =>
        h(
          "p",
          {
            class: `event event-${e.kind}`,
            style: `--event: ${toHex(DATA_PALETTES.dark.events[e.kind])}`,
          },
          h("span", { class: "event-kind" }, KIND_LABELS[e.kind] ?? e.kind),
          h("span", { class: "event-title" }, e.title),
          h("span", { class: "event-dates" }, e.end ? `${e.date} – ${e.end}` : e.date),
        ),
      ),
    );
  };
  render();
  const dispose = watch(store, (s) => s.date, render);
  return () => {
    dispose();
    banner.remove();
  };
}
