/**
 * Choosing what the map shows: a "Datasets" button opening a dialog that lists the catalog's
 * datasets and offers a topology file from this computer, which can also be dropped anywhere on
 * the page. A file is handed to `openFile` as it is: it is read in the browser, never uploaded.
 */
import "./dataset-picker.css";
import type { Catalog, CatalogEntry } from "../model/schema";
import { formatDateLong } from "../model/time-steps";
import { h } from "./dom";

/** What is shown now: a catalog dataset (`file: null`) or a file from this computer. */
export interface Shown {
  readonly id: string;
  /** The name of the local file shown, or `null` for a catalog dataset. */
  readonly file: string | null;
}

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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2010–2026": the years a dataset covers (one year when it starts and ends in the same). */
export function formatYears([from, to]: readonly [string, string]): string {
  const a = from.slice(0, 4);
  const b = to.slice(0, 4);
  return a === b ? a : `${a}–${b}`;
}

/** "3 links · 10 nodes · 8 events · 1 story" */
export function formatCounts(counts: CatalogEntry["counts"]): string {
  return [
    plural(counts.links, "link"),
    plural(counts.nodes, "node"),
    plural(counts.events, "event"),
    plural(counts.stories, "story", "stories"),
  ].join(" · ");
}

/** The accessible summary line of an entry: what it covers, how much, and how fresh. */
export function formatEntryMeta(entry: CatalogEntry): string {
  return `${formatYears(entry.timeRange)} · ${formatCounts(entry.counts)} · updated ${formatDateLong(entry.updated)}`;
}

const DROP_HINT = "Drop a topology file to open it — it stays on this computer";

/** True when a drag carries files (not text or a link being dragged about the page). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;

let pickers = 0;

export function setupDatasetPicker(root: HTMLElement, deps: DatasetPickerDeps): () => void {
  const id = `datasets-${++pickers}`;
  const button = h(
    "button",
    { type: "button", class: "tool", "aria-haspopup": "dialog", "aria-expanded": "false" },
    "Datasets",
  );
  const closeButton = h("button", { type: "button", class: "close", "aria-label": "Close" }, "×");
  const openNow = h("p", { class: "datasets-local", hidden: true });
  const list = h("ul", { class: "datasets-list", "aria-labelledby": `${id}-published` });
  const input = h("input", {
    type: "file",
    accept: ".json,application/json",
    "aria-label": "Topology file",
    hidden: true,
  });
  const fileButton = h("button", { type: "button", class: "tool" }, "Open a file…");
  const dialog = h(
    "dialog",
    { class: "datasets-dialog", "aria-labelledby": `${id}-title` },
    h(
      "div",
      { class: "datasets-body" },
      h("header", {}, h("h2", { id: `${id}-title` }, "Datasets"), closeButton),
      openNow,
      h("h3", { id: `${id}-published` }, "Published"),
      list,
      h(
        "section",
        { class: "datasets-file", "aria-labelledby": `${id}-file` },
        h("h3", { id: `${id}-file` }, "From this computer"),
        h("div", { class: "datasets-file-row" }, fileButton, input),
        h(
          "p",
          { class: "datasets-hint" },
          "A topology file (.json) can also be dropped onto the page. It is read in this browser and never leaves it: nothing is uploaded.",
        ),
      ),
    ),
  );
  const dropHint = h(
    "div",
    { class: "drop-hint", hidden: true },
    h("p", { class: "drop-hint-text" }, DROP_HINT),
  );
  root.append(button);
  document.body.append(dialog, dropHint);

  const choice = (entry: CatalogEntry, current: boolean) => {
    const titleId = `${id}-${entry.id}`;
    const link = h(
      "a",
      {
        class: "dataset-choice",
        href: deps.hashOf(entry.id),
        "aria-current": current ? "true" : undefined,
        "aria-labelledby": titleId,
        "aria-describedby": `${titleId}-about`,
      },
      h(
        "span",
        { class: "dataset-choice-head" },
        h("strong", { id: titleId, class: "dataset-choice-title" }, entry.title),
        current && h("span", { class: "dataset-badge" }, "Open now"),
      ),
      h(
        "span",
        { id: `${titleId}-about`, class: "dataset-choice-about" },
        h("span", { class: "dataset-choice-description" }, entry.description),
        h("span", { class: "dataset-choice-meta" }, formatEntryMeta(entry)),
      ),
    );
    link.addEventListener("click", (e) => {
      // A click with a modifier opens the link in another tab or window, as links do.
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      dialog.close();
      if (!current) deps.choose(entry.id);
    });
    return h("li", {}, link);
  };

  const render = () => {
    const shown = deps.shown();
    openNow.hidden = !shown?.file;
    openNow.textContent = shown?.file
      ? `Open now: ${shown.file}, from this computer (not uploaded).`
      : "";
    const currentId = shown && !shown.file ? shown.id : null;
    list.replaceChildren(...deps.catalog.datasets.map((e) => choice(e, e.id === currentId)));
  };

  const open = () => {
    if (dialog.open) return;
    render();
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

  // Drag and drop: the hint shows while files are dragged over the page. `depth` counts the
  // elements entered minus those left, as dragenter and dragleave fire for every element crossed.
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
    if (!file) return;
    if (dialog.open) dialog.close();
    deps.openFile(file);
  };
  const onDragEnd = () => showHint(false);

  button.addEventListener("click", open);
  closeButton.addEventListener("click", () => dialog.close());
  fileButton.addEventListener("click", () => input.click());
  input.addEventListener("change", onPicked);
  dialog.addEventListener("click", onBackdrop);
  dialog.addEventListener("close", onClose);
  window.addEventListener("keydown", onKey, { capture: true });
  window.addEventListener("dragenter", onDragEnter);
  window.addEventListener("dragover", onDragOver);
  window.addEventListener("dragleave", onDragLeave);
  window.addEventListener("drop", onDrop);
  window.addEventListener("dragend", onDragEnd);

  return () => {
    window.removeEventListener("keydown", onKey, { capture: true });
    window.removeEventListener("dragenter", onDragEnter);
    window.removeEventListener("dragover", onDragOver);
    window.removeEventListener("dragleave", onDragLeave);
    window.removeEventListener("drop", onDrop);
    window.removeEventListener("dragend", onDragEnd);
    dialog.removeEventListener("close", onClose);
    if (dialog.open) dialog.close();
    button.remove();
    dialog.remove();
    dropHint.remove();
  };
}
