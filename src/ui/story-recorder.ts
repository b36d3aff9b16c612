/**
 * The story recorder's panel and what it does (see `story-editor.ts`, which keeps the draft and
 * the button): loaded the first time the recorder opens, as most readers never record a story.
 */
import { parseTopology } from "../model/parse-topology";
import { DocumentError, formatProblem } from "../model/problems";
import type { Story, StoryStep, Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { present } from "./story";
import {
  buildDraftEditor,
  deleteStep,
  draftFileName,
  draftFileText,
  draftStoryId,
  moveStep,
  putStep,
} from "./story-draft";
import { createStoryEditorView, renderStoryEditor } from "./story-editor-view";
import { returnFocus } from "./toolbar-menu";

/** Rounds the camera to what a person would write by hand. */
const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** A step capturing the store's current view. */
export function captureStep(store: AppStore, title: string, caption: string): StoryStep {
  const s = store.getState();
  const camera = s.camera;
  return {
    title,
    caption,
    view: camera
      ? {
          center: [round(camera.center[0], 4), round(camera.center[1], 4)],
          zoom: round(camera.zoom, 2),
          ...(camera.bearing ? { bearing: round(camera.bearing, 1) } : {}),
          ...(camera.pitch ? { pitch: round(camera.pitch, 0) } : {}),
        }
      : { center: [0, 20], zoom: 1.5 },
    date: s.date,
    ...(s.selection ? { select: `${s.selection.kind}:${s.selection.id}` } : {}),
  };
}

/** Problems of a story as part of `topology` (unknown ids, bad dates…), as text lines; empty if valid. */
export function checkStory(topology: Topology, story: Story): string[] {
  try {
    parseTopology(
      { ...topology, stories: [...topology.stories.filter((s) => s.id !== story.id), story] },
      "story",
    );
    return [];
  } catch (error) {
    if (error instanceof DocumentError) return error.problems.map(formatProblem);
    throw error;
  }
}

/** Saves `text` as a file named `name`, as a download link would. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The draft the recorder edits, kept by `story-editor.ts`. */
export interface DraftHolder {
  story: Story;
  /** Keeps the draft in this browser. */
  save(): void;
}

export interface RecorderPanel {
  toggle(open: boolean): void;
  dispose(): void;
}

/** Builds the recorder's panel into `root`, for the draft in `draft`; `openButton` opens it. */
export function openRecorderPanel(
  root: HTMLElement,
  openButton: HTMLButtonElement,
  store: AppStore,
  topology: Topology,
  draft: DraftHolder,
): RecorderPanel {
  const view = createStoryEditorView();
  const { panel, stepTitle, stepCaption, message } = view;
  root.append(panel);

  let editing: number | null = null;
  const update = (next: Story) => {
    draft.story = next;
    draft.save();
    render();
  };
  const render = (): void =>
    renderStoryEditor(view, buildDraftEditor(draft.story, editing), {
      move: (from, to) => update(moveStep(draft.story, from, to)),
      edit: (index) => {
        const step = draft.story.steps[index];
        if (!step) return;
        editing = index;
        stepTitle.value = step.title;
        stepCaption.value = step.caption;
        stepTitle.focus();
        render();
      },
      remove: (index) => {
        editing = null;
        update(deleteStep(draft.story, index));
      },
    });

  const toggle = (open: boolean) => {
    panel.hidden = !open;
    openButton.setAttribute("aria-expanded", String(open));
    if (open) {
      render();
      stepTitle.focus();
    }
  };
  view.close.addEventListener("click", () => {
    toggle(false);
    // On a phone the button is in the folded menu: focus goes to the Menu button then.
    returnFocus(openButton);
  });
  view.storyTitle.addEventListener("change", () => {
    draft.story = { ...draft.story, title: view.storyTitle.value.trim() || draft.story.title };
    draft.save();
  });
  view.addButton.addEventListener("click", () => {
    const title = stepTitle.value.trim();
    const caption = stepCaption.value.trim();
    if (!title || !caption) {
      message.textContent = "A step needs a title and a caption.";
      return;
    }
    const put = putStep(draft.story, editing, captureStep(store, title, caption));
    draft.story = put.story;
    message.textContent = put.message;
    editing = null;
    stepTitle.value = "";
    stepCaption.value = "";
    draft.save();
    render();
  });
  view.playButton.addEventListener("click", () => {
    toggle(false);
    present(store, [draft.story], draft.story.id, 1);
  });
  view.downloadButton.addEventListener("click", () => {
    const id = draftStoryId(draft.story.title);
    const out: Story = { ...draft.story, id };
    const problems = checkStory(topology, out);
    if (problems.length > 0) {
      message.textContent = `The story is not valid yet: ${problems.join("; ")}`;
      return;
    }
    download(draftFileName(topology.id, id), draftFileText(out));
    message.textContent = "Story downloaded: paste it into the dataset's stories.";
  });

  return {
    toggle,
    dispose: () => panel.remove(),
  };
}
