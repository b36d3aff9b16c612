import { afterFrame } from "../map/after-frame";
import { type FetchOptions, LoadError, loadTopology } from "../model/load";
import { type DataRequest, dataParamOf, readDataRequest } from "../remote/data-param";
import { showAlert, showNotice } from "../ui/notices";
import { confirmRemoteData, showRemoteBanner } from "../ui/remote-data";
import { decode, urlContextOf } from "../url/codec";
import { ignoredNotes } from "./address-notes";
import {
  DATA_TIMEOUT_MS,
  dataFailureMessage,
  dataNameOf,
  downloadText,
  fetchOptionsFor,
} from "./data-download";
import { openCatalogDataset } from "./open-catalog";
import { type Context, type Shell, setPageState, showFailure } from "./shell";
import { startSession } from "./start-session";

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
export async function openData(
  shell: Shell,
  whenReady: Context | Promise<Context>,
  hash: string,
): Promise<void> {
  const { state, loading, messages } = shell;
  state.pendingData?.abort();
  const controller = new AbortController();
  state.pendingData = controller;
  const ticket = ++state.opening;
  state.requested = hash;
  state.dismissDataAlert();
  const value = dataParamOf(hash) ?? "";
  const request = readDataRequest(value, location.href);
  const name = dataNameOf(request, value);
  try {
    if (request.kind === "refused") throw new Error(request.reason);
    if (request.kind === "cross-origin" && request.url !== state.confirmedUrl) {
      loading.hide();
      const agreed = await confirmRemoteData(document.body, request, controller.signal);
      if (ticket !== state.opening) return;
      if (!agreed) throw new LoadError(name, "cancelled", `${name}: not loaded`);
    }
    setPageState("loading");
    loading.show(`Loading ${name}…`);
    loading.setCancellable(true);
    const options: FetchOptions = {
      name,
      fetcher: shell.fetcher,
      signal: controller.signal,
      idleTimeoutMs: DATA_TIMEOUT_MS,
      requireJsonType: true,
      init: fetchOptionsFor(request),
      onProgress: (loaded, total) => {
        if (total) loading.setProgress(loaded / total);
        loading.setText(downloadText(name, loaded, total));
      },
    };
    const topology = await loadTopology(request.url, options);
    const context = await whenReady;
    const world = await context.basemap;
    if (ticket !== state.opening) return;
    loading.setCancellable(false);
    loading.show(`Opening ${topology.title}…`);
    // Let the map, started meanwhile, draw a frame first (see `afterFrame`); this shows the above.
    await afterFrame(window);
    if (ticket !== state.opening) return;
    const { state: url, problems } = decode(hash, urlContextOf(topology));
    messages.replaceChildren();
    if (request.kind === "cross-origin") state.confirmedUrl = request.url;
    startSession(shell, context, { topology, world, url, file: null, data: value });
    if (request.kind === "cross-origin") {
      state.closeBanner = showRemoteBanner(shell.bannerSlot, request);
    }
    const notes = ignoredNotes(problems);
    if (notes.length > 0) showNotice(messages, "Some of the address was ignored:", notes);
  } catch (error) {
    if (ticket !== state.opening) return;
    dataFailed(shell, await whenReady, request, name, error);
  } finally {
    if (ticket === state.opening) {
      state.requested = null;
      state.pendingData = null;
      loading.setCancellable(false);
    }
  }
}

/** After `data=` could not be opened: back to what was shown, or to an alert on the first load. */
function dataFailed(
  shell: Shell,
  context: Context,
  request: DataRequest,
  name: string,
  error: unknown,
): void {
  const { state, loading, messages } = shell;
  const cancelled = error instanceof LoadError && error.failure === "cancelled";
  const message = dataFailureMessage(request, error);
  if (state.session) {
    // The dataset shown stays, and the address says so again.
    history.replaceState(history.state, "", state.sessionAddress());
    if (state.sessionState === "loading") loading.show("Loading…");
    else loading.hide();
    setPageState(state.sessionState);
    if (!cancelled) state.dismissDataAlert = showAlert(messages, `Could not open ${name}`, message);
    return;
  }
  if (cancelled) {
    // Nothing is shown yet: show the default dataset rather than nothing.
    history.replaceState(null, "", `${location.origin}${location.pathname}${location.search}`);
    openCatalogDataset(shell, context, "").catch((e: unknown) => showFailure(shell, e));
    return;
  }
  loading.hide();
  state.dismissDataAlert = showAlert(messages, `Could not open ${name}`, message);
  setPageState("error");
}
