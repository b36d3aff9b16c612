/**
 * Choosing what the map shows: a "Datasets" button opening a dialog that lists the catalog's
 * datasets and offers a topology file from this computer, which can also be dropped anywhere on
 * the page. A file is handed to `openFile` as it is: it is read in the browser, never uploaded.
 * What the dialog lists is `dataset-picker-model.ts`, its elements `dataset-picker-view.ts`, the
 * dropping `file-drop.ts`; this file wires them together.
 */
import "./dataset-picker.css";
import type { Catalog } from "../model/schema";
import { buildDatasetListing, type DatasetChoice, type Shown } from "./dataset-picker-model";
import { createDatasetPickerView, renderDatasetListing } from "./dataset-picker-view";
import { setupFileDrop } from "./file-drop";

export {
  formatCounts,
  formatEntryMeta,
  formatYears,
  type Shown,
} from "./dataset-picker-model";

export interface DatasetPickerDeps {
  readonly catalog: Catalog;
  /** What the map shows now, or `null` before anything opened. */
  readonly shown: () => Shown | null;
  /** The address (a hash) that opens dataset `id`, for each choice's link. */
  readonly hashOf: (id: string) => string;
  /** Opens catalog dataset `id`. */
  readonly choose: (id: string) => void;
  /** Opens a topology file the person picked or dropped. */
  readonly openFile: (file: File) => void;
}

let pickers = 0;

export function setupDatasetPicker(root: HTMLElement, deps: DatasetPickerDeps): () => void {
  const id = `datasets-${++pickers}`;
  const view = createDatasetPickerView(id);
  const { button, dialog, closeButton, list, input, fileButton } = view;
  root.append(button);
  document.body.append(dialog);

  const choose = (choice: DatasetChoice) => {
    dialog.close();
    if (!choice.current) deps.choose(choice.id);
  };
  const open = () => {
    if (dialog.open) return;
    const listing = buildDatasetListing(deps.catalog, deps.shown(), deps.hashOf, id);
    renderDatasetListing(view, listing, choose);
    dialog.showModal();
    button.setAttribute("aria-expanded", "true");
    list.querySelector<HTMLElement>("[aria-current]")?.focus();
  };
  const onClose = () => {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  };
  const onBackdrop = (e: MouseEvent) => {
    if (e.target === dialog) dialog.close();
  };
  // While the dialog is open its keys are its own: page shortcuts (the timeline's arrows, the
  // story's keys) listen on the document, so the keys stop at the window before reaching them.
  const onKey = (e: KeyboardEvent) => {
    if (dialog.open) e.stopPropagation();
  };
  const onPicked = () => {
    const file = input.files?.[0];
    input.value = ""; // so that picking the same file again opens it again
    if (!file) return;
    dialog.close();
    deps.openFile(file);
  };

  // Removed together on disposal, before the dialog closes, so that its close moves no focus.
  const listening = new AbortController();
  const { signal } = listening;
  button.addEventListener("click", open, { signal });
  closeButton.addEventListener("click", () => dialog.close(), { signal });
  fileButton.addEventListener("click", () => input.click(), { signal });
  input.addEventListener("change", onPicked, { signal });
  dialog.addEventListener("click", onBackdrop, { signal });
  dialog.addEventListener("close", onClose, { signal });
  window.addEventListener("keydown", onKey, { capture: true, signal });
  const stopDrops = setupFileDrop(document.body, (file) => {
    if (dialog.open) dialog.close();
    deps.openFile(file);
  });

  return () => {
    listening.abort();
    stopDrops();
    if (dialog.open) dialog.close();
    button.remove();
    dialog.remove();
  };
}
