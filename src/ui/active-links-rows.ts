/**
 * The rows of the "Active links" list in the DOM: all of a short list, or, past `VIRTUAL_AFTER`
 * rows, only those in the scrolled view of `root` (the sidebar) and a margin, placed at their
 * offsets in a list that keeps its full height. Keyboard focus stays on its row through redraws,
 * and ↑/↓/Home/End move it from row to row, drawing rows out of view first.
 */
import { type ListRow, rowFrom, rowOffsets, rowWindow } from "./active-links-model";
import type { RowPlace } from "./active-links-view";

/** Longer lists than this (in rows, headings included) draw only the rows in view. */
const VIRTUAL_AFTER = 150;
/** Heights of a long list's rows (one-line names), their spacing included, in CSS pixels. */
const LINK_ROW_PX = 62;
const GROUP_ROW_PX = 40;
const ROW_GAP_PX = 6;
/** Rows drawn above and below the ones in view. */
const OVERSCAN = 8;

const rowHeight = (row: ListRow) => (row.type === "group" ? GROUP_ROW_PX : LINK_ROW_PX);

/** Draws a row: its list item and the button that stands for it. */
export type DrawRow = (
  row: ListRow,
  place: RowPlace | undefined,
) => { readonly item: HTMLLIElement; readonly button: HTMLButtonElement };

export interface ListRows {
  /** Shows `rows` instead of the rows shown. */
  setRows(rows: ListRow[]): void;
  /** Draws the rows again (their state changed, not the rows). */
  redraw(): void;
  /** The row a drawn button stands for. */
  rowOf(button: Element | null): ListRow | undefined;
  dispose(): void;
}

export function createListRows(root: HTMLElement, list: HTMLElement, drawRow: DrawRow): ListRows {
  let rows: ListRow[] = [];
  let rowIndex = new Map<string, number>();
  let offsets: Float64Array = new Float64Array(1);
  let virtual = false;
  let windowKey = "";
  /** The buttons drawn, with the key of their row (the rows may have changed since). */
  let buttons = new Map<Element, string>();

  const focusedKey = () => buttons.get(document.activeElement as Element);
  const focusKey = (key: string | undefined) => {
    if (key === undefined) return;
    for (const [button, k] of buttons) if (k === key) (button as HTMLElement).focus();
  };

  const drawRows = (first: number, last: number) => {
    const focused = focusedKey();
    buttons = new Map();
    const items: HTMLLIElement[] = [];
    for (let i = first; i < last; i++) {
      const row = rows[i] as ListRow;
      const place = virtual
        ? {
            top: offsets[i] as number,
            height: rowHeight(row) - ROW_GAP_PX,
            index: i,
            size: rows.length,
          }
        : undefined;
      const drawn = drawRow(row, place);
      buttons.set(drawn.button, row.key);
      items.push(drawn.item);
    }
    list.replaceChildren(...items);
    // The rows are drawn anew: the one that had keyboard focus gets it back.
    focusKey(focused);
  };

  /**
   * A long list (a whole-world dataset has thousands of active links) keeps its full height but
   * holds only the rows in view, plus a margin: the DOM stays small however long the list.
   */
  const drawWindow = (force: boolean) => {
    if (!virtual) return;
    const view = root.getBoundingClientRect();
    const top = list.getBoundingClientRect().top;
    const { first, last } = rowWindow(offsets, view.top - top, view.bottom - top, OVERSCAN);
    const key = `${first}:${last}`;
    if (!force && key === windowKey) return;
    windowKey = key;
    drawRows(first, last);
  };

  const redraw = () => {
    if (virtual) drawWindow(true);
    else drawRows(0, rows.length);
  };

  const setRows = (next: ListRow[]) => {
    rows = next;
    rowIndex = new Map(rows.map((row, i) => [row.key, i]));
    virtual = rows.length > VIRTUAL_AFTER;
    offsets = virtual ? rowOffsets(rows, rowHeight) : new Float64Array(1);
    list.classList.toggle("virtual", virtual);
    list.style.height = virtual ? `${offsets[rows.length]}px` : "";
    redraw();
  };

  /** Scrolls `root` just enough to show row `index` of a long list, and draws the rows there. */
  const reveal = (index: number) => {
    const listTop = list.getBoundingClientRect().top - root.getBoundingClientRect().top;
    const top = root.scrollTop + listTop + (offsets[index] as number);
    const bottom = top + rowHeight(rows[index] as ListRow);
    if (top < root.scrollTop) root.scrollTop = top;
    else if (bottom > root.scrollTop + root.clientHeight) {
      root.scrollTop = bottom - root.clientHeight;
    }
    drawWindow(true);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    const key = focusedKey();
    const index = key === undefined ? undefined : rowIndex.get(key);
    if (index === undefined) return;
    const target = rowFrom(e.key, index, rows.length);
    if (target === undefined) return;
    // The keys are the list's: the page's other listeners leave them.
    e.preventDefault();
    e.stopPropagation();
    if (virtual) reveal(target);
    focusKey(rows[target]?.key);
  };

  const onScroll = () => drawWindow(false);
  // What lies above the list (the country panel, the search) may grow or shrink: the rows in view
  // change without a scroll.
  const resizes = new ResizeObserver(onScroll);
  resizes.observe(root);
  for (const child of root.children) if (!child.contains(list)) resizes.observe(child);
  list.addEventListener("keydown", onKey);
  root.addEventListener("scroll", onScroll, { passive: true });
  window.addEventListener("resize", onScroll);

  return {
    setRows,
    redraw,
    rowOf: (button) => {
      const key = button ? buttons.get(button) : undefined;
      const index = key === undefined ? undefined : rowIndex.get(key);
      return index === undefined ? undefined : rows[index];
    },
    dispose: () => {
      resizes.disconnect();
      list.removeEventListener("keydown", onKey);
      root.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
    },
  };
}
