/**
 * The export dialog, loaded when its toolbar button (`export-menu.ts`) is first pressed: it saves
 * the view as a PNG (1×, 2× or 4×) or a clip of the timeline between two dates (1920 × 1080,
 * 30 fps, WebM or MP4); the drawing, encoding and muxing code is loaded in turn when an export
 * starts. What the dialog says is `export-menu-model.ts`; its elements are `export-menu-view.ts`;
 * the exports themselves run in `export-jobs.ts` (the video format is found by
 * `export-video-support.ts`); this file opens and closes the dialog.
 */
import { attributionText } from "../map/dataset-credit";
import { createBlobDownloads } from "./blob-download";
import { createExportJobs } from "./export-jobs";
import type { ExportDeps } from "./export-menu";
import { creditNote } from "./export-menu-model";
import { createExportElements, say, showCredit, showSizes } from "./export-menu-view";
import { timelineRange } from "./timeline";

let dialogs = 0;

/** The dialog of `button`, in `root`: its opener and its disposer. */
export function mountExportDialog(
  root: HTMLElement,
  button: HTMLButtonElement,
  deps: ExportDeps,
): { open: () => void; dispose: () => void } {
  const id = `export-${++dialogs}`;
  const [minDate, maxDate] = timelineRange(deps.topology);
  const el = createExportElements(id, minDate, maxDate, button);
  const { dialog } = el;
  showCredit(el, creditNote(attributionText(deps.topology)));
  root.append(dialog);
  const downloads = createBlobDownloads();
  const jobs = createExportJobs(deps, el, downloads.save);

  const open = () => {
    if (dialog.open) return;
    showSizes(el, window.innerWidth, window.innerHeight);
    if (!jobs.busy()) {
      const [from, to] = deps.defaultRange();
      el.fromInput.value = from;
      el.toInput.value = to;
      say(el, "");
      el.error.textContent = "";
    }
    jobs.checkVideo();
    jobs.refresh();
    dialog.showModal();
    button.setAttribute("aria-expanded", "true");
  };

  const onCancel = (e: Event) => {
    // Escape: stops a clip being made (a still takes a moment; it finishes).
    if (jobs.busy()) {
      e.preventDefault();
      jobs.cancel();
    }
  };
  const onBackdrop = (e: MouseEvent) => {
    if (e.target === dialog && !jobs.busy()) dialog.close();
  };
  const onClose = () => {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  };

  el.closeButton.addEventListener("click", () => {
    jobs.cancel();
    if (jobs.busy() !== "image") dialog.close();
  });
  el.pngButton.addEventListener("click", jobs.image);
  el.videoButton.addEventListener("click", jobs.clip);
  el.cancelButton.addEventListener("click", jobs.cancel);
  // While the dialog is open, keys are the dialog's: Escape closes it without also clearing the
  // selection, and arrows move between choices, not along the timeline. (The page behind a
  // modal dialog is inert, so nothing else there expects keys; default actions still happen.)
  const onKey = (e: KeyboardEvent) => {
    if (dialog.open) e.stopPropagation();
  };
  document.addEventListener("keydown", onKey, { capture: true });
  dialog.addEventListener("cancel", onCancel);
  dialog.addEventListener("click", onBackdrop);
  dialog.addEventListener("close", onClose);

  const dispose = () => {
    jobs.cancel();
    document.removeEventListener("keydown", onKey, { capture: true });
    dialog.removeEventListener("close", onClose);
    if (dialog.open) dialog.close();
    downloads.dispose();
    dialog.remove();
  };
  return { open, dispose };
}
