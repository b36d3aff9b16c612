/**
 * The page's shell: the parts of the page around a session (the loading panel, the messages, the
 * slot for the banner naming where data comes from) and the state that the ways of opening a
 * dataset share. `main.ts` builds one; everything in `src/app/` works on it.
 */
import type { Basemap } from "../map/basemap";
import type { Clock } from "../map/clock";
import type { PreparedMap } from "../map/create-map";
import { summarizeError } from "../model/problems";
import type { Catalog } from "../model/schema";
import type { Roots, Session } from "../session";
import type { Shown } from "../ui/dataset-picker";
import { showAlert } from "../ui/notices";
import type { UrlState } from "../url/codec";
import type { LoadingPanel } from "./loading-panel";

/** What `data-state` on the root element says (the e2e tests wait on it). */
export type PageState = "loading" | "ready" | "error";

/** What every session shares: the catalog and the basemap, each loaded once. */
export interface Context {
  readonly catalog: Catalog;
  readonly basemap: Promise<Basemap>;
}

/** What the shell knows of what is shown and of what is being opened. */
export interface ShellState {
  session: Session | null;
  /** The map started while the first dataset loads, until a session takes it over. */
  preparedMap: PreparedMap | null;
  /** What the session shows. */
  shown: Shown | null;
  /** The session's state, as `data-state` shows it unless something else is being opened. */
  sessionState: PageState;
  /** The address of the session's view now (what its address sync writes). */
  sessionAddress: () => string;
  /** The `data=` value of what is shown: `null` for a catalog dataset or a file from this computer. */
  shownData: string | null;
  /** The address of data from another site the person agreed to load, while it is shown. */
  confirmedUrl: string | null;
  /** Removes the banner naming the origin of the data shown. */
  closeBanner: () => void;
  /** Stops the `data=` download, or question, in progress. */
  pendingData: AbortController | null;
  /** Removes the alert about the last `data=` that could not be opened. */
  dismissDataAlert: () => void;
  /**
   * Counts the openings begun. Each keeps its number as a ticket: one that finds another number
   * here after an await has been overtaken, and does nothing more.
   */
  opening: number;
  /** The address being opened, so a navigation reported twice (popstate, hashchange) opens once. */
  requested: string | null;
  /** Files opened from this computer by dataset id, so an address naming one can say what it was. */
  readonly openedFiles: Map<string, string>;
  /** Removes the alert about the last file that could not be opened. */
  dismissFileAlert: () => void;
}

/** The state before anything is opened. */
export function createShellState(): ShellState {
  return {
    session: null,
    preparedMap: null,
    shown: null,
    sessionState: "loading",
    sessionAddress: () => location.href,
    shownData: null,
    confirmedUrl: null,
    closeBanner: () => {},
    pendingData: null,
    dismissDataAlert: () => {},
    opening: 0,
    requested: null,
    openedFiles: new Map(),
    dismissFileAlert: () => {},
  };
}

/** The page's parts and state, as the ways of opening a dataset use them. */
export interface Shell {
  readonly roots: Roots;
  /** Where notices and alerts go. */
  readonly messages: HTMLElement;
  readonly loading: LoadingPanel;
  /** Where the banner naming the origin of data from another site goes. */
  readonly bannerSlot: HTMLElement;
  /** How the app downloads its files. */
  readonly fetcher: typeof fetch;
  readonly clock: Clock;
  readonly state: ShellState;
  /**
   * Opens what `hash` names, as when the address changed from outside (see `navigate`). A
   * session calls it when its address names another dataset; it is passed in, rather than
   * imported, because `navigate` itself starts sessions.
   */
  readonly navigate: (context: Context, hash: string) => void;
}

export const setPageState = (state: PageState): void => {
  document.documentElement.dataset.state = state;
};

/** Says that nothing could be opened: `error` is not one of those a way of opening handles. */
export function showFailure(shell: Shell, error: unknown): void {
  shell.loading.hide();
  showAlert(shell.messages, "Uplinks could not open this view", summarizeError(error));
  setPageState("error");
}

/** The view preferences that carry over to another dataset. */
export function preferencesOf(state: ShellState): UrlState {
  if (!state.session) return {};
  const { theme, projection, animate } = state.session.store.getState();
  return { theme, projection, animate };
}
