import { afterFrame } from "../map/after-frame";
import { PREFETCH_DETAIL_LINKS, prefetchDetail } from "../map/detail-view";
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
    // Fetched while the data downloads (see `prefetchDetail`).
    if (entry.counts.links >= PREFETCH_DETAIL_LINKS) prefetchDetail();
    const topology = await loadTopology(`data/${entry.file}`, {
      fetcher: shell.fetcher,
      onProgress: (loaded, total) => {
        if (total) loading.setProgress(loaded / total);
      },
    });
    const world = await context.basemap;
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
