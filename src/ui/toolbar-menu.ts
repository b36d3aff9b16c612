/**
 * On a phone the toolbar folds into one "Menu" button (`toolbar-menu-fold.ts`, loaded the first
 * time the screen is a phone's: wider screens never need it). And where focus goes back to when
 * a dialog opened from the toolbar closes.
 */
import { h } from "./dom";

/** The phone layout's breakpoint: the same as style.css's. */
export const PHONE_MEDIA = "(max-width: 700px)";

/** The Menu button, for the caller to place (it is shown on phones only), and the disposer. */
export interface ToolbarMenu {
  readonly button: HTMLButtonElement;
  readonly dispose: () => void;
}

let menus = 0;

/**
 * Focuses `item`, a toolbar button; on a phone, where it is folded away in the closed menu, the
 * Menu button instead (so a dialog opened from the menu gives focus back somewhere visible).
 */
export function returnFocus(item: HTMLElement): void {
  item.focus();
  if (document.activeElement === item) return;
  const menu = item.closest('[role="menu"]');
  const opener = menu && document.getElementById(menu.getAttribute("aria-labelledby") ?? "");
  opener?.focus();
}

/** Folds `root` (the toolbar) into a menu on phones; returns its Menu button. */
export function setupToolbarMenu(root: HTMLElement): ToolbarMenu {
  const id = `toolbar-menu-${++menus}`;
  const button = h(
    "button",
    {
      type: "button",
      class: "tool tool-menu",
      id,
      "aria-haspopup": "menu",
      "aria-expanded": "false",
      "aria-controls": root.id || undefined,
    },
    h("span", { class: "tool-icon", "aria-hidden": "true" }, "☰"),
    "Menu",
  );
  const media = window.matchMedia(PHONE_MEDIA);
  let unfold: (() => void) | null = null;
  let disposed = false;
  let loading = false;
  const load = () => {
    if (!media.matches || loading) return;
    loading = true;
    media.removeEventListener("change", load);
    void import("./toolbar-menu-fold").then((m) => {
      if (!disposed) unfold = m.foldToolbar(root, button, media);
    });
  };
  media.addEventListener("change", load);
  load();
  return {
    button,
    dispose() {
      disposed = true;
      media.removeEventListener("change", load);
      unfold?.();
      button.remove();
    },
  };
}
