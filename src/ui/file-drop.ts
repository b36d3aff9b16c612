/**
 * Dropping a topology file anywhere on the page: a hint shows while files are dragged over it,
 * and the first file dropped is handed on as it is (read in the browser, never uploaded).
 */
import { h } from "./dom";

const DROP_HINT = "Drop a topology file to open it — it stays on this computer";

/** True when a drag carries files (not text or a link being dragged about the page). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;

/** Shows the drop hint in `root` while files are dragged; calls `onFile` with a dropped file. */
export function setupFileDrop(root: HTMLElement, onFile: (file: File) => void): () => void {
  const dropHint = h(
    "div",
    { class: "drop-hint", hidden: true },
    h("p", { class: "drop-hint-text" }, DROP_HINT),
  );
  root.append(dropHint);

  // `depth` counts the elements entered minus those left, as dragenter and dragleave fire for
  // every element crossed.
  let depth = 0;
  const showHint = (visible: boolean) => {
    dropHint.hidden = !visible;
    if (!visible) depth = 0;
  };
  const onDragEnter = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    depth += 1;
    showHint(true);
  };
  const onDragOver = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault(); // lets the drop happen here rather than the browser opening the file
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    depth = Math.max(depth, 1);
    showHint(true);
  };
  const onDragLeave = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    depth -= 1;
    if (depth <= 0) showHint(false);
  };
  const onDrop = (e: DragEvent) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    showHint(false);
    // One file is opened: the first, when several are dropped together.
    const file = e.dataTransfer?.files[0];
    if (file) onFile(file);
  };
  const onDragEnd = () => showHint(false);

  const listening = new AbortController();
  const { signal } = listening;
  window.addEventListener("dragenter", onDragEnter, { signal });
  window.addEventListener("dragover", onDragOver, { signal });
  window.addEventListener("dragleave", onDragLeave, { signal });
  window.addEventListener("drop", onDrop, { signal });
  window.addEventListener("dragend", onDragEnd, { signal });

  return () => {
    listening.abort();
    dropHint.remove();
  };
}
