/**
 * The legend's Networks filter: the networks that run links, most links first. A world dataset
 * has hundreds (cable owners, consortia), so the list shows the top few, folds the rest behind
 * "More networks", and past a dozen has a box that narrows it by name or AS number. No DOM:
 * `legend-networks-view.ts` draws it.
 */
import { networkLabel } from "../model/networks";
import type { Topology } from "../model/schema";
import { networksWithLinks } from "../state/networks";
import type { FilterGroup, FilterOption } from "./legend-model";

/** A network the legend offers: its key, its label and how many of the dataset's links it runs. */
export interface NetworkChoice {
  readonly key: string;
  /** "TransTeleCom · AS20485", or "Orange" for a network without an AS number. */
  readonly label: string;
  readonly count: number;
  /** The label and key, folded for matching the filter box. */
  readonly text: string;
}

/** Shown before "More networks". */
export const TOP_NETWORKS = 8;
/** Up to this many, every network shows (folding one or two away would hide more than it saves). */
const FOLD_AFTER = 10;
/** Past this many, a box narrows the list. */
export const SEARCH_AFTER = 12;

/** Lower case, accents dropped: "Telefónica" is found by "telefonica". */
const fold = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * The networks that run at least one link, most links first; ties keep the dataset's order (so the
 * list, and the order picked keys are written in, does not depend on the date).
 */
export function buildNetworkChoices(topology: Topology): NetworkChoice[] {
  return networksWithLinks(topology)
    .map(({ key, network, links }) => {
      const label = network ? networkLabel(network) : key;
      return { key, label, count: links.length, text: fold(`${label} ${key}`) };
    })
    .sort((a, b) => b.count - a.count);
}

/** How the list is shown: unfolded or not, and what the filter box holds. */
export interface NetworkListView {
  readonly expanded: boolean;
  readonly query: string;
}

export const FOLDED: NetworkListView = { expanded: false, query: "" };

/** A network's checkbox: with its count of links. */
export interface NetworkOption extends FilterOption<string> {
  readonly count: number;
}

/** The Networks group as shown: the options on show, and the controls that change which. */
export interface NetworkGroup extends FilterGroup<string> {
  readonly options: readonly NetworkOption[];
  /** The filter box's name and text, or `null` when the list is short enough to read. */
  readonly search: { readonly label: string; readonly query: string } | null;
  /** The fold's toggle ("More networks (32)"), or `null` when everything shows anyway. */
  readonly more: { readonly label: string; readonly expanded: boolean } | null;
  /** Said when the filter box matches no network; `null` otherwise. */
  readonly empty: string | null;
}

/**
 * The Networks group for the legend's network choices with `picked` ticked, as `view` shows it, or `null` with fewer
 * than two networks (one choice filters nothing). Folded, it shows the top networks and any picked
 * one beyond them (what is ticked stays in sight to untick); a query shows every match.
 */
export function buildNetworkGroup(
  { networks: choices }: { readonly networks: readonly NetworkChoice[] },
  picked: readonly string[] | undefined,
  view: NetworkListView = FOLDED,
): NetworkGroup | null {
  if (choices.length <= 1) return null;
  const chosen = picked ?? [];
  const searchable = choices.length > SEARCH_AFTER;
  const query = searchable ? fold(view.query.trim()) : "";
  const foldable = choices.length > FOLD_AFTER && query === "";
  const shown = query
    ? choices.filter((c) => c.text.includes(query))
    : foldable && !view.expanded
      ? choices.filter((c, i) => i < TOP_NETWORKS || chosen.includes(c.key))
      : choices;
  const hidden = choices.length - shown.length;
  return {
    title: "Networks",
    value: chosen.length === 0 ? "all" : `${chosen.length} of ${choices.length}`,
    options: shown.map((c) => ({
      value: c.key,
      label: c.label,
      count: c.count,
      checked: chosen.includes(c.key),
    })),
    values: choices.map((c) => c.key),
    picked: chosen,
    search: searchable ? { label: "Filter networks", query: view.query } : null,
    more: !foldable
      ? null
      : view.expanded
        ? { label: "Fewer networks", expanded: true }
        : hidden > 0
          ? { label: `More networks (${hidden})`, expanded: false }
          : null,
    empty: query && shown.length === 0 ? `No network matches “${view.query.trim()}”` : null,
  };
}
