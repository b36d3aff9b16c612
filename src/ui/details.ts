/**
 * The details panel of the selected link or node: what it is, where it lands, who runs it, when
 * it was active (or planned), where it crosses borders, related events, the cited sources and
 * the licenses they and the dataset are published under. Dataset text is set as text.
 * What it shows is `details-model.ts`; its elements are `details-view.ts`; this file wires them to
 * the store, the keyboard and the focus.
 */
import type { Link, Topology } from "../model/schema";
import { type AppStore, select, setDate, setPlaying, watch } from "../state/store";
import {
  buildDetailsIndex,
  buildLinkDetails,
  buildLinkStatus,
  buildNodeDetails,
  findSelected,
  type Selected,
} from "./details-model";
import {
  createDetailsPanel,
  type DetailsActions,
  renderLinkDetails,
  renderNodeDetails,
  renderStatus,
} from "./details-view";
import { createSheetHandle } from "./sheet";
import "./details.css";

export function setupDetails(root: HTMLElement, store: AppStore, topology: Topology): () => void {
  const panel = createDetailsPanel();
  panel.id = "details-panel";
  root.append(panel);
  // On phones the panel is a bottom sheet: its handle expands it to the full height.
  const sheet = createSheetHandle(panel, "details");
  const index = buildDetailsIndex(topology);
  const actions: DetailsActions = {
    close: () => select(store, null),
    goToDate: (date) => {
      setPlaying(store, false);
      setDate(store, date);
    },
    selectLink: (id) => select(store, { kind: "link", id }),
    selectNode: (id) => select(store, { kind: "node", id }),
  };

  let status: { link: Link; element: HTMLElement } | undefined;
  const updateStatus = () => {
    if (!status) return;
    renderStatus(status.element, buildLinkStatus(topology, status.link, store.getState().date));
  };

  const content = (selected: Selected | null): HTMLElement[] => {
    if (!selected) return [];
    if (selected.kind === "node") {
      return renderNodeDetails(buildNodeDetails(topology, index, selected.node), actions);
    }
    const link = renderLinkDetails(buildLinkDetails(topology, index, selected.link), actions);
    status = { link: selected.link, element: link.status };
    updateStatus();
    return link.content;
  };

  // Where keyboard focus was when the panel opened: it returns there when the panel closes.
  let returnFocus: HTMLElement | null = null;
  const render = () => {
    const selected = findSelected(topology, index, store.getState().selection);
    const wasOpen = !panel.hidden;
    panel.hidden = !selected;
    status = undefined;
    if (!wasOpen && !panel.hidden) returnFocus = document.activeElement as HTMLElement | null;
    if (wasOpen && panel.hidden) {
      const closedFromInside =
        panel.contains(document.activeElement) || document.activeElement === document.body;
      if (closedFromInside && returnFocus?.isConnected) returnFocus.focus();
      returnFocus = null;
      sheet.collapse();
    }
    panel.replaceChildren(sheet.handle, ...content(selected));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && store.getState().selection && !document.fullscreenElement)
      select(store, null);
  };
  document.addEventListener("keydown", onKey);
  render();
  const disposers = [
    watch(store, (s) => s.selection, render),
    watch(store, (s) => s.date, updateStatus),
  ];
  return () => {
    for (const dispose of disposers) dispose();
    document.removeEventListener("keydown", onKey);
    sheet.dispose();
    panel.remove();
  };
}
