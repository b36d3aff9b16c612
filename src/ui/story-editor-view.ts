/** The story recorder's elements: its panel, and how a draft is drawn in it. */
import { h } from "./dom";
import type { DraftEditorModel } from "./story-draft";

/** The recorder panel and the elements its wiring listens to or redraws. */
export interface StoryEditorView {
  readonly panel: HTMLElement;
  readonly close: HTMLButtonElement;
  readonly storyTitle: HTMLInputElement;
  readonly stepTitle: HTMLInputElement;
  readonly stepCaption: HTMLTextAreaElement;
  readonly addButton: HTMLButtonElement;
  readonly list: HTMLOListElement;
  readonly playButton: HTMLButtonElement;
  readonly downloadButton: HTMLButtonElement;
  readonly message: HTMLParagraphElement;
}

export function createStoryEditorView(): StoryEditorView {
  const storyTitle = h("input", { type: "text", "aria-label": "Story title" });
  const stepTitle = h("input", {
    type: "text",
    "aria-label": "Step title",
    placeholder: "Step title",
  });
  const stepCaption = h("textarea", {
    rows: 3,
    "aria-label": "Caption",
    placeholder: "What the audience should see",
  });
  const addButton = h("button", { type: "button", class: "tool" }, "Add step");
  const list = h("ol", { class: "draft-steps", "aria-label": "Recorded steps" });
  const playButton = h("button", { type: "button", class: "tool" }, "Play story");
  const downloadButton = h("button", { type: "button", class: "tool" }, "Download JSON");
  const message = h("p", { class: "draft-message", role: "status" });
  const close = h(
    "button",
    { type: "button", class: "close", "aria-label": "Close story recorder" },
    "×",
  );
  const panel = h(
    "section",
    {
      class: "story-editor panel",
      id: "story-editor",
      "aria-label": "Record a story",
      hidden: true,
    },
    h("header", {}, h("h2", {}, "Record a story"), close),
    h("label", { class: "field" }, h("span", {}, "Story title"), storyTitle),
    h(
      "p",
      { class: "muted" },
      "Set the map, the date and a selection, then add a step: it captures that view.",
    ),
    stepTitle,
    stepCaption,
    addButton,
    list,
    h("div", { class: "draft-actions" }, playButton, downloadButton),
    message,
  );
  return {
    panel,
    close,
    storyTitle,
    stepTitle,
    stepCaption,
    addButton,
    list,
    playButton,
    downloadButton,
    message,
  };
}

/** What the buttons of a recorded step do; `index` is 0-based. */
export interface DraftStepActions {
  readonly move: (from: number, to: number) => void;
  readonly edit: (index: number) => void;
  readonly remove: (index: number) => void;
}

export function renderStoryEditor(
  view: StoryEditorView,
  model: DraftEditorModel,
  actions: DraftStepActions,
): void {
  view.storyTitle.value = model.storyTitle;
  view.addButton.textContent = model.addLabel;
  view.playButton.disabled = model.playDisabled;
  view.downloadButton.disabled = model.downloadDisabled;
  view.list.replaceChildren(
    ...model.rows.map((row, i) => {
      const act = (label: string, name: string, fn: () => void, disabled = false) => {
        const b = h(
          "button",
          { type: "button", class: "mini", "aria-label": `${name} step ${i + 1}`, disabled },
          label,
        );
        b.addEventListener("click", fn);
        return b;
      };
      return h(
        "li",
        {},
        h("span", { class: "draft-step-title" }, row.title),
        h("span", { class: "muted" }, row.detail),
        h(
          "span",
          { class: "draft-step-actions" },
          act("↑", "Move up", () => actions.move(i, i - 1), !row.canMoveUp),
          act("↓", "Move down", () => actions.move(i, i + 1), !row.canMoveDown),
          act("Edit", "Edit", () => actions.edit(i)),
          act("Delete", "Delete", () => actions.remove(i)),
        ),
      );
    }),
  );
}
