/**
 * The "Active links" region (DESIGN §5): the accessible list of links active on the current date,
 * ungrouped or grouped by kind, country or network under collapsible headings. What it lists is
 * `active-links-model.ts`, its elements `active-links-view.ts`, the rows in the DOM (all, or those
 * in view of a long list) `active-links-rows.ts`; this file wires them to the store and keeps the
 * grouping (a view preference: in this browser's storage, never in the address).
 */
import type { Link, Topology } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import { hasFilters, passesFilters } from "../state/filters";
import { activeLinksOn, disruptedLinkIds } from "../state/selectors";
import { type AppStore, select, watch } from "../state/store";
import {
  buildListRows,
  GROUP_BY_HINT,
  type GroupBy,
  type ListRow,
  linkGrouping,
  parseGroupBy,
} from "./active-links-model";
import { createListRows } from "./active-links-rows";
import {
  createActiveLinksParts,
  groupRowElement,
  linkRowElement,
  type RowPlace,
} from "./active-links-view";

/** Where this browser keeps the grouping: a view preference, not part of the address. */
const GROUP_BY_STORAGE_KEY = "uplinks.active-links.group-by";

function readGroupBy(): GroupBy {
  try {
    return parseGroupBy(localStorage.getItem(GROUP_BY_STORAGE_KEY));
  } catch {
    // Storage disabled: the list starts ungrouped.
    return "none";
  }
}

function saveGroupBy(by: GroupBy): void {
  try {
    localStorage.setItem(GROUP_BY_STORAGE_KEY, by);
  } catch {
    // Storage disabled: the choice lasts as long as the page.
  }
}

/**
 * Lists the active links in `root` (the sidebar, which scrolls them); `countryName` names the
 * groups of the list grouped by country. Returns the disposer.
 */
export function setupActiveLinks(
  root: HTMLElement,
  store: AppStore,
  topology: Topology,
  countryName: (code: string) => string = (code) => code,
): () => void {
  const parts = createActiveLinksParts();
  root.append(parts.section);

  let groupBy = readGroupBy();
  let collapsed = new Set<string>();
  /** What the list shows now. */
  let links: readonly Link[] = [];
  let disrupted: ReadonlySet<string> = new Set();
  let dataKey = "";
  let viewKey = "";

  const drawRow = (row: ListRow, place: RowPlace | undefined) => {
    if (row.type === "group") return groupRowElement(row, place);
    const { selection, theme } = store.getState();
    const selected = selection?.kind === "link" && selection.id === row.link.id;
    const state = { selected, disrupted: disrupted.has(row.link.id), theme };
    return linkRowElement(row.link, state, place);
  };
  const rows = createListRows(root, parts.list, drawRow);

  /** The rows of `links` as grouped now. */
  const rebuild = () =>
    rows.setRows(buildListRows(links, linkGrouping(topology, groupBy, countryName), collapsed));

  const render = () => {
    const { date, selection, theme, filters } = store.getState();
    const active = activeLinksOn(topology, date);
    const shown = active.filter((l) => passesFilters(l, filters, topology));
    const hidden = active.length - shown.length;
    const nowDisrupted = disruptedLinkIds(topology, date);
    parts.caption.textContent = `on ${formatDateLong(date)}`;
    const data = [hidden, ...shown.map((l) => `${l.id}:${nowDisrupted.has(l.id)}`)].join("|");
    const look = `${theme}|${selection?.id ?? ""}`;
    if (data === dataKey && look === viewKey) return;
    viewKey = look;
    if (data === dataKey) {
      rows.redraw();
      return;
    }
    dataKey = data;
    links = shown;
    disrupted = nowDisrupted;
    parts.count.textContent = String(shown.length);
    parts.empty.hidden = shown.length > 0;
    parts.empty.textContent = hasFilters(filters)
      ? "No link matching the filters is active on this date."
      : "No link is active on this date.";
    parts.hiddenNote.hidden = hidden === 0;
    parts.hiddenNote.textContent = `${hidden} more hidden by the filters.`;
    rebuild();
  };

  const showGrouping = () => {
    parts.groupBy.value = groupBy;
    const hint = GROUP_BY_HINT[groupBy];
    parts.hint.hidden = hint === undefined;
    parts.hint.textContent = hint ?? "";
  };

  const onGroupBy = () => {
    groupBy = parseGroupBy(parts.groupBy.value);
    saveGroupBy(groupBy);
    collapsed = new Set();
    showGrouping();
    rebuild();
  };

  /** A link's button selects it (or, selected, clears the selection); a heading's folds its group. */
  const onClick = (e: MouseEvent) => {
    const row = rows.rowOf((e.target as Element).closest("button"));
    if (!row) return;
    if (row.type === "link") {
      const { selection } = store.getState();
      const selected = selection?.kind === "link" && selection.id === row.link.id;
      select(store, selected ? null : { kind: "link", id: row.link.id });
      return;
    }
    collapsed = new Set(collapsed);
    if (row.expanded) collapsed.add(row.group);
    else collapsed.delete(row.group);
    rebuild();
  };

  parts.groupBy.addEventListener("change", onGroupBy);
  parts.list.addEventListener("click", onClick);
  showGrouping();
  render();
  const disposers = [
    watch(store, (s) => s.date, render),
    watch(store, (s) => s.selection, render),
    watch(store, (s) => s.theme, render),
    watch(store, (s) => s.filters, render),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    rows.dispose();
    parts.section.remove();
  };
}
