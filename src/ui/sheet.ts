/**
 * A bottom sheet's handle, on phones: a button that expands the sheet (the details, the link list)
 * from half the screen to the full height above the timeline and collapses it back
 * (`aria-expanded`); a swipe up or down on it does the same. The sizes are style.css's
 * (`.sheet-expanded`); on wider screens, where the panels are not sheets, the handle is hidden.
 */
import { h } from "./dom";

/** How far (CSS pixels) a finger moves on the handle before it counts as a swipe, not a tap. */
const SWIPE_PX = 24;

/** What a vertical move of `dy` pixels on the handle asks for (up is negative), if anything. */
export function swipeIntent(dy: number): "expand" | "collapse" | null {
  if (dy <= -SWIPE_PX) return "expand";
  if (dy >= SWIPE_PX) return "collapse";
  return null;
}

export interface SheetHandle {
  readonly handle: HTMLButtonElement;
  /** Back to half height (when the sheet closes, say). */
  readonly collapse: () => void;
  readonly dispose: () => void;
}

/** A handle for `sheet`, named for `what` it holds ("Expand details", "Collapse details"). */
export function createSheetHandle(sheet: HTMLElement, what: string): SheetHandle {
  const handle = h("button", {
    type: "button",
    class: "sheet-handle",
    "aria-expanded": "false",
    "aria-controls": sheet.id || undefined,
    "aria-label": `Expand ${what}`,
  });
  const set = (expanded: boolean) => {
    sheet.classList.toggle("sheet-expanded", expanded);
    handle.setAttribute("aria-expanded", String(expanded));
    handle.setAttribute("aria-label", `${expanded ? "Collapse" : "Expand"} ${what}`);
  };

  let startY: number | null = null;
  // A swipe also ends in a click on the handle: that click is the swipe's, not a tap.
  let swiped = false;
  handle.addEventListener("pointerdown", (e) => {
    startY = e.clientY;
    swiped = false;
    handle.setPointerCapture(e.pointerId);
  });
  handle.addEventListener("pointerup", (e) => {
    if (startY === null) return;
    const intent = swipeIntent(e.clientY - startY);
    startY = null;
    if (!intent) return;
    swiped = true;
    set(intent === "expand");
  });
  handle.addEventListener("pointercancel", () => {
    startY = null;
  });
  handle.addEventListener("click", () => {
    if (swiped) swiped = false;
    else set(!sheet.classList.contains("sheet-expanded"));
  });

  return {
    handle,
    collapse: () => set(false),
    dispose() {
      handle.remove();
      sheet.classList.remove("sheet-expanded");
    },
  };
}
