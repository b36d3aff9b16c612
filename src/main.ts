/**
 * Composition root: loads the catalog and the basemap once, then opens the dataset the address
 * names as a session; a new dataset in the address replaces the session, without a reload. A
 * topology file from this computer (dropped on the page, or picked in the Datasets dialog)
 * replaces the session the same way, and is never uploaded. So does a file that `data=` in the
 * address names (DESIGN §4; see `openData`), which never joins the catalog.
 */
import basemapUrl from "virtual:uplinks-basemap";
import { afterFrame } from "./map/after-frame";
import { type Basemap, type TiledBasemap, withTilesFrom } from "./map/basemap";
import { createClock } from "./map/clock";
import { type PreparedMap, prepareMap } from "./map/map-view";
import {
  type FetchOptions,
  fetchText,
  LoadError,
  loadCatalog,
  loadTopology,
  readTopologyFile,
} from "./model/load";
import { summarizeError } from "./model/problems";
import type { Catalog, CatalogEntry, Topology } from "./model/schema";
import { createFetch } from "./model/worker-fetch";
import { type DataRequest, dataParamOf, readDataRequest } from "./remote/data-param";
import { createSession, type Roots, type Session } from "./session";
import { DEFAULT_STATE } from "./state/store";
import { type Shown, setupDatasetPicker } from "./ui/dataset-picker";
import { h } from "./ui/dom";
import { showAlert, showNotice } from "./ui/notices";
import { confirmRemoteData, showRemoteBanner } from "./ui/remote-data";
import {
  decode,
  encode,
  formatUrlProblem,
  type UrlProblem,
  type UrlState,
  urlContextOf,
} from "./url/codec";
import { toUrlState, type UrlSession } from "./url/sync";

const byId = (id: string) => document.getElementById(id) as HTMLElement;
const setState = (state: "loading" | "ready" | "error") => {
  document.documentElement.dataset.state = state;
};
const messageOf = (error: unknown) => summarizeError(error);

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
/** How the app downloads its files: off the main thread, which is busy while the map starts. */
const fetcher = createFetch();
/** Stops the download in progress (shown only while one can be stopped). */
const cancelButton = h(
  "button",
  { type: "button", class: "tool loading-cancel", hidden: true },
  "Cancel",
);
loading.append(cancelButton);
cancelButton.addEventListener("click", () => pendingData?.abort());
const showLoading = (text: string) => {
  loading.hidden = false;
  cancelButton.hidden = true;
  progress.removeAttribute("value");
  loadingText.textContent = text;
};
/** Where the banner naming the origin of data from another site goes: under the title. */
const bannerSlot = h("div", { class: "remote-slot" });
document.querySelector(".left-column .brand")?.after(bannerSlot);

/** `data=` is this app's own parameter, though the address codec does not know it. */
const isDataProblem = (p: UrlProblem) => p.key === "data";
const withoutDataLines = (lines: readonly string[]) => lines.filter((l) => !l.startsWith("data="));

/** What every session shares: the catalog and the basemap, each loaded once. */
interface Context {
  readonly catalog: Catalog;
  readonly basemap: Promise<Basemap>;
}

/** A checked topology, ready to be shown. */
interface Opened {
  readonly topology: Topology;
  readonly world: Basemap;
  /** What the address asked for, already checked against `topology`. */
  readonly url: UrlState;
  /** The name of the file from this computer, or `null` for a catalog dataset. */
  readonly file: string | null;
  /** The `data=` value the topology was loaded from, if any. */
  readonly data?: string;
}

let session: Session | null = null;
/** The map started while the first dataset loads, until a session takes it over. */
let preparedMap: PreparedMap | null = null;
/** What the session shows. */
let shown: Shown | null = null;
/** The session's state, as `data-state` shows it unless something else is being opened. */
let sessionState: "loading" | "ready" | "error" = "loading";
/** The address of the session's view now (what its address sync writes). */
let sessionAddress = () => location.href;
/** The `data=` value of what is shown: `null` for a catalog dataset or a file from this computer. */
let shownData: string | null = null;
/** The address of data from another site the person agreed to load, while it is shown. */
let confirmedUrl: string | null = null;
/** Removes the banner naming the origin of the data shown. */
let closeBanner = () => {};
/** Stops the `data=` download, or question, in progress. */
let pendingData: AbortController | null = null;
/** Removes the alert about the last `data=` that could not be opened. */
let dismissDataAlert = () => {};
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
function startSession(context: Context, { topology, world, url, file, data }: Opened): void {
  session?.dispose();
  closeBanner();
  closeBanner = () => {};
  shown = { id: topology.id, file };
  shownData = data ?? null;
  if (shownData === null) confirmedUrl = null;
  sessionState = "loading";
  const ticket = opening;
  // What the address sync writes: the same fields `toUrlState` reads.
  const urlSession: UrlSession = {
    topology,
    defaultDate: topology.timeRange[1],
    clampDate: (date) => date,
    embed: url.embed ?? false,
    defaultDataset: context.catalog.default,
    unknown: url.unknown ?? [],
  };
  sessionAddress = () => {
    const hash = session ? encode(toUrlState(session.store.getState(), urlSession)) : "";
    return `${location.origin}${location.pathname}${location.search}${hash}`;
  };
  const premade = preparedMap;
  preparedMap = null;
  session = createSession({
    roots,
    topology,
    basemap: world,
    preparedMap: premade,
    clock,
    url,
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    defaultDataset: context.catalog.default,
    onReady: () => {
      sessionState = "ready";
      // While another dataset is being opened, the loading panel stays.
      if (ticket !== opening) return;
      loading.hidden = true;
      setState("ready");
    },
    onFailure: (message) => {
      sessionState = "error";
      loading.hidden = true;
      showAlert(messages, "The map is unavailable", message);
      setState("error");
    },
    onNotice: (title, lines) => {
      const shownLines = withoutDataLines(lines);
      if (shownLines.length > 0) showNotice(messages, title, shownLines);
    },
    onDatasetChange: (next) => navigate(context, next),
  });
}

/** Loads the catalog dataset `hash` names (or the default) and shows it as the rest of `hash` says. */
async function open(context: Context, hash: string): Promise<void> {
  pendingData?.abort();
  const ticket = ++opening;
  requested = hash;
  try {
    setState("loading");
    clearMessages();
    const entry = entryOf(context.catalog, hash);
    showLoading(`Loading ${entry.title}…`);
    const topology = await loadTopology(`data/${entry.file}`, {
      fetcher,
      onProgress: (loaded, total) => {
        if (total) progress.value = loaded / total;
      },
    });
    const world = await context.basemap;
    // Let the map, started meanwhile, draw a frame first (see `afterFrame`).
    await afterFrame(window);
    if (ticket !== opening) return; // a newer address, or a file, is being opened
    const { state: url, problems } = decode(hash, urlContextOf(topology));
    startSession(context, { topology, world, url, file: null });
    const notes = problems.filter((p) => !isDataProblem(p)).map(formatUrlProblem);
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
  if (dataParamOf(hash) !== null) {
    openData(context, hash).catch(fail);
    return;
  }
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
  pendingData?.abort();
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

/** How long a download from `data=` may go without data before it is given up. */
const DATA_TIMEOUT_MS = 30_000;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** The request options for `request`: another site gets no cookies and no referrer. */
function fetchOptionsFor(request: Exclude<DataRequest, { kind: "refused" }>): RequestInit {
  return request.kind === "cross-origin"
    ? { credentials: "omit", referrerPolicy: "no-referrer", mode: "cors" }
    : { credentials: "same-origin" };
}

/**
 * Opens the topology file that `data=` in `hash` names, with the rest of `hash` applied to it
 * (DESIGN §4). A path on this site loads at once; an https: address on another site loads once
 * the person agrees, and while it is shown a banner names its origin; anything else is refused.
 * The download shows its progress and can be cancelled.
 *
 * When it cannot be opened (refused, cancelled, HTTP error, network or CORS error, timeout, too
 * large, not JSON, not a valid topology) and a dataset is shown, that dataset stays and so does
 * its address; an alert names the file and the failure (a cancel needs none). On the first load,
 * the alert stays with `data-state=error` (a cancel opens the default dataset instead).
 */
async function openData(whenReady: Context | Promise<Context>, hash: string): Promise<void> {
  pendingData?.abort();
  const controller = new AbortController();
  pendingData = controller;
  const ticket = ++opening;
  requested = hash;
  dismissDataAlert();
  const value = dataParamOf(hash) ?? "";
  const request = readDataRequest(value, location.href);
  const name =
    request.kind === "same-origin"
      ? request.label
      : request.kind === "cross-origin"
        ? request.url
        : value;
  try {
    if (request.kind === "refused") throw new Error(request.reason);
    if (request.kind === "cross-origin" && request.url !== confirmedUrl) {
      loading.hidden = true;
      const agreed = await confirmRemoteData(document.body, request, controller.signal);
      if (ticket !== opening) return;
      if (!agreed) throw new LoadError(name, "cancelled", `${name}: not loaded`);
    }
    setState("loading");
    showLoading(`Loading ${name}…`);
    cancelButton.hidden = false;
    const options: FetchOptions = {
      name,
      fetcher,
      signal: controller.signal,
      idleTimeoutMs: DATA_TIMEOUT_MS,
      requireJsonType: true,
      init: fetchOptionsFor(request),
      onProgress: (loaded, total) => {
        if (total) progress.value = loaded / total;
        loadingText.textContent = `Loading ${name}… ${megabytes(loaded)}${total ? ` of ${megabytes(total)}` : ""}`;
      },
    };
    const topology = await loadTopology(request.url, options);
    const context = await whenReady;
    const world = await context.basemap;
    if (ticket !== opening) return;
    cancelButton.hidden = true;
    showLoading(`Opening ${topology.title}…`);
    // Let the map, started meanwhile, draw a frame first (see `afterFrame`); this shows the above.
    await afterFrame(window);
    if (ticket !== opening) return;
    const { state: url, problems } = decode(hash, urlContextOf(topology));
    clearMessages();
    if (request.kind === "cross-origin") confirmedUrl = request.url;
    startSession(context, { topology, world, url, file: null, data: value });
    if (request.kind === "cross-origin") closeBanner = showRemoteBanner(bannerSlot, request);
    const notes = problems.filter((p) => !isDataProblem(p)).map(formatUrlProblem);
    if (notes.length > 0) showNotice(messages, "Some of the address was ignored:", notes);
  } catch (error) {
    if (ticket !== opening) return;
    dataFailed(await whenReady, request, name, error);
  } finally {
    if (ticket === opening) {
      requested = null;
      pendingData = null;
      cancelButton.hidden = true;
    }
  }
}

/** After `data=` could not be opened: back to what was shown, or to an alert on the first load. */
function dataFailed(context: Context, request: DataRequest, name: string, error: unknown): void {
  const cancelled = error instanceof LoadError && error.failure === "cancelled";
  let message = messageOf(error);
  if (
    request.kind === "cross-origin" &&
    error instanceof LoadError &&
    error.failure === "network"
  ) {
    message += `\n${request.origin} could not be reached, or it does not let other sites read this file (CORS).`;
  }
  if (session) {
    // The dataset shown stays, and the address says so again.
    history.replaceState(history.state, "", sessionAddress());
    if (sessionState === "loading") showLoading("Loading…");
    else loading.hidden = true;
    setState(sessionState);
    if (!cancelled) dismissDataAlert = showAlert(messages, `Could not open ${name}`, message);
    return;
  }
  if (cancelled) {
    // Nothing is shown yet: show the default dataset rather than nothing.
    history.replaceState(null, "", `${location.origin}${location.pathname}${location.search}`);
    open(context, "").catch(fail);
    return;
  }
  loading.hidden = true;
  dismissDataAlert = showAlert(messages, `Could not open ${name}`, message);
  setState("error");
}

function fail(error: unknown) {
  loading.hidden = true;
  showAlert(messages, "Uplinks could not open this view", messageOf(error));
  setState("error");
}

const clock = createClock();
const disposers: (() => void)[] = [];

async function start(): Promise<void> {
  // A basemap failure is reported where a view awaits it. The file is built with the app
  // (scripts/lib/basemap-plugin.ts), not data from outside: plain JSON.parse reads it.
  const basemap: Promise<Basemap> = fetchText(basemapUrl, { fetcher }).then((text) =>
    withTilesFrom(JSON.parse(text) as TiledBasemap, new URL(basemapUrl, location.href).href),
  );
  basemap.catch(() => {});
  // The basemap starts drawing while the first dataset is read (in the theme, and at the camera,
  // the address asks for).
  basemap.then(
    (world) => {
      const { theme = DEFAULT_STATE.theme, camera } = decode(location.hash).state;
      preparedMap = prepareMap(roots.map, world, theme, camera);
    },
    () => {},
  );
  const whenReady = loadCatalog("data/index.json", fetcher).then((catalog) => ({
    catalog,
    basemap,
  }));
  // A `data=` file downloads at once, while the catalog loads and the map starts; a catalog
  // failure is reported below, once.
  const first = dataParamOf(location.hash) !== null ? openData(whenReady, location.hash) : null;
  first?.catch(() => {});
  const context: Context = await whenReady;
  const { catalog } = context;
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
  // Registered before any session's address sync, so these listeners run first.
  const onAddressChange = (e: Event) => {
    // Another `data=` (or none where one was): this opens it, not the session's address sync,
    // which would otherwise write the address of what it shows over it.
    if (dataParamOf(location.hash) !== shownData) {
      e.stopImmediatePropagation();
      navigate(context, location.hash);
      return;
    }
    // Before a session exists (or after it failed), a new address is opened afresh.
    if (e.type === "hashchange" && !session) navigate(context, location.hash);
    if (e.type === "popstate" && shown?.file && isCatalogEntry((e as PopStateEvent).state)) {
      navigate(context, location.hash);
    }
  };
  window.addEventListener("popstate", onAddressChange);
  window.addEventListener("hashchange", onAddressChange);
  await (first ?? open(context, location.hash));
}

window.addEventListener("pagehide", () => {
  session?.dispose();
  for (const dispose of disposers) dispose();
  clock.dispose();
});

start().catch(fail);
