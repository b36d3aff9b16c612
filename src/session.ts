/**
 * One open dataset: its store, map, panels and address sync, built together and disposed together
 * (switching datasets disposes one session and creates the next).
 */
import { storyStepRange } from "./export/default-range";
import { buildLinkGeometry } from "./layers/link-geometry";
import type { Basemap } from "./map/basemap";
import type { Clock } from "./map/clock";
import { type FrameBounds, type MapCapture, type PreparedMap, setupMapView } from "./map/map-view";
import type { Topology } from "./model/schema";
import { clampDate } from "./model/time-steps";
import type { SearchResult } from "./search/search-index";
import {
  type AppStore,
  createAppStore,
  select,
  setDate,
  setFilters,
  setFocus,
  setPlaying,
} from "./state/store";
import { setupActiveLinks } from "./ui/active-links";
import { setupDetails } from "./ui/details";
import { h } from "./ui/dom";
import { setupEventBanner } from "./ui/event-banner";
import { setupExport } from "./ui/export-menu";
import { setupHelp } from "./ui/help";
import { setupOnFirstUse } from "./ui/lazy";
import { setupLegend } from "./ui/legend";
import { setupPlayback } from "./ui/playback";
import { setupSearch } from "./ui/search";
import { setupShare } from "./ui/share";
import { setupStory } from "./ui/story";
import { setupStoryEditor } from "./ui/story-editor";
import { setupTimeline, timelineRange } from "./ui/timeline";
import { setupToolbar } from "./ui/toolbar";
import { createTooltip } from "./ui/tooltip";
import { encode, formatUrlProblem, type UrlProblem, type UrlState } from "./url/codec";
import { fromUrlState, setupUrlSync, toUrlState, type UrlSession } from "./url/sync";

/** The page's fixed mount points. */
export interface Roots {
  readonly map: HTMLElement;
  readonly sidebar: HTMLElement;
  readonly toolbar: HTMLElement;
  readonly legend: HTMLElement;
  readonly details: HTMLElement;
  readonly banner: HTMLElement;
  readonly timeline: HTMLElement;
  readonly title: HTMLElement;
  readonly story: HTMLElement;
}

export interface SessionOptions {
  readonly roots: Roots;
  readonly topology: Topology;
  readonly basemap: Basemap;
  /** A map already started in `roots.map` (see `prepareMap`), for this session to take over. */
  readonly preparedMap?: PreparedMap | null;
  readonly clock: Clock;
  /** What the address asked for, already checked against `topology`. */
  readonly url: UrlState;
  readonly reducedMotion: boolean;
  /** The catalog's default dataset: the one an address without `ds=` means. */
  readonly defaultDataset: string;
  readonly onReady: () => void;
  readonly onFailure: (message: string) => void;
  /** Lines for the notice of what the address said that was ignored (or is worth knowing). */
  readonly onNotice: (title: string, lines: readonly string[]) => void;
  /** The address now names another dataset. */
  readonly onDatasetChange: (hash: string) => void;
}

export interface Session {
  readonly store: AppStore;
  dispose(): void;
}

/** The map area left clear by the panels, so framed data is not hidden behind them. */
function framePadding(roots: Roots) {
  const wide = window.innerWidth > 700;
  if (document.documentElement.hasAttribute("data-embed"))
    return { top: 30, right: 30, bottom: 110, left: 30 };
  const caption = roots.story
    .querySelector<HTMLElement>(".story-panel:not([hidden])")
    ?.getBoundingClientRect();
  if (caption) {
    const bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 20;
    return wide
      ? { top: 40, right: 40, bottom, left: caption.right + 20 }
      : { top: 20, right: 20, bottom: window.innerHeight - caption.top + 10, left: 20 };
  }
  const side = roots.sidebar.getBoundingClientRect();
  let bottom = window.innerHeight - roots.timeline.getBoundingClientRect().top + 30;
  let right = wide ? 140 : 90;
  const details = roots.details
    .querySelector<HTMLElement>(".details:not([hidden])")
    ?.getBoundingClientRect();
  if (details && wide) right = window.innerWidth - details.left + 110;
  if (details && !wide) bottom = window.innerHeight - details.top + 30;
  return { top: wide ? 60 : 110, right, bottom, left: wide ? side.right + 40 : 40 };
}

export function createSession(options: SessionOptions): Session {
  const { roots, topology, basemap, clock, url } = options;
  const range = timelineRange(topology);
  const urlSession: UrlSession = {
    topology,
    defaultDate: topology.timeRange[1],
    clampDate: (date) => clampDate(date, range[0], range[1]),
    embed: url.embed ?? false,
    defaultDataset: options.defaultDataset,
    unknown: url.unknown ?? [],
  };
  const names = new Map(basemap.labels.flatMap((l) => (l.code ? [[l.code, l.name]] : [])));
  const countryName = (code: string) => names.get(code) ?? code;
  const store = createAppStore();
  store.setState(fromUrlState(url, urlSession, store.getState()));

  roots.title.textContent = topology.title;
  document.title = `${topology.title} · Uplinks`;
  document.documentElement.toggleAttribute("data-embed", urlSession.embed);
  const description = h("p", { class: "dataset-description" }, topology.description);
  roots.sidebar.prepend(description);
  const tooltip = createTooltip(roots.map);
  // Embedded, the one way out is a link to the full view in Uplinks.
  const openFull = urlSession.embed
    ? h(
        "a",
        { class: "embed-open", href: "#", target: "_blank", rel: "noopener" },
        `${topology.title} · open in Uplinks ↗`,
      )
    : null;

  const sync = setupUrlSync(store, urlSession, {
    onDatasetChange: options.onDatasetChange,
    onProblems: (problems: readonly UrlProblem[]) =>
      options.onNotice("Some of the address was ignored:", problems.map(formatUrlProblem)),
  });

  let unsubscribeOpenFull = () => {};
  if (openFull) {
    const update = () => {
      const base = `${location.origin}${location.pathname}${location.search}`;
      openFull.href = `${base}${encode({ ...toUrlState(store.getState(), urlSession), embed: false })}`;
    };
    update();
    unsubscribeOpenFull = store.subscribe(update);
    document.body.append(openFull);
  }

  let capture: MapCapture | null = null;
  let frame: ((bounds: FrameBounds) => void) | null = null;
  /** What taking a search result does: select, focus, filter or set the date; then frame it. */
  const choose = (result: SearchResult) => {
    const { target } = result;
    if ("selection" in target && target.selection) select(store, target.selection);
    if ("date" in target) {
      setPlaying(store, false);
      setDate(store, urlSession.clampDate(target.date));
    }
    if ("country" in target) setFocus(store, target.country);
    if ("asn" in target) setFilters(store, { ...store.getState().filters, networks: [target.asn] });
    if (target.bounds) frame?.(target.bounds);
  };
  // Above the link list: search, then the country in focus.
  const searchRoot = h("div", { class: "search-root" });
  const countryRoot = h("div", { class: "country-root" });
  roots.sidebar.prepend(searchRoot, countryRoot);
  const editor = setupStoryEditor(roots.story, roots.toolbar, store, topology);
  const glNotice = h(
    "div",
    { class: "banner gl-notice", role: "status", hidden: true },
    "The map's graphics were lost (the graphics card was reset or is busy). It is redrawn as soon as they come back; the timeline and the lists still work.",
  );
  roots.banner.append(glNotice);
  const geometry = buildLinkGeometry(topology);
  let disposed = false;
  /** Taken by the first map view only: one built again (after a GPU reset) makes its own. */
  let prepared = options.preparedMap;
  const mountMap = () => {
    const premade = prepared;
    prepared = null;
    return setupMapView(
      roots.map,
      {
        store,
        topology,
        geometry,
        basemap,
        clock,
        reducedMotion: options.reducedMotion,
        onHover: (pick) => tooltip.show(pick),
        framePadding: () => framePadding(roots),
        onReady: options.onReady,
        onFailure: (message) => {
          // The map-less view: the timeline, the link list and details stay, the map area says why.
          document.documentElement.dataset.map = "unavailable";
          options.onFailure(message);
        },
        onContextLost: () => {
          glNotice.hidden = false;
        },
        onContextRestored: () => {
          // Rebuilt after the event has run its course (the old map is removed from inside it).
          setTimeout(() => {
            if (disposed) return;
            glNotice.hidden = true;
            disposeMap();
            disposeMap = mountMap();
          });
        },
        onCapture: (c) => {
          capture = c;
        },
        onFrame: (f) => {
          frame = f;
        },
      },
      premade,
    );
  };
  let disposeMap: () => void = () => {};
  const disposers = [
    editor.dispose,
    setupStory(roots.story, roots.toolbar, {
      store,
      topology,
      stories: () => {
        const draft = editor.draft();
        return draft ? [...topology.stories, draft] : topology.stories;
      },
      reducedMotion: options.reducedMotion,
    }),
    setupShare(roots.toolbar, {
      permalink: sync.permalink,
      embedLink: () => {
        const base = `${location.origin}${location.pathname}${location.search}`;
        return `${base}${encode({ ...toUrlState(store.getState(), urlSession), embed: true })}`;
      },
      title: () => `Uplinks: ${topology.title}`,
    }),
    setupExport(roots.toolbar, {
      store,
      topology,
      capture: () => capture,
      defaultRange: () => storyStepRange(topology.stories, store.getState()) ?? range,
    }),
    setupToolbar(roots.toolbar, store, roots.sidebar),
    setupHelp(roots.toolbar),
    setupSearch(searchRoot, { topology, countryName, onChoose: choose }),
    setupOnFirstUse(
      store,
      (s) => s.focus !== null,
      async () =>
        (await import("./ui/country-panel")).setupCountryPanel(countryRoot, {
          store,
          topology,
          countryName,
        }),
      (error) => options.onNotice("The country panel could not load:", [(error as Error).message]),
    ),
    setupActiveLinks(roots.sidebar, store, topology),
    setupLegend(roots.legend, {
      store,
      topology,
      countryName,
      clampDate: urlSession.clampDate,
    }),
    setupDetails(roots.details, store, topology),
    setupEventBanner(roots.banner, store, topology),
    setupTimeline(roots.timeline, store, topology),
    setupPlayback(store, clock, range),
    () => disposeMap(),
  ];
  disposeMap = mountMap();
  return {
    store,
    dispose() {
      disposed = true;
      for (const dispose of disposers.reverse()) dispose();
      sync.dispose();
      tooltip.dispose();
      description.remove();
      delete document.documentElement.dataset.map;
      searchRoot.remove();
      countryRoot.remove();
      glNotice.remove();
      openFull?.remove();
      unsubscribeOpenFull();
    },
  };
}
