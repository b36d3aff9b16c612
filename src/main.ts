/**
 * Composition root: loads the catalog and the basemap once, then opens the dataset the address
 * names as a session; a new dataset in the address replaces the session, without a reload.
 */
import type { Topology as TopoJSON } from "topojson-specification";
import countriesUrl from "world-atlas/countries-50m.json?url";
import { buildBasemapData } from "./map/basemap";
import { createClock } from "./map/clock";
import { fetchJson, loadCatalog, loadTopology } from "./model/load";
import type { Catalog } from "./model/schema";
import { createSession, type Roots, type Session } from "./session";
import { showAlert, showNotice } from "./ui/notices";
import { decode, formatUrlProblem, urlContextOf } from "./url/codec";

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const setState = (state: "loading" | "ready" | "error") => {
  document.documentElement.dataset.state = state;
};

const roots: Roots = {
  map: byId("map"),
  sidebar: byId("sidebar"),
  toolbar: byId("toolbar"),
  legend: byId("legend-root"),
  details: byId("details-root"),
  banner: byId("banner-root"),
  timeline: byId("timeline-root"),
  title: byId("dataset-title"),
  story: byId("story-root"),
};
const messages = byId("messages");
const loading = byId("loading");
const progress = loading.querySelector("progress") as HTMLProgressElement;
const loadingText = loading.querySelector(".loading-text") as HTMLElement;
const clearMessages = () => messages.replaceChildren();

let session: Session | null = null;
let opening = 0;

/** Opens the dataset that `hash` names (or the default) and applies the rest of the address. */
async function open(
  catalog: Catalog,
  basemap: Promise<ReturnType<typeof buildBasemapData>>,
  hash: string,
) {
  const ticket = ++opening;
  setState("loading");
  clearMessages();
  const first = decode(hash);
  const datasetId = first.state.dataset ?? catalog.default;
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) {
    throw new Error(
      `ds=${datasetId}: unknown dataset (known: ${catalog.datasets.map((d) => d.id).join(", ")})`,
    );
  }
  loading.hidden = false;
  progress.removeAttribute("value");
  loadingText.textContent = `Loading ${entry.title}…`;
  const topology = await loadTopology(`data/${entry.file}`, undefined, (loaded, total) => {
    if (total) progress.value = loaded / total;
  });
  const world = await basemap;
  if (ticket !== opening) return; // a newer address is being opened
  const { state: url, problems } = decode(hash, urlContextOf(topology));

  session?.dispose();
  session = createSession({
    roots,
    topology,
    basemap: world,
    clock,
    url,
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    defaultDataset: catalog.default,
    onReady: () => {
      loading.hidden = true;
      setState("ready");
    },
    onFailure: (message) => {
      loading.hidden = true;
      showAlert(messages, "The map is unavailable", message);
      setState("error");
    },
    onNotice: (title, lines) => showNotice(messages, title, lines),
    onDatasetChange: (next) => {
      open(catalog, basemap, next).catch(fail);
    },
  });
  const notes = problems.map(formatUrlProblem);
  if (url.datasetVersion && url.datasetVersion !== topology.updated) {
    notes.push(
      `v=${url.datasetVersion}: this link was made with "${topology.title}" as of ${url.datasetVersion}; the dataset has been updated since (${topology.updated}), so what you see may differ`,
    );
  }
  if (notes.length > 0)
    showNotice(messages, "Some of the address was ignored or has changed:", notes);
}

function fail(error: unknown) {
  loading.hidden = true;
  showAlert(
    messages,
    "Uplinks could not open this view",
    error instanceof Error ? error.message : String(error),
  );
  setState("error");
}

const clock = createClock();

async function start(): Promise<void> {
  const catalog = await loadCatalog("data/index.json");
  const basemap = fetchJson(countriesUrl).then((world) => buildBasemapData(world as TopoJSON));
  await open(catalog, basemap, location.hash);
  // Before a session exists (or after it failed), a new address is opened afresh.
  window.addEventListener("hashchange", () => {
    if (!session) open(catalog, basemap, location.hash).catch(fail);
  });
}

window.addEventListener("pagehide", () => {
  session?.dispose();
  clock.dispose();
});

start().catch(fail);
