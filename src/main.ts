/**
 * Composition root: loads the catalog and the basemap once, then opens the dataset the address
 * names as a session; a new dataset in the address replaces the session, without a reload. A
 * topology file from this computer (dropped on the page, or picked in the Datasets dialog)
 * replaces the session the same way, and is never uploaded. So does a file that `data=` in the
 * address names (DESIGN §4; see `openData`), which never joins the catalog. The page's shell,
 * which does the opening, is `src/app/`.
 */
import basemapUrl from "virtual:uplinks-basemap";
import { listenToAddress } from "./app/address-listener";
import { loadBasemap } from "./app/load-basemap";
import { createLoadingPanel } from "./app/loading-panel";
import { navigate } from "./app/navigate";
import { openCatalogDataset } from "./app/open-catalog";
import { openData } from "./app/open-data";
import { pickerActions } from "./app/picker-actions";
import { type Context, createShellState, type Shell, showFailure } from "./app/shell";
import { createClock } from "./map/clock";
import { prepareMap } from "./map/create-map";
import { loadCatalog } from "./model/load";
import { createFetch } from "./model/worker-fetch";
import { dataParamOf } from "./remote/data-param";
import type { Roots } from "./session";
import { DEFAULT_STATE } from "./state/store";
import { setupDatasetPicker } from "./ui/dataset-picker";
import { h } from "./ui/dom";
import { decode } from "./url/codec";

const byId = (id: string) => document.getElementById(id) as HTMLElement;

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
/** How the app downloads its files: off the main thread, which is busy while the map starts. */
const fetcher = createFetch();
const state = createShellState();
// Its Cancel button stops the `data=` download in progress.
const loading = createLoadingPanel(byId("loading"), () => state.pendingData?.abort());
/** Where the banner naming the origin of data from another site goes: under the title. */
const bannerSlot = h("div", { class: "remote-slot" });
document.querySelector(".left-column .brand")?.after(bannerSlot);
const clock = createClock();
const shell: Shell = {
  roots,
  messages,
  loading,
  bannerSlot,
  fetcher,
  clock,
  state,
  navigate: (context, hash) => navigate(shell, context, hash),
};
const disposers: (() => void)[] = [];

async function start(): Promise<void> {
  const basemap = loadBasemap(basemapUrl, fetcher);
  // The basemap starts drawing while the first dataset is read (in the theme, and at the camera,
  // the address asks for).
  basemap.then(
    (world) => {
      const { theme = DEFAULT_STATE.theme, camera } = decode(location.hash).state;
      state.preparedMap = prepareMap(roots.map, world, theme, camera);
    },
    () => {},
  );
  const whenReady = loadCatalog("data/index.json", fetcher).then((catalog) => ({
    catalog,
    basemap,
  }));
  // A `data=` file downloads at once, while the catalog loads and the map starts; a catalog
  // failure is reported below, once.
  const first =
    dataParamOf(location.hash) !== null ? openData(shell, whenReady, location.hash) : null;
  first?.catch(() => {});
  const context: Context = await whenReady;
  disposers.push(setupDatasetPicker(byId("dataset-picker-root"), pickerActions(shell, context)));
  // Registered before any session's address sync, so these listeners run first.
  listenToAddress(shell, context);
  await (first ?? openCatalogDataset(shell, context, location.hash));
}

window.addEventListener("pagehide", () => {
  state.session?.dispose();
  for (const dispose of disposers) dispose();
  clock.dispose();
});

start().catch((error: unknown) => showFailure(shell, error));
