/** The toolbar: theme and projection toggles, and on phones the button that opens the link list. */
import { type AppStore, setProjection, setTheme, watch } from "../state/store";
import { h } from "./dom";

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
  theme.addEventListener("click", () =>
    setTheme(store, store.getState().theme === "dark" ? "light" : "dark"),
  );
  globe.addEventListener("click", () =>
    setProjection(store, store.getState().projection === "globe" ? "mercator" : "globe"),
  );
  panel.addEventListener("click", () => {
    const open = sidebar.classList.toggle("open");
    panel.setAttribute("aria-expanded", String(open));
  });
  root.append(panel, globe, theme);
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
    panel.remove();
  };
}
