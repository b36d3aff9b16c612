/**
 * What the legend shows, computed from the topology and the store's state: the kinds with their
 * counts and colours, the fixed keys, the compare view's rows, the Networks and Countries filter
 * groups, the title and buttons. No DOM: `legend-view.ts` draws it.
 */
import { linkKindName } from "../layers/describe";
import { DATA_PALETTES, toHex } from "../layers/palette";
import { LINK_KINDS, type LinkKind, type Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import {
  activeCountsByKind,
  compareDates,
  datasetCountries,
  hasFilters,
  kindShown,
} from "../state/filters";
import { hasPlannedLinks } from "../state/selectors";
import type { AppState, ThemeName } from "../state/store";
import { buildNetworkChoices, type NetworkChoice } from "./legend-networks-model";

export { buildNetworkGroup } from "./legend-networks-model";

/** Compare mode names the links of each class, up to this many. */
const MAX_NAMED = 4;

/** The part of the state the legend shows. */
export type LegendState = Pick<AppState, "date" | "filters" | "compare" | "theme">;

/**
 * What the dataset offers to filter by: kinds (in the schema's order), networks with links (most
 * links first) and countries with links; and whether it has planned links to key.
 */
export interface LegendChoices {
  readonly kinds: readonly LinkKind[];
  readonly networks: readonly NetworkChoice[];
  /** ISO 3166-1 alpha-2 codes, sorted. */
  readonly countries: readonly string[];
  /** Some link has a planned interval: the legend keys how planned links are drawn. */
  readonly planned: boolean;
}

export function buildLegendChoices(topology: Topology): LegendChoices {
  return {
    kinds: LINK_KINDS.filter((kind) => topology.links.some((l) => l.kind === kind)),
    networks: buildNetworkChoices(topology),
    countries: datasetCountries(topology),
    planned: hasPlannedLinks(topology),
  };
}

/** The line above the kinds, e.g. "Links active on 1 Jan 2018". */
export const legendCaption = (date: string): string => `Links active on ${formatDateLong(date)}`;

/**
 * Changes exactly when what the legend shows (besides its caption) changes. While playing, the
 * date changes every frame: the legend rebuilds only when this key does.
 */
export function legendKey(topology: Topology, s: LegendState): string {
  const what = s.compare ? s.date : [...activeCountsByKind(topology, s.date, s.filters)];
  return JSON.stringify([what, s.filters, s.compare, s.theme]);
}

/** A mark of the key: its shape classes (after `key`), its colour as `#rrggbb` and its label. */
export interface KeyMark {
  readonly shape: string;
  readonly color: string;
  readonly label: string;
}

/** A link kind's checkbox: its mark, and how many of its links are active on the date. */
export interface KindRow extends KeyMark {
  readonly kind: LinkKind;
  readonly count: number;
  /** Ticked: the kind filter lets the kind through. */
  readonly shown: boolean;
}

/** One row per kind of `kinds`; counts follow the network and country filters, not the kinds. */
export function buildKindRows(
  topology: Topology,
  kinds: readonly LinkKind[],
  s: LegendState,
): KindRow[] {
  const counts = activeCountsByKind(topology, s.date, s.filters);
  const palette = DATA_PALETTES[s.theme];
  return kinds.map((kind) => ({
    kind,
    shape: `key-line key-${kind}`,
    color: toHex(palette.links[kind]),
    label:
      kind === "satellite" ? `${linkKindName(kind)} (arc: not on the ground)` : linkKindName(kind),
    count: counts.get(kind) ?? 0,
    shown: kindShown(s.filters, kind),
  }));
}

/**
 * The marks below the kinds, which no filter changes: planned links (for a dataset that has
 * them), disruptions, crossings and places.
 */
export function buildFixedKeys(theme: ThemeName, planned = false): KeyMark[] {
  const palette = DATA_PALETTES[theme];
  return [
    ...(planned
      ? [
          {
            // Any kind may be planned: the key is the dash, in the text's colour.
            shape: "key-line key-planned",
            color: toHex(palette.label),
            label: "Planned (before ready for service)",
          },
        ]
      : []),
    {
      shape: "key-line key-disrupted",
      color: toHex(palette.disrupted),
      label: "Disrupted: outage or attack",
    },
    { shape: "key-ring", color: toHex(palette.crossing), label: "Border crossing" },
    { shape: "key-dot", color: toHex(palette.node), label: "Place (size: number of links)" },
  ];
}

/** A class of compared links: its mark, its count and the first few links' names. */
export interface CompareRow extends KeyMark {
  readonly count: number;
  readonly named: readonly string[];
  /** The links left unnamed. */
  readonly more: number;
}

/** The compare view: date A, date B (the date on show) and the links only at A, only at B, at both. */
export interface CompareView {
  readonly dateA: string;
  readonly dateB: string;
  readonly rows: readonly [CompareRow, CompareRow, CompareRow];
}

/** Compares the links passing the filters on `a` with those on the date on show. */
export function buildCompareView(topology: Topology, a: string, s: LegendState): CompareView {
  const c = compareDates(topology, a, s.date, s.filters);
  const palette = DATA_PALETTES[s.theme].compare;
  const row = (
    shape: string,
    color: string,
    label: string,
    links: readonly { name: string }[],
  ): CompareRow => {
    const named = links.slice(0, MAX_NAMED).map((l) => l.name);
    return { shape, color, label, count: links.length, named, more: links.length - named.length };
  };
  return {
    dateA: a,
    dateB: s.date,
    rows: [
      row("key-line key-only-a", toHex(palette.onlyA), `Only at A (gone by ${s.date})`, c.onlyA),
      row("key-line key-only-b", toHex(palette.onlyB), `Only at B (new since ${a})`, c.onlyB),
      row("key-line key-both", toHex(palette.both), "At both dates", c.both),
    ],
  };
}

/** A checkbox of a filter group. */
export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
  readonly checked: boolean;
}

/** A folded list of checkboxes; its summary says what is picked ("all" when nothing is). */
export interface FilterGroup<T> {
  readonly title: string;
  /** "all", or e.g. "2 of 5". */
  readonly value: string;
  /** The checkboxes on show. */
  readonly options: readonly FilterOption<T>[];
  /** Every value the group offers, in its order (some may not be on show). */
  readonly values: readonly T[];
  /** The values picked, as the filters hold them. */
  readonly picked: readonly T[];
}

function buildFilterGroup<T extends string | number>(
  title: string,
  items: readonly { value: T; label: string }[],
  picked: readonly T[] | undefined,
): FilterGroup<T> | null {
  // One choice filters nothing: the group is left out.
  if (items.length <= 1) return null;
  const chosen = picked ?? [];
  return {
    title,
    value: chosen.length === 0 ? "all" : `${chosen.length} of ${items.length}`,
    options: items.map((item) => ({ ...item, checked: chosen.includes(item.value) })),
    values: items.map((item) => item.value),
    picked: chosen,
  };
}

/** The Countries group ("Russia (RU)"), or `null` with fewer than two countries. */
export const buildCountryGroup = (
  choices: LegendChoices,
  picked: readonly string[] | undefined,
  countryName: (code: string) => string,
): FilterGroup<string> | null =>
  buildFilterGroup(
    "Countries",
    choices.countries.map((c) => ({ value: c, label: `${countryName(c)} (${c})` })),
    picked,
  );

/** The group's picked values with `value` ticked or unticked. */
export function togglePicked<T>(group: FilterGroup<T>, value: T): T[] {
  const next = group.picked.includes(value)
    ? group.picked.filter((v) => v !== value)
    : [...group.picked, value];
  // Keep the group's order, so the address does not depend on the clicking order.
  return group.values.filter((v) => next.includes(v));
}

/** The legend's title and the buttons below it. */
export interface LegendHeader {
  readonly title: string;
  readonly comparing: boolean;
  /** The compare button's name. */
  readonly compareLabel: string;
  /** Some filter is set: "Clear filters" shows. */
  readonly canClear: boolean;
}

export function buildLegendHeader(s: LegendState): LegendHeader {
  const comparing = Boolean(s.compare);
  return {
    title: comparing ? "Compare dates" : "Legend",
    comparing,
    compareLabel: comparing ? "Stop comparing" : "Compare dates",
    canClear: hasFilters(s.filters),
  };
}

/** The same day a year earlier (29 February → 28 February). */
export function yearBefore(date: string): string {
  const year = Number(date.slice(0, 4)) - 1;
  const rest = date.slice(4) === "-02-29" ? "-02-28" : date.slice(4);
  return `${String(year).padStart(4, "0")}${rest}`;
}
