/**
 * The Datasets dialog's elements (its toolbar button, the catalog's list and the file chooser),
 * and the function that draws a {@link DatasetListing} into them.
 */

import { type DatasetChoice, type DatasetListing, isPlainClick } from "./dataset-picker-model";
import { h } from "./dom";

/** The picker's elements that its wiring listens to or redraws. */
export interface DatasetPickerView {
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  readonly closeButton: HTMLButtonElement;
  readonly openNow: HTMLParagraphElement;
  readonly list: HTMLUListElement;
  /** The (hidden) file input, which `fileButton` opens. */
  readonly input: HTMLInputElement;
  readonly fileButton: HTMLButtonElement;
}

/** The picker's elements, their ids prefixed with `id`; not yet in the document. */
export function createDatasetPickerView(id: string): DatasetPickerView {
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
  return { button, dialog, closeButton, openNow, list, input, fileButton };
}

/**
 * "License: CC BY-NC-SA 3.0" and its credit, below the choice: outside its link, since a link
 * cannot hold another.
 */
const licenseLine = ({ license }: DatasetChoice) =>
  license &&
  h(
    "p",
    { class: "dataset-license" },
    "License: ",
    license.href
      ? h("a", { href: license.href, target: "_blank", rel: "noopener noreferrer" }, license.name)
      : license.name,
    license.attribution && h("span", { class: "dataset-attribution" }, license.attribution),
  );

/** A choice's list item: a link that `onChoose` follows on a plain click, and its license. */
function choiceItem(choice: DatasetChoice, onChoose: (choice: DatasetChoice) => void) {
  const link = h(
    "a",
    {
      class: "dataset-choice",
      href: choice.href,
      "aria-current": choice.current ? "true" : undefined,
      "aria-labelledby": choice.titleId,
      "aria-describedby": choice.aboutId,
    },
    h(
      "span",
      { class: "dataset-choice-head" },
      h("strong", { id: choice.titleId, class: "dataset-choice-title" }, choice.title),
      choice.current && h("span", { class: "dataset-badge" }, "Open now"),
    ),
    h(
      "span",
      { id: choice.aboutId, class: "dataset-choice-about" },
      h("span", { class: "dataset-choice-description" }, choice.description),
      h("span", { class: "dataset-choice-meta" }, choice.meta),
    ),
  );
  link.addEventListener("click", (e) => {
    // A click with a modifier opens the link in another tab or window, as links do.
    if (!isPlainClick(e)) return;
    e.preventDefault();
    onChoose(choice);
  });
  return h("li", {}, link, licenseLine(choice));
}

/** Draws `listing` into the dialog: the local file's line, and one link per catalog dataset. */
export function renderDatasetListing(
  view: DatasetPickerView,
  listing: DatasetListing,
  onChoose: (choice: DatasetChoice) => void,
): void {
  view.openNow.hidden = listing.openNow === null;
  view.openNow.textContent = listing.openNow ?? "";
  view.list.replaceChildren(...listing.choices.map((choice) => choiceItem(choice, onChoose)));
}
