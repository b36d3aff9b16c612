import { CLUSTER_AFTER } from "../layers/places-view";
import { afterFrame } from "../map/after-frame";
import { DETAIL_WORKER_LINKS, detailCode, PREFETCH_DETAIL_LINKS } from "../map/detail-view";
import { startDetailWorker } from "../map/detail-worker-start";
import { clusterCode } from "../map/place-clusters-loader";
import { loadTopology } from "../model/load";
import { showNotice } from "../ui/notices";
import { decode, urlContextOf } from "../url/codec";
import { ignoredNotes, versionNotes } from "./address-notes";
import { entryOf } from "./catalog-entry";
import { type Context, type Shell, setPageState } from "./shell";
import { startSession } from "./start-session";

/** Loads the catalog dataset `hash` names (or the default) and shows it as the rest of `hash` says. */
export async function openCatalogDataset(
  shell: Shell,
  context: Context,
  hash: string,
): Promise<void> {
  const { state, loading, messages } = shell;
  state.pendingData?.abort();
  const ticket = ++state.opening;
  state.requested = hash;
  try {
    setPageState("loading");
    messages.replaceChildren();
    const entry = entryOf(context.catalog, hash);
    loading.show(`Loading ${entry.title}…`);
    // Code a large dataset needs, fetched while the data downloads (see `lazyModule`).
    const code: Promise<unknown>[] = [];
    if (entry.counts.links >= PREFETCH_DETAIL_LINKS) code.push(detailCode.load());
    if (entry.counts.nodes > CLUSTER_AFTER) code.push(clusterCode.load());
    if (entry.counts.links >= DETAIL_WORKER_LINKS) startDetailWorker();
    const topology = await loadTopology(`data/${entry.file}`, {
      fetcher: shell.fetcher,
      onProgress: (loaded, total) => {
        if (total) loading.setProgress(loaded / total);
      },
    });
    const world = await context.basemap;
    // And in before the session starts: asked for while it starts the map, a module waited behind
    // the map's long tasks (at 10,000 links, the level of detail came after the shaders, 0.5 s
    // late). One that failed to load is asked for again, and its absence reported, by its user.
    await Promise.allSettled(code);
    // Let the map, started meanwhile, draw a frame first (see `afterFrame`).
    await afterFrame(window);
    if (ticket !== state.opening) return; // a newer address, or a file, is being opened
    const { state: url, problems } = decode(hash, urlContextOf(topology));
    startSession(shell, context, { topology, world, url, file: null });
    const notes = [...ignoredNotes(problems), ...versionNotes(url, topology)];
    if (notes.length > 0)
      showNotice(messages, "Some of the address was ignored or has changed:", notes);
  } finally {
    if (ticket === state.opening) state.requested = null;
  }
}
