/**
 * Export: a toolbar button opening a dialog that saves the view as a PNG or a clip of the
 * timeline. The dialog (`export-dialog.ts`) is loaded when the button is first pressed, so it
 * costs the app's first load nothing.
 */
import type { MapCapture } from "../map/capture";
import type { Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "./dom";

/** What the export menu reads: the app's state and data, the map, and the clip's default dates. */
export interface ExportDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** The map's capture interface, or null before the map has loaded / without WebGL. */
  readonly capture: () => MapCapture | null;
  /** Default video range: [from, to] dates — the previous and current story step's dates, or the whole timeline range. */
  readonly defaultRange: () => readonly [string, string];
  /** The dialog could not load (offline after an update, say). */
  readonly onFailure?: (error: Error) => void;
}

type Dialog = { open: () => void; dispose: () => void };

/** The toolbar's Export button. */
const createExportButton = (): HTMLButtonElement =>
  h(
    "button",
    { type: "button", class: "tool", "aria-haspopup": "dialog", "aria-expanded": "false" },
    "Export",
  );

export function setupExport(root: HTMLElement, deps: ExportDeps): () => void {
  const button = createExportButton();
  root.append(button);
  let dialog: Promise<Dialog> | null = null;
  let disposed = false;
  button.addEventListener("click", () => {
    dialog ??= import("./export-dialog").then((m) => m.mountExportDialog(root, button, deps));
    dialog.then(
      (d) => {
        if (!disposed) d.open();
      },
      (error: unknown) => {
        dialog = null;
        deps.onFailure?.(error as Error);
      },
    );
  });
  return () => {
    disposed = true;
    button.remove();
    void dialog?.then((d) => d.dispose());
  };
}
