/**
 * The panel of a cluster of places or a bundle of links the reader clicked on the map: what it
 * holds, each place or link a button that selects it, and a button that zooms in to split it.
 * It stands where the details do, and gives way to them: choosing an item (or any selection)
 * closes it, as do Esc, its close button and any zoom (the clusters change with it).
 */
import type { InspectedGroup } from "../layers/describe-group";
import { type AppStore, select, watch } from "../state/store";
import { h } from "./dom";
import type { GroupPanel } from "./group-details-loader";
import { bundleDetails, clusterDetails } from "./group-details-model";

export function setupGroupDetails(root: HTMLElement, store: AppStore): GroupPanel {
  const panel = h("aside", {
    class: "details group-details",
    "aria-labelledby": "group-details-title",
    hidden: true,
    tabindex: -1,
  });
  root.append(panel);
  let returnFocus: HTMLElement | null = null;

  const hide = () => {
    if (panel.hidden) return;
    panel.hidden = true;
    panel.replaceChildren();
    if (returnFocus?.isConnected && panel.contains(document.activeElement)) returnFocus.focus();
    returnFocus = null;
  };

  const show = (group: InspectedGroup, zoomIn: () => void) => {
    const details =
      group.kind === "cluster" ? clusterDetails(group.cluster) : bundleDetails(group.bundle);
    const close = h("button", { type: "button", class: "close", "aria-label": "Close" }, "×");
    close.addEventListener("click", hide);
    const zoom = h("button", { type: "button", class: "zoom-in" }, "Zoom in");
    zoom.addEventListener("click", () => {
      hide();
      zoomIn();
    });
    const items = details.items.map((item) => {
      const button = h(
        "button",
        { type: "button", class: "group-item" },
        h("span", { class: "name" }, item.name),
        h("span", { class: "meta" }, item.meta),
      );
      button.addEventListener("click", () => select(store, { kind: item.kind, id: item.id }));
      return h("li", {}, button);
    });
    panel.replaceChildren(
      h(
        "header",
        {},
        h("p", { class: "eyebrow" }, details.eyebrow),
        h("h2", { id: "group-details-title" }, details.title),
        close,
      ),
      h("p", { class: "lead" }, details.lead),
      zoom,
      h("ul", { class: "group-items" }, ...items),
      details.more > 0 ? h("p", { class: "more" }, `and ${details.more} more`) : "",
    );
    if (panel.hidden) returnFocus = document.activeElement as HTMLElement | null;
    panel.hidden = false;
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && !panel.hidden) hide();
  };
  document.addEventListener("keydown", onKey);
  const disposeWatch = watch(
    store,
    (s) => s.selection,
    (selection) => {
      if (selection) hide();
    },
  );
  return {
    show,
    hide,
    dispose() {
      disposeWatch();
      document.removeEventListener("keydown", onKey);
      panel.remove();
    },
  };
}
