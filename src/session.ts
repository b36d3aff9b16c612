/**
 * One open dataset: its store, map, panels and address sync, built together and disposed together
 * (switching datasets disposes one session and creates the next). The parts: the address
 * (`session/address.ts`), the map (`session/session-map.ts`), the panels (`session/panels.ts`).
 */
import { buildLinkGeometry } from "./layers/link-geometry";
import type { Basemap } from "./map/basemap";
import type { Clock } from "./map/clock";
import type { PreparedMap } from "./map/create-map";
import { loadDetail } from "./map/detail-view";
import type { Topology } from "./model/schema";
import { setupSessionAddress, urlSessionOf } from "./session/address";
import { setupPanels } from "./session/panels";
import type { Roots } from "./session/roots";
import { createSessionMap } from "./session/session-map";
import { type AppStore, createAppStore } from "./state/store";
import { h } from "./ui/dom";
import { timelineRange } from "./ui/timeline";
import { createTooltip } from "./ui/tooltip";
import type { UrlState } from "./url/codec";
import { fromUrlState } from "./url/sync";

export type { Roots } from "./session/roots";

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

export function createSession(options: SessionOptions): Session {
  const { roots, topology, basemap, url } = options;
  const range = timelineRange(topology);
  const urlSession = urlSessionOf(topology, url, options.defaultDataset, range);
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
  const address = setupSessionAddress(store, urlSession, options);
  const geometry = buildLinkGeometry(topology);
  // Under way while the panels are set up and the map starts (see `loadDetail`).
  void loadDetail(geometry);
  const map = createSessionMap({ ...options, store, tooltip, geometry });
  const disposers = setupPanels(roots, {
    ...options,
    store,
    range,
    clampDate: urlSession.clampDate,
    countryName,
    address,
    capture: map.capture,
    frame: map.frame,
  });
  map.mount();
  return {
    store,
    dispose() {
      map.dispose();
      for (const dispose of disposers.reverse()) dispose();
      address.dispose();
      tooltip.dispose();
      description.remove();
    },
  };
}
