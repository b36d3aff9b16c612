/** The app's view state: one zustand vanilla store, created per app (no singleton). */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { LinkKind } from "../model/schema";

/** What is selected: a link or a node, by id. */
export interface Selection {
  readonly kind: "link" | "node";
  readonly id: string;
}

/** The map camera, in MapLibre's terms. */
export interface Camera {
  readonly center: readonly [number, number];
  readonly zoom: number;
  readonly bearing: number;
  readonly pitch: number;
}

/** Which links to show: those matching every group given (any value within a group). */
export interface Filters {
  readonly kinds?: readonly LinkKind[];
  /** Networks by key (`networkKey`: a network's id, or `AS<number>`). */
  readonly networks?: readonly string[];
  readonly countries?: readonly string[];
}

export type ThemeName = "dark" | "light";
export type ProjectionName = "mercator" | "globe";

/** Playback speeds: how many days of history pass in one second. */
export const SPEEDS = {
  "1m": { label: "1 month/s", daysPerSecond: 30.44 },
  "6m": { label: "6 months/s", daysPerSecond: 182.6 },
  "1y": { label: "1 year/s", daysPerSecond: 365.25 },
} as const;
export type SpeedId = keyof typeof SPEEDS;

/** Serializable view state; everything else is derived from it and the topology. */
export interface AppState {
  readonly date: string;
  readonly playing: boolean;
  readonly speed: SpeedId;
  readonly selection: Selection | null;
  readonly camera: Camera | null;
  readonly theme: ThemeName;
  readonly projection: ProjectionName;
  /** False under `anim=0` or prefers-reduced-motion: links are drawn without moving flow. */
  readonly animate: boolean;
  readonly filters: Filters;
  /** The country in focus (ISO 3166-1 alpha-2): its cross-border links stand out, the rest dim. */
  readonly focus: string | null;
  /**
   * Compare mode: the earlier date "A" set against the current date "B"; links only at A, only
   * at B and at both are drawn apart. `null`: off.
   */
  readonly compare: string | null;
  /** The story being told, and its 1-based step. */
  readonly story: string | null;
  readonly step: number | null;
  readonly present: boolean;
}

export type AppStore = StoreApi<AppState>;

export const DEFAULT_STATE: AppState = {
  date: "1970-01-01",
  playing: false,
  speed: "1y",
  selection: null,
  camera: null,
  theme: "dark",
  projection: "mercator",
  animate: true,
  filters: {},
  focus: null,
  compare: null,
  story: null,
  step: null,
  present: false,
};

/** A new store, starting from the defaults overridden by `initial`. */
export function createAppStore(initial: Partial<AppState> = {}): AppStore {
  return createStore<AppState>()(() => ({ ...DEFAULT_STATE, ...initial }));
}

export const setDate = (store: AppStore, date: string) => {
  if (store.getState().date !== date) store.setState({ date });
};
export const setPlaying = (store: AppStore, playing: boolean) => store.setState({ playing });
export const setSpeed = (store: AppStore, speed: SpeedId) => store.setState({ speed });
export const select = (store: AppStore, selection: Selection | null) =>
  store.setState({ selection });
export const setCamera = (store: AppStore, camera: Camera) => store.setState({ camera });
export const setTheme = (store: AppStore, theme: ThemeName) => store.setState({ theme });
export const setFilters = (store: AppStore, filters: Filters) => store.setState({ filters });
export const setFocus = (store: AppStore, focus: string | null) => store.setState({ focus });
export const setCompare = (store: AppStore, compare: string | null) => store.setState({ compare });
export const setProjection = (store: AppStore, projection: ProjectionName) =>
  store.setState({ projection });

/**
 * Calls `listener` when the part of the state picked by `pick` changes (by `Object.is`).
 * Returns the unsubscribe function.
 */
export function watch<T>(
  store: AppStore,
  pick: (s: AppState) => T,
  listener: (value: T, previous: T) => void,
): () => void {
  let previous = pick(store.getState());
  return store.subscribe((state) => {
    const value = pick(state);
    if (Object.is(value, previous)) return;
    const old = previous;
    previous = value;
    listener(value, old);
  });
}
