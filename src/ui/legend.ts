/**
 * The legend, which is also the filter panel: each link kind is a checkbox with the number of its
 * links active on the current date; networks (most links first, folded and with a filter box when
 * there are many: `legend-networks-*.ts`) and countries filter the same way; "Compare dates"
 * turns the legend into the key of the before/after view, with its two dates and counts.
 * What it shows is `legend-model.ts`; its elements are `legend-view.ts`; this file wires them to
 * the store and the keyboard.
 */
import type { Topology } from "../model/schema";
import { toggleKind } from "../state/filters";
import {
  type AppState,
  type AppStore,
  type Filters,
  setCompare,
  setDate,
  setFilters,
  watch,
} from "../state/store";
import { isTyping } from "./dom";
import "./legend.css";
import {
  buildCompareView,
  buildCountryGroup,
  buildFixedKeys,
  buildKindRows,
  buildLegendChoices,
  buildLegendHeader,
  buildNetworkGroup,
  type FilterGroup,
  legendCaption,
  legendKey,
  togglePicked,
  yearBefore,
} from "./legend-model";
import { FOLDED, type NetworkGroup, type NetworkListView } from "./legend-networks-model";
import { renderNetworkGroup } from "./legend-networks-view";
import {
  createLegendElements,
  renderCompare,
  renderFilterGroup,
  renderFilterGroups,
  renderKinds,
  renderLegendActions,
  replaceKeepingFocus,
} from "./legend-view";

/** What the legend needs from the session. */
export interface LegendDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** "Russia" for "RU". */
  readonly countryName: (code: string) => string;
  /** Clamps a date into the timeline's range. */
  readonly clampDate: (date: string) => string;
}

let nextId = 0;

const withNetworks = (f: Filters, networks: string[]): Filters => ({ ...f, networks });
const withCountries = (f: Filters, countries: string[]): Filters => ({ ...f, countries });

export function setupLegend(root: HTMLElement, deps: LegendDeps): () => void {
  const { store, topology, countryName } = deps;
  const id = `legend-${++nextId}`;
  const choices = buildLegendChoices(topology);
  // A disclosure: open on wide screens, folded on phones where the map needs the room.
  const { section, summary, body, caption } = createLegendElements(window.innerWidth > 700);
  root.append(section);

  const update = (change: (f: Filters) => Filters) =>
    setFilters(store, change(store.getState().filters));

  /** The filter groups unfolded, by title: they stay unfolded across rebuilds. */
  const openGroups = new Set<string>();
  const filterGroup = <T extends string | number>(
    group: FilterGroup<T> | null,
    set: (f: Filters, values: T[]) => Filters,
  ) =>
    group &&
    renderFilterGroup(group, openGroups.has(group.title), {
      toggle: (open) => {
        if (open) openGroups.add(group.title);
        else openGroups.delete(group.title);
      },
      pick: (value) => update((f) => set(f, togglePicked(group, value))),
    });

  /** The Networks list's fold and filter box: kept across rebuilds, as the open groups are. */
  let networkView: NetworkListView = FOLDED;
  let updateNetworks: ((group: NetworkGroup) => void) | null = null;
  const networkGroup = (picked: readonly string[] | undefined) => {
    const group = buildNetworkGroup(choices, picked, networkView);
    if (!group) return null;
    // Typing or unfolding redraws the list alone: the filters (and the rest) are as they were.
    const change = (view: NetworkListView) => {
      networkView = view;
      const next = buildNetworkGroup(choices, picked, networkView);
      if (next) updateNetworks?.(next);
    };
    const parts = renderNetworkGroup(group, openGroups.has(group.title), id, {
      toggle: (open) => {
        if (open) openGroups.add(group.title);
        else openGroups.delete(group.title);
      },
      pick: (value) => update((f) => withNetworks(f, togglePicked(group, value))),
      query: (query) => change({ ...networkView, query }),
      more: () => change({ ...networkView, expanded: !networkView.expanded }),
    });
    updateNetworks = parts.update;
    return parts.element;
  };

  const toggleCompare = () => {
    const state = store.getState();
    if (state.compare) setCompare(store, null);
    else setCompare(store, deps.clampDate(yearBefore(state.date)));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== "c" && e.key !== "C") return;
    if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
    if (store.getState().present || document.querySelector("dialog[open]")) return;
    e.preventDefault();
    toggleCompare();
  };
  document.addEventListener("keydown", onKey);

  const mainView = (s: AppState) => {
    const a = s.compare;
    if (!a) {
      const rows = buildKindRows(topology, choices.kinds, s);
      return renderKinds(caption, rows, buildFixedKeys(s.theme, choices.planned), (kind) =>
        update((f) => toggleKind(f, kind, choices.kinds)),
      );
    }
    return renderCompare(buildCompareView(topology, a, s), id, {
      dateA: (value) => setCompare(store, deps.clampDate(value)),
      dateB: (value) => setDate(store, deps.clampDate(value)),
      swap: () => {
        const { date } = store.getState();
        store.setState({ date: a, compare: date });
      },
    });
  };

  let shownKey = "";
  const render = () => {
    const s = store.getState();
    caption.textContent = legendCaption(s.date);
    const key = legendKey(topology, s);
    if (key === shownKey) return;
    shownKey = key;
    const header = buildLegendHeader(s);
    summary.textContent = header.title;
    replaceKeepingFocus(body, [
      ...mainView(s),
      renderFilterGroups(
        networkGroup(s.filters.networks),
        filterGroup(buildCountryGroup(choices, s.filters.countries, countryName), withCountries),
      ),
      renderLegendActions(header, { compare: toggleCompare, clear: () => setFilters(store, {}) }),
    ]);
  };
  render();
  // Only what the legend shows re-renders it (not the camera, the selection or the story).
  const watched = [
    watch(store, (s) => s.date, render),
    watch(store, (s) => s.filters, render),
    watch(store, (s) => s.compare, render),
    watch(store, (s) => s.theme, render),
  ];
  const unwatch = watch(
    store,
    (s) => s.compare,
    (now, before) => {
      // Comparing needs the legend: open it when comparing starts.
      if (now && !before) section.open = true;
    },
  );
  return () => {
    document.removeEventListener("keydown", onKey);
    for (const dispose of watched) dispose();
    unwatch();
    section.remove();
  };
}
