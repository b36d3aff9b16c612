/**
 * The sets of ids the layer builder reads (which links the filters let through, the country's
 * links, the disrupted links, the active places, compare mode's classes), derived from the view
 * state and kept between calls: a set is replaced only when its contents change, because the
 * builder compares them by identity to decide which layers to rebuild.
 */
import type { Topology } from "../model/schema";
import { crossBorderLinkIds } from "../state/cross-border";
import { compareDates, passesFilters, shownLinkIds } from "../state/filters";
import { activeLinksOn, disruptedLinkIds } from "../state/selectors";
import type { AppState } from "../state/store";
import type { CompareSets } from "./layer-builder-input";

/** What `createLayerInputs` derives from the view state; see `LayerInput` for each. */
export interface LayerInputSets {
  readonly shown: ReadonlySet<string> | null;
  readonly focusLinks: ReadonlySet<string> | null;
  readonly disrupted: ReadonlySet<string>;
  readonly activeNodes: ReadonlySet<string>;
  readonly compare: CompareSets | null;
}

type InputState = Pick<AppState, "date" | "filters" | "focus" | "compare">;

/** A function of the view state that returns the same set objects while their contents hold. */
export function createLayerInputs(topology: Topology): (state: InputState) => LayerInputSets {
  let filtersFor: unknown;
  let focusFor: string | null | undefined;
  let derivedFor = "";
  let shown: ReadonlySet<string> | null = null;
  let focusLinks: ReadonlySet<string> | null = null;
  let disrupted: ReadonlySet<string> = new Set();
  let activeNodes: ReadonlySet<string> = new Set();
  let compare: CompareSets | null = null;

  return (s) => {
    if (s.filters !== filtersFor) {
      filtersFor = s.filters;
      shown = shownLinkIds(topology, s.filters);
      derivedFor = "";
    }
    if (s.focus !== focusFor) {
      focusFor = s.focus;
      focusLinks = s.focus ? crossBorderLinkIds(topology, s.focus) : null;
    }
    // Sets of ids change only when the date crosses an interval or event boundary.
    const key = `${s.date}|${s.compare}`;
    if (key !== derivedFor) {
      derivedFor = key;
      const nextDisrupted = disruptedLinkIds(topology, s.date);
      if (!sameSet(nextDisrupted, disrupted)) disrupted = nextDisrupted;
      const c = s.compare ? compareDates(topology, s.compare, s.date, s.filters) : null;
      const drawn = c
        ? [...c.onlyA, ...c.onlyB, ...c.both]
        : activeLinksOn(topology, s.date).filter((l) => passesFilters(l, s.filters, topology));
      const nextNodes = new Set<string>();
      for (const { from, to, via = [] } of drawn) {
        nextNodes.add(from).add(to);
        for (const id of via) nextNodes.add(id);
      }
      if (!sameSet(nextNodes, activeNodes)) activeNodes = nextNodes;
      const ids = (links: readonly { id: string }[]) => new Set(links.map((l) => l.id));
      const next = c ? { onlyA: ids(c.onlyA), onlyB: ids(c.onlyB), both: ids(c.both) } : null;
      if (!sameCompare(next, compare)) compare = next;
    }
    return { shown, focusLinks, disrupted, activeNodes, compare };
  };
}

function sameCompare(a: CompareSets | null, b: CompareSets | null): boolean {
  if (!a || !b) return a === b;
  return sameSet(a.onlyA, b.onlyA) && sameSet(a.onlyB, b.onlyB) && sameSet(a.both, b.both);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const v of a) if (!b.has(v)) return false;
  return true;
}
