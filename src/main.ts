/**
 * Composition root: loads the catalog and the basemap once, then opens the dataset the address
 * names as a session; a new dataset in the address replaces the session, without a reload. A
 * topology file from this computer (dropped on the page, or picked in the Datasets dialog)
 * replaces the session the same way, and is never uploaded.
 */
import type { Topology as TopoJSON } from "topojson-specification";
import countriesUrl from "world-atlas/countries-50m.json?url";
import { type BasemapData, buildBasemapData } from "./map/basemap";
import { createClock } from "./map/clock";
import { fetchJson, loadCatalog, loadTopology, readTopologyFile } from "./model/load";
import type { Catalog, CatalogEntry, Topology } from "./model/schema";
import { createSession, type Roots, type Session } from "./session";
import { type Shown, setupDatasetPicker } from "./ui/dataset-picker";
import { showAlert, showNotice } from "./ui/notices";
import { decode, encode, formatUrlProblem, type UrlState, urlContextOf } from "./url/codec";

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const setState = (state: "loading" | "ready" | "error") => {
  document.documentElement.dataset.state = state;
};
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
const showLoading = (text: string) => {
  loading.hidden = false;
  progress.removeAttribute("value");
  loadingText.textContent = text;
};

/** What every session shares: the catalog and the basemap, each loaded once. */
interface Context {
  readonly catalog: Catalog;
  readonly basemap: Promise<BasemapData>;
}

/** A checked topology, ready to be shown. */
interface Opened {
  readonly topology: Topology;
  readonly world: BasemapData;
  /** What the address asked for, already checked against `topology`. */
  readonly url: UrlState;
  /** The name of the file from this computer, or `null` for a catalog dataset. */
  readonly file: string | null;
}

let session: Session | null = null;
/** What the session shows. */
let shown: Shown | null = null;
let opening = 0;
/** The address being opened, so a navigation reported twice (popstate, hashchange) opens once. */
let requested: string | null = null;
/** Files opened from this computer by dataset id, so an address naming one can say what it was. */
const openedFiles = new Map<string, string>();
/** Removes the alert about the last file that could not be opened. */
let dismissFileAlert = () => {};

/**
 * History entries of a catalog view that a local file was opened from carry this state. Back to
 * one opens its dataset again even when the file has the same id (and so the same `ds=`), which
 * the session's address sync would otherwise take for a step within the file.
 */
const CATALOG_ENTRY = { uplinks: "catalog-view" } as const;
const isCatalogEntry = (state: unknown) =>
  typeof state === "object" && state !== null && "uplinks" in state
    ? state.uplinks === CATALOG_ENTRY.uplinks
    : false;

/** The view preferences that carry over to another dataset. */
function preferences(): UrlState {
  if (!session) return {};
  const { theme, projection, animate } = session.store.getState();
  return { theme, projection, animate };
}

/** The catalog entry `hash` names (or the default one). */
function entryOf(catalog: Catalog, hash: string): CatalogEntry {
  const datasetId = decode(hash).state.dataset ?? catalog.default;
  const entry = catalog.datasets.find((d) => d.id === datasetId);
  if (!entry) {
    throw new Error(
      `ds=${datasetId}: unknown dataset (known: ${catalog.datasets.map((d) => d.id).join(", ")})`,
    );
  }
  return entry;
}

/** Replaces the session with one that shows `opened`. */
function startSession(context: Context, { topology, world, url, file }: Opened): void {
  session?.dispose();
  shown = { id: topology.id, file };
  session = createSession({
    roots,
    topology,
    basemap: world,
    clock,
    url,
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    defaultDataset: context.catalog.default,
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
    onDatasetChange: (next) => navigate(context, next),
  });
}

/** Loads the catalog dataset `hash` names (or the default) and shows it as the rest of `hash` says. */
async function open(context: Context, hash: string): Promise<void> {
  const ticket = ++opening;
  requested = hash;
  try {
    setState("loading");
    clearMessages();
    const entry = entryOf(context.catalog, hash);
    showLoading(`Loading ${entry.title}…`);
    const topology = await loadTopology(`data/${entry.file}`, undefined, (loaded, total) => {
      if (total) progress.value = loaded / total;
    });
    const world = await context.basemap;
    if (ticket !== opening) return; // a newer address, or a file, is being opened
    const { state: url, problems } = decode(hash, urlContextOf(topology));
    startSession(context, { topology, world, url, file: null });
    const notes = problems.map(formatUrlProblem);
    if (url.datasetVersion && url.datasetVersion !== topology.updated) {
      notes.push(
        `v=${url.datasetVersion}: this link was made with "${topology.title}" as of ${url.datasetVersion}; the dataset has been updated since (${topology.updated}), so what you see may differ`,
      );
    }
    if (notes.length > 0)
      showNotice(messages, "Some of the address was ignored or has changed:", notes);
  } finally {
    if (ticket === opening) requested = null;
  }
}

/** The address changed from outside (Back, Forward, the picker, a pasted link) to `hash`. */
function navigate(context: Context, hash: string): void {
  if (hash === requested) return;
  const id = decode(hash).state.dataset ?? context.catalog.default;
  const file = openedFiles.get(id);
  if (file !== undefined && !context.catalog.datasets.some((d) => d.id === id)) {
    showNotice(messages, `This address showed ${file}, a file from this computer:`, [
      `ds=${id}: files from this computer are not kept; open the file again to see it.`,
    ]);
    return;
  }
  open(context, hash).catch(fail);
}

/**
 * Opens a topology file from this computer. A valid one replaces the session as a dataset switch
 * does (`loading` → `ready`); for an invalid one an alert lists every problem, and what is shown
 * stays as it was.
 *
 * The address: a file cannot be opened from a URL, so no address can bring it back. The file's
 * view gets a history entry of its own (Back returns to the catalog view it was opened from), and
 * the session's address sync writes it as for any dataset, `ds=` naming the file's own id: the
 * address then opens the published dataset of that id, if any, and otherwise says the dataset is
 * unknown. A notice says so when the file opens.
 */
async function openFile(context: Context, file: File): Promise<void> {
  dismissFileAlert();
  const before = { hidden: loading.hidden, text: loadingText.textContent };
  showLoading(`Reading ${file.name}…`);
  let topology: Topology;
  try {
    topology = await readTopologyFile(file);
  } catch (error) {
    loading.hidden = before.hidden;
    loadingText.textContent = before.text;
    dismissFileAlert = showAlert(messages, `Could not open "${file.name}"`, messageOf(error));
    return;
  }
  const ticket = ++opening;
  requested = null;
  setState("loading");
  clearMessages();
  showLoading(`Opening ${topology.title}…`);
  const world = await context.basemap;
  if (ticket !== opening) return;
  if (!shown?.file) {
    history.replaceState(CATALOG_ENTRY, "");
    history.pushState(null, "", location.href);
  }
  const embed = document.documentElement.hasAttribute("data-embed");
  const url: UrlState = { ...preferences(), ...(embed ? { embed } : {}) };
  startSession(context, { topology, world, url, file: file.name });
  openedFiles.set(topology.id, file.name);
  const published = context.catalog.datasets.find((d) => d.id === topology.id);
  showNotice(messages, `Opened ${file.name} from this computer; it was not uploaded.`, [
    "Links to this view will not include it.",
    ...(published ? [`They open the published "${published.title}" instead.`] : []),
  ]);
}

function fail(error: unknown) {
  loading.hidden = true;
  showAlert(messages, "Uplinks could not open this view", messageOf(error));
  setState("error");
}

const clock = createClock();
const disposers: (() => void)[] = [];

async function start(): Promise<void> {
  const catalog = await loadCatalog("data/index.json");
  const basemap = fetchJson(countriesUrl).then((world) => buildBasemapData(world as TopoJSON));
  const context: Context = { catalog, basemap };
  const hashOf = (id: string) => encode({ dataset: id, ...preferences() });
  disposers.push(
    setupDatasetPicker(byId("dataset-picker-root"), {
      catalog,
      shown: () => shown,
      hashOf,
      choose: (id) => {
        const hash = hashOf(id);
        if (shown?.file) {
          // A file's address sync keeps an address with its own id to itself: open directly.
          history.pushState(null, "", hash);
          navigate(context, hash);
        } else {
          location.hash = hash; // the session's address sync sees another dataset and opens it
        }
      },
      openFile: (file) => {
        openFile(context, file).catch(fail);
      },
    }),
  );
  // Before a session exists (or after it failed), a new address is opened afresh.
  window.addEventListener("hashchange", () => {
    if (!session) navigate(context, location.hash);
  });
  window.addEventListener("popstate", (e) => {
    if (shown?.file && isCatalogEntry(e.state)) navigate(context, location.hash);
  });
  await open(context, location.hash);
}

window.addEventListener("pagehide", () => {
  session?.dispose();
  for (const dispose of disposers) dispose();
  clock.dispose();
});

start().catch(fail);
