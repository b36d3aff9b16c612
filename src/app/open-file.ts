import { readTopologyFile } from "../model/load";
import { summarizeError } from "../model/problems";
import type { Topology } from "../model/schema";
import { showAlert, showNotice } from "../ui/notices";
import type { UrlState } from "../url/codec";
import { CATALOG_ENTRY } from "./history-entry";
import { type Context, preferencesOf, type Shell, setPageState } from "./shell";
import { startSession } from "./start-session";

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
export async function openFile(shell: Shell, context: Context, file: File): Promise<void> {
  const { state, loading, messages } = shell;
  state.dismissFileAlert();
  const before = loading.snapshot();
  loading.show(`Reading ${file.name}…`);
  let topology: Topology;
  try {
    topology = await readTopologyFile(file);
  } catch (error) {
    loading.restore(before);
    state.dismissFileAlert = showAlert(
      messages,
      `Could not open "${file.name}"`,
      summarizeError(error),
    );
    return;
  }
  state.pendingData?.abort();
  const ticket = ++state.opening;
  state.requested = null;
  setPageState("loading");
  messages.replaceChildren();
  loading.show(`Opening ${topology.title}…`);
  const world = await context.basemap;
  if (ticket !== state.opening) return;
  if (!state.shown?.file) {
    history.replaceState(CATALOG_ENTRY, "");
    history.pushState(null, "", location.href);
  }
  const embed = document.documentElement.hasAttribute("data-embed");
  const url: UrlState = { ...preferencesOf(state), ...(embed ? { embed } : {}) };
  startSession(shell, context, { topology, world, url, file: file.name });
  state.openedFiles.set(topology.id, file.name);
  const published = context.catalog.datasets.find((d) => d.id === topology.id);
  showNotice(messages, `Opened ${file.name} from this computer; it was not uploaded.`, [
    "Links to this view will not include it.",
    ...(published ? [`They open the published "${published.title}" instead.`] : []),
  ]);
}
