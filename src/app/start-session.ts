import type { Basemap } from "../map/basemap";
import type { Topology } from "../model/schema";
import { createSession } from "../session";
import { openingDate } from "../state/selectors";
import { showAlert, showNotice } from "../ui/notices";
import { encode, type UrlState } from "../url/codec";
import { toUrlState, type UrlSession } from "../url/sync";
import { withoutDataLines } from "./address-notes";
import { type Context, type Shell, setPageState } from "./shell";

/** A checked topology, ready to be shown. */
export interface Opened {
  readonly topology: Topology;
  readonly world: Basemap;
  /** What the address asked for, already checked against `topology`. */
  readonly url: UrlState;
  /** The name of the file from this computer, or `null` for a catalog dataset. */
  readonly file: string | null;
  /** The `data=` value the topology was loaded from, if any. */
  readonly data?: string;
}

/** Replaces the session with one that shows `opened`. */
export function startSession(
  shell: Shell,
  context: Context,
  { topology, world, url, file, data }: Opened,
): void {
  const { state, loading, messages } = shell;
  state.session?.dispose();
  state.closeBanner();
  state.closeBanner = () => {};
  state.shown = { id: topology.id, file };
  state.shownData = data ?? null;
  if (state.shownData === null) state.confirmedUrl = null;
  state.sessionState = "loading";
  const ticket = state.opening;
  // What the address sync writes: the same fields `toUrlState` reads.
  const urlSession: UrlSession = {
    topology,
    defaultDate: openingDate(topology),
    clampDate: (date) => date,
    embed: url.embed ?? false,
    defaultDataset: context.catalog.default,
    unknown: url.unknown ?? [],
  };
  state.sessionAddress = () => {
    const hash = state.session
      ? encode(toUrlState(state.session.store.getState(), urlSession), topology)
      : "";
    return `${location.origin}${location.pathname}${location.search}${hash}`;
  };
  const premade = state.preparedMap;
  state.preparedMap = null;
  state.session = createSession({
    roots: shell.roots,
    topology,
    basemap: world,
    preparedMap: premade,
    clock: shell.clock,
    url,
    reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
    defaultDataset: context.catalog.default,
    onReady: () => {
      state.sessionState = "ready";
      // While another dataset is being opened, the loading panel stays.
      if (ticket !== state.opening) return;
      loading.hide();
      setPageState("ready");
    },
    onFailure: (message) => {
      state.sessionState = "error";
      loading.hide();
      showAlert(messages, "The map is unavailable", message);
      setPageState("error");
    },
    onNotice: (title, lines) => {
      const shownLines = withoutDataLines(lines);
      if (shownLines.length > 0) showNotice(messages, title, shownLines);
    },
    onDatasetChange: (next) => shell.navigate(context, next),
  });
}
