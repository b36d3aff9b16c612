/**
 * Keeps the address and the store in step (the only code that touches `location` and `history`).
 * Continuous changes (camera, date) replace the history entry, at most a few times a second;
 * discrete ones (selection, filters, story step, …) push one, so Back and Forward walk through
 * them. A hash that changes from outside (Back, Forward, a pasted link) is applied to the store.
 */
import type { Topology } from "../model/schema";
import { type AppState, type AppStore, DEFAULT_STATE } from "../state/store";
import { decode, encode, type UrlProblem, type UrlState, urlContextOf } from "./codec";

/** At most this many address updates a second for continuous changes. */
const REPLACE_INTERVAL_MS = 300;

/** What a session knows beyond the store: its dataset, and what the address said at the start. */
export interface UrlSession {
  readonly topology: Topology;
  /** The date shown when the address names none. */
  readonly defaultDate: string;
  /** Clamps a date into the timeline's range. */
  readonly clampDate: (date: string) => string;
  readonly embed: boolean;
  /** The dataset an address without `ds=` means. */
  readonly defaultDataset: string;
  /** Parameters the address had that this version does not know, kept when rewriting it. */
  readonly unknown: readonly (readonly [string, string])[];
}

/** The address's view of the store. */
export function toUrlState(state: AppState, session: UrlSession): UrlState {
  return {
    ...(state.camera ? { camera: state.camera } : {}),
    date: state.date,
    ...(state.selection ? { selection: state.selection } : {}),
    dataset: session.topology.id,
    datasetVersion: session.topology.updated,
    ...(state.story ? { story: state.story } : {}),
    ...(state.story && state.step !== null ? { step: state.step } : {}),
    filters: state.filters,
    ...(state.focus ? { focus: state.focus } : {}),
    ...(state.compare ? { compare: state.compare } : {}),
    present: state.present,
    animate: state.animate,
    projection: state.projection,
    theme: state.theme,
    embed: session.embed,
    unknown: session.unknown,
  };
}

/** The store's part of what an address says; what it does not say takes the default. */
export function fromUrlState(
  url: UrlState,
  session: UrlSession,
  current: AppState,
): Partial<AppState> {
  return {
    // The camera stays where it is when the address does not place it.
    camera: url.camera ?? current.camera,
    date: session.clampDate(url.date ?? session.defaultDate),
    selection: url.selection ?? null,
    filters: url.filters ?? {},
    focus: url.focus ?? null,
    compare: url.compare ? session.clampDate(url.compare) : null,
    story: url.story ?? null,
    step: url.story ? (url.step ?? 1) : null,
    present: url.present ?? false,
    animate: url.animate ?? DEFAULT_STATE.animate,
    projection: url.projection ?? DEFAULT_STATE.projection,
    theme: url.theme ?? DEFAULT_STATE.theme,
  };
}

/** Which changes are steps a person would want Back to undo. */
const isDiscrete = (a: AppState, b: AppState) =>
  a.selection !== b.selection ||
  a.filters !== b.filters ||
  a.focus !== b.focus ||
  a.compare !== b.compare ||
  a.story !== b.story ||
  a.step !== b.step ||
  a.present !== b.present ||
  a.theme !== b.theme ||
  a.projection !== b.projection;

export interface UrlSyncHandlers {
  /** The address now names another dataset: the caller opens it. */
  readonly onDatasetChange: (hash: string) => void;
  /** Parts of an address applied from outside were ignored. */
  readonly onProblems: (problems: readonly UrlProblem[]) => void;
}

/** Starts syncing; returns the disposer. Also returns `permalink()`, the current view's address. */
export function setupUrlSync(
  store: AppStore,
  session: UrlSession,
  handlers: UrlSyncHandlers,
  win: Window = window,
): { dispose: () => void; permalink: () => string; flush: () => void } {
  const hashOf = (state: AppState) => encode(toUrlState(state, session), session.topology);
  const base = () => `${win.location.origin}${win.location.pathname}${win.location.search}`;
  let written = win.location.hash;
  let applying = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const replaceNow = () => {
    timer = undefined;
    const hash = hashOf(store.getState());
    if (hash !== written) {
      written = hash;
      win.history.replaceState(win.history.state, "", `${base()}${hash}`);
    }
  };
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      replaceNow();
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (applying) return;
    const hash = hashOf(state);
    if (hash === written) return;
    if (isDiscrete(state, previous)) {
      // A pending continuous change belongs to the entry we leave: write it there first.
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
        const before = hashOf(previous);
        if (before !== written)
          win.history.replaceState(win.history.state, "", `${base()}${before}`);
      }
      written = hash;
      win.history.pushState(null, "", `${base()}${hash}`);
    } else if (timer === undefined) {
      timer = setTimeout(replaceNow, REPLACE_INTERVAL_MS);
    }
  });

  const onNavigate = () => {
    const hash = win.location.hash;
    if (hash === written) return;
    const { state: url, problems } = decode(hash, urlContextOf(session.topology));
    if ((url.dataset ?? session.defaultDataset) !== session.topology.id) {
      handlers.onDatasetChange(hash);
      return;
    }
    written = hash;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    applying = true;
    try {
      store.setState(fromUrlState(url, session, store.getState()));
    } finally {
      applying = false;
    }
    if (problems.length > 0) handlers.onProblems(problems);
    // The entry now says what is shown, dataset and version included.
    replaceNow();
  };
  win.addEventListener("popstate", onNavigate);
  win.addEventListener("hashchange", onNavigate);

  // The address now says exactly what is shown: the dataset and its version included.
  replaceNow();

  return {
    permalink: () => `${base()}${hashOf(store.getState())}`,
    flush,
    dispose() {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      win.removeEventListener("popstate", onNavigate);
      win.removeEventListener("hashchange", onNavigate);
    },
  };
}
