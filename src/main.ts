/** Composition root: reads the address, loads the catalog and a dataset, builds the map and the UI. */

import type { Topology as TopoJSON } from "topojson-specification";
import countriesUrl from "world-atlas/countries-50m.json?url";
import { buildLinkGeometry } from "./layers/link-geometry";
import { buildBasemapData } from "./map/basemap";
import { createClock } from "./map/clock";
import { setupMapView } from "./map/map-view";
import { fetchJson, loadCatalog, loadTopology } from "./model/load";
import { clampDate } from "./model/time-steps";
import { createAppStore, select } from "./state/store";
import { setupActiveLinks } from "./ui/active-links";
import { setupDetails } from "./ui/details";
import { setupEventBanner } from "./ui/event-banner";
import { setupLegend } from "./ui/legend";
import { showAlert, showNotice } from "./ui/notices";
import { setupPlayback } from "./ui/playback";
import { setupTimeline, timelineRange } from "./ui/timeline";
import { setupToolbar } from "./ui/toolbar";
import { createTooltip } from "./ui/tooltip";
import { readHash } from "./url/hash-params";

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const setState = (state: "loading" | "ready" | "error") => {
  document.documentElement.dataset.state = state;
};

/** The map area left clear by the panels, so framed data is not hidden behind them. */
function framePadding(sidebar: HTMLElement, timeline: HTMLElement) {
  const wide = window.innerWidth > 700;
  const side = sidebar.getBoundingClientRect();
  let bottom = window.innerHeight - timeline.getBoundingClientRect().top + 30;
  let right = wide ? 140 : 90;
  const details = document
    .querySelector<HTMLElement>(".details:not([hidden])")
    ?.getBoundingClientRect();
  if (details && wide) right = window.innerWidth - details.left + 110;
  if (details && !wide) bottom = window.innerHeight - details.top + 30;
  return { top: wide ? 60 : 110, right, bottom, left: wide ? side.right + 40 : 40 };
}

async function start(): Promise<void> {
  const messages = byId("messages");
  const loading = byId("loading");
  const progress = loading.querySelector("progress") as HTMLProgressElement;
  const loadingText = loading.querySelector(".loading-text") as HTMLElement;
  const { view, problems } = readHash(location.hash);
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  const catalog = await loadCatalog("data/index.json");
  const datasetId = view.dataset ?? catalog.default;
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) {
    throw new Error(
      `ds: unknown dataset "${datasetId}" (known: ${catalog.datasets.map((d) => d.id).join(", ")})`,
    );
  }
  loadingText.textContent = `Loading ${entry.title}…`;
  const [topology, world] = await Promise.all([
    loadTopology(`data/${entry.file}`, undefined, (loaded, total) => {
      if (total) progress.value = loaded / total;
    }),
    fetchJson(countriesUrl) as Promise<TopoJSON>,
  ]);
  byId("dataset-title").textContent = topology.title;
  document.title = `${topology.title} · Uplinks`;

  const range = timelineRange(topology);
  const known = (kind: "link" | "node", id: string) =>
    kind === "link"
      ? topology.links.some((l) => l.id === id)
      : topology.nodes.some((n) => n.id === id);
  if (view.selection && !known(view.selection.kind, view.selection.id)) {
    problems.push(
      `sel=${view.selection.kind}:${view.selection.id}: no such ${view.selection.kind} in ${topology.id}`,
    );
  }
  const store = createAppStore({
    date: clampDate(view.date ?? topology.timeRange[1], range[0], range[1]),
    camera: view.camera ?? null,
    selection:
      view.selection && known(view.selection.kind, view.selection.id) ? view.selection : null,
    animate: view.animate ?? !reducedMotion,
    theme: view.theme ?? "dark",
    projection: view.projection ?? "mercator",
  });
  if (problems.length > 0) showNotice(messages, "Some of the address was ignored:", problems);

  const clock = createClock();
  const sidebar = byId("sidebar");
  const tooltip = createTooltip(byId("map"));
  const basemap = buildBasemapData(world);
  const geometry = buildLinkGeometry(topology);
  const description = document.createElement("p");
  description.className = "dataset-description";
  description.textContent = topology.description;
  sidebar.prepend(description);

  const disposers = [
    setupToolbar(byId("toolbar"), store, sidebar),
    setupActiveLinks(sidebar, store, topology),
    setupLegend(byId("legend-root"), store, topology),
    setupDetails(byId("details-root"), store, topology),
    setupEventBanner(byId("banner-root"), store, topology),
    setupTimeline(byId("timeline-root"), store, topology),
    setupPlayback(store, clock, range),
    setupMapView(byId("map"), {
      store,
      topology,
      geometry,
      basemap,
      clock,
      onHover: (pick) => tooltip.show(pick),
      framePadding: () => framePadding(sidebar, byId("timeline-root")),
      onReady: () => {
        loading.hidden = true;
        setState("ready");
      },
      onFailure: (message) => {
        loading.hidden = true;
        showAlert(messages, "The map is unavailable", message);
        setState("error");
      },
    }),
  ];
  window.addEventListener("pagehide", () => {
    for (const dispose of disposers) dispose();
    clock.dispose();
    tooltip.dispose();
    select(store, null);
  });
}

start().catch((error: unknown) => {
  byId("loading").hidden = true;
  showAlert(
    byId("messages"),
    "Uplinks could not open this view",
    error instanceof Error ? error.message : String(error),
  );
  setState("error");
});
