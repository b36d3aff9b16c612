/**
 * Recording a story: "Add step" captures the current view (camera, date, selection) with a title
 * and caption; steps can be edited, reordered, removed, played in story mode, and downloaded as
 * JSON to paste into the dataset's sources — checked first by the same schema the pipeline uses.
 * The draft is kept in this browser (localStorage), per dataset; it never leaves it otherwise.
 * The draft as data is `story-draft.ts`; the recorder's elements are `story-editor-view.ts`.
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
  parseDraft,
  putStep,
} from "./story-draft";
import { createRecordButton, createStoryEditorView, renderStoryEditor } from "./story-editor-view";
import { returnFocus } from "./toolbar-menu";

export { DRAFT_STORY_ID } from "./story-draft";

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

/** The text saved under `key`, or null when there is none or storage is disabled. */
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage disabled: the recorder starts from an empty draft.
    return null;
  }
}

export interface StoryEditor {
  /** The draft, if it has steps (for story mode). */
  readonly draft: () => Story | null;
  readonly dispose: () => void;
}

export function setupStoryEditor(
  root: HTMLElement,
  toolbar: HTMLElement,
  store: AppStore,
  topology: Topology,
): StoryEditor {
  const key = `uplinks.story-draft.${topology.id}`;
  let story = parseDraft(readStorage(key), topology);
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(story));
    } catch {
      // Storage full or disabled: the draft lives for this page only.
    }
  };

  const openButton = createRecordButton();
  toolbar.append(openButton);
  const view = createStoryEditorView();
  const { panel, stepTitle, stepCaption, message } = view;
  root.append(panel);

  let editing: number | null = null;
  const update = (next: Story) => {
    story = next;
    save();
    render();
  };
  const render = (): void =>
    renderStoryEditor(view, buildDraftEditor(story, editing), {
      move: (from, to) => update(moveStep(story, from, to)),
      edit: (index) => {
        const step = story.steps[index];
        if (!step) return;
        editing = index;
        stepTitle.value = step.title;
        stepCaption.value = step.caption;
        stepTitle.focus();
        render();
      },
      remove: (index) => {
        editing = null;
        update(deleteStep(story, index));
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
  openButton.addEventListener("click", () => toggle(Boolean(panel.hidden)));
  view.close.addEventListener("click", () => {
    toggle(false);
    // On a phone the button is in the folded menu: focus goes to the Menu button then.
    returnFocus(openButton);
  });
  view.storyTitle.addEventListener("change", () => {
    story = { ...story, title: view.storyTitle.value.trim() || story.title };
    save();
  });
  view.addButton.addEventListener("click", () => {
    const title = stepTitle.value.trim();
    const caption = stepCaption.value.trim();
    if (!title || !caption) {
      message.textContent = "A step needs a title and a caption.";
      return;
    }
    const put = putStep(story, editing, captureStep(store, title, caption));
    story = put.story;
    message.textContent = put.message;
    editing = null;
    stepTitle.value = "";
    stepCaption.value = "";
    save();
    render();
  });
  view.playButton.addEventListener("click", () => {
    toggle(false);
    present(store, [story], story.id, 1);
  });
  view.downloadButton.addEventListener("click", () => {
    const id = draftStoryId(story.title);
    const out: Story = { ...story, id };
    const problems = checkStory(topology, out);
    if (problems.length > 0) {
      message.textContent = `The story is not valid yet: ${problems.join("; ")}`;
      return;
    }
    download(draftFileName(topology.id, id), draftFileText(out));
    message.textContent = "Story downloaded: paste it into the dataset's stories.";
  });

  return {
    draft: () => (story.steps.length > 0 ? story : null),
    dispose() {
      panel.remove();
      openButton.remove();
    },
  };
}
