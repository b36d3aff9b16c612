/**
 * The toolbar: theme and projection toggles (the other modules add their buttons to it too). On
 * phones it folds into a Menu button (`toolbar-menu.ts`), and beside that button "Links" opens
 * the sidebar (search, the link list) as a bottom sheet with a handle (`sheet.ts`).
 */
import { type AppStore, setProjection, setTheme, watch } from "../state/store";
import { h } from "./dom";
import { createSheetHandle } from "./sheet";
import { setupToolbarMenu } from "./toolbar-menu";

export function setupToolbar(root: HTMLElement, store: AppStore, sidebar: HTMLElement): () => void {
  const theme = h(
    "button",
    { type: "button", class: "tool", "aria-pressed": "false" },
    "Light theme",
  );
  const globe = h("button", { type: "button", class: "tool", "aria-pressed": "false" }, "Globe");
  const panel = h(
    "button",
    {
      type: "button",
      class: "tool tool-panel",
      "aria-expanded": "false",
      "aria-controls": sidebar.id,
    },
    "Links",
  );
  const menu = setupToolbarMenu(root);
  // On phones only: the link list's button and the Menu button, at the top right.
  const bar = h("div", { class: "phone-bar" }, panel, menu.button);
  root.before(bar);
  const sheet = createSheetHandle(sidebar, "list");
  sidebar.prepend(sheet.handle);

  theme.addEventListener("click", () =>
    setTheme(store, store.getState().theme === "dark" ? "light" : "dark"),
  );
  globe.addEventListener("click", () =>
    setProjection(store, store.getState().projection === "globe" ? "mercator" : "globe"),
  );
  panel.addEventListener("click", () => {
    const open = sidebar.classList.toggle("open");
    panel.setAttribute("aria-expanded", String(open));
    if (!open) sheet.collapse();
  });
  root.append(globe, theme);
  const render = () => {
    const s = store.getState();
    theme.setAttribute("aria-pressed", String(s.theme === "light"));
    globe.setAttribute("aria-pressed", String(s.projection === "globe"));
    document.documentElement.dataset.theme = s.theme;
  };
  render();
  const disposers = [
    watch(store, (s) => s.theme, render),
    watch(store, (s) => s.projection, render),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    theme.remove();
    globe.remove();
    sheet.dispose();
    sidebar.classList.remove("open");
    menu.dispose();
    bar.remove();
  };
}
