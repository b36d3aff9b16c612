/**
 * A session's panels, wired to its store: story and its editor, share, export, toolbar, help,
 * search, the country panel (loaded on first use), active links, legend, details, the event
 * banner, the timeline and playback. Returns their disposers, in the order they were set up.
 */
import { storyStepRange } from "../export/default-range";
import type { MapCapture } from "../map/capture";
import type { Clock } from "../map/clock";
import type { FrameBounds } from "../map/framing";
import type { Topology } from "../model/schema";
import type { SearchResult } from "../search/search-index";
import { type AppStore, select, setDate, setFilters, setFocus, setPlaying } from "../state/store";
import { setupActiveLinks } from "../ui/active-links";
import { h } from "../ui/dom";
import { setupEventBanner } from "../ui/event-banner";
import { setupExport } from "../ui/export-menu";
import { setupHelp } from "../ui/help";
import { setupOnFirstUse } from "../ui/lazy";
import { setupLegend } from "../ui/legend";
import { setupPlayback } from "../ui/playback";
import { setupSearch } from "../ui/search";
import { setupShare } from "../ui/share";
import { setupStory } from "../ui/story";
import { setupStoryEditor } from "../ui/story-editor";
import { setupTimeline } from "../ui/timeline";
import { setupToolbar } from "../ui/toolbar";
import type { SessionAddress } from "./address";
import type { Roots } from "./roots";

export interface PanelDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  readonly clock: Clock;
  readonly reducedMotion: boolean;
  /** The timeline's range. */
  readonly range: readonly [string, string];
  /** Clamps a date into the timeline's range. */
  readonly clampDate: (date: string) => string;
  /** "Russia" for "RU". */
  readonly countryName: (code: string) => string;
  readonly address: SessionAddress;
  /** Export's view of the map, once it has loaded. */
  readonly capture: () => MapCapture | null;
  /** Frames a box of the map. */
  readonly frame: (bounds: FrameBounds) => void;
  readonly onNotice: (title: string, lines: readonly string[]) => void;
}

export function setupPanels(roots: Roots, deps: PanelDeps): (() => void)[] {
  const { store, topology, countryName } = deps;
  /** What taking a search result does: select, focus, filter or set the date; then frame it. */
  const choose = (result: SearchResult) => {
    const { target } = result;
    if ("selection" in target && target.selection) select(store, target.selection);
    if ("date" in target) {
      setPlaying(store, false);
      setDate(store, deps.clampDate(target.date));
    }
    if ("country" in target) setFocus(store, target.country);
    if ("network" in target) {
      setFilters(store, { ...store.getState().filters, networks: [target.network] });
    }
    if (target.bounds) deps.frame(target.bounds);
  };
  // Above the link list: search, then the country in focus.
  const searchRoot = h("div", { class: "search-root" });
  const countryRoot = h("div", { class: "country-root" });
  roots.sidebar.prepend(searchRoot, countryRoot);
  const editor = setupStoryEditor(roots.story, roots.toolbar, store, topology);
  return [
    () => {
      searchRoot.remove();
      countryRoot.remove();
    },
    editor.dispose,
    setupStory(roots.story, roots.toolbar, {
      store,
      topology,
      stories: () => {
        const draft = editor.draft();
        return draft ? [...topology.stories, draft] : topology.stories;
      },
      reducedMotion: deps.reducedMotion,
    }),
    setupShare(roots.toolbar, {
      permalink: deps.address.permalink,
      embedLink: () => deps.address.linkTo(true),
      title: () => `Uplinks: ${topology.title}`,
    }),
    setupExport(roots.toolbar, {
      store,
      topology,
      capture: deps.capture,
      defaultRange: () => storyStepRange(topology.stories, store.getState()) ?? deps.range,
      onFailure: (error) => deps.onNotice("The export dialog could not load:", [error.message]),
    }),
    setupToolbar(roots.toolbar, store, roots.sidebar),
    setupHelp(roots.toolbar),
    setupSearch(searchRoot, { topology, countryName, onChoose: choose }),
    setupOnFirstUse(
      store,
      (s) => s.focus !== null,
      async () =>
        (await import("../ui/country-panel")).setupCountryPanel(countryRoot, {
          store,
          topology,
          countryName,
        }),
      (error) => deps.onNotice("The country panel could not load:", [(error as Error).message]),
    ),
    setupActiveLinks(roots.sidebar, store, topology, countryName),
    setupLegend(roots.legend, { store, topology, countryName, clampDate: deps.clampDate }),
    // Loaded with the first selection: many readers watch the map and never open one.
    setupOnFirstUse(
      store,
      (s) => s.selection !== null,
      async () => (await import("../ui/details")).setupDetails(roots.details, store, topology),
      (error) => deps.onNotice("The details panel could not load:", [(error as Error).message]),
    ),
    setupEventBanner(roots.banner, store, topology),
    setupTimeline(roots.timeline, store, topology),
    setupPlayback(store, deps.clock, deps.range),
  ];
}
