/**
 * Recording a story: "Add step" captures the current view (camera, date, selection) with a title
 * and caption; steps can be edited, reordered, removed, played in story mode, and downloaded as
 * JSON to paste into the dataset's sources — checked first by the same schema the pipeline uses.
 * The draft is kept in this browser (localStorage), per dataset; it never leaves it otherwise.
 * The draft as data is `story-draft.ts`; the recorder's elements are `story-editor-view.ts`, and
 * its panel, loaded when it first opens, `story-recorder.ts`.
 */
import type { Story, Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { parseDraft } from "./story-draft";
import type { RecorderPanel } from "./story-recorder";

export { DRAFT_STORY_ID } from "./story-draft";

/** The text saved under `key`, or null when there is none or storage is disabled. */
function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage disabled: the recorder starts from an empty draft.
    return null;
  }
}

/** The toolbar button that opens and closes the recorder. */
const createRecordButton = (): HTMLButtonElement =>
  h(
    "button",
    { type: "button", class: "tool", "aria-expanded": "false", "aria-controls": "story-editor" },
    "Record story",
  );

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
  const draft = {
    story: parseDraft(readStorage(key), topology),
    save() {
      try {
        localStorage.setItem(key, JSON.stringify(draft.story));
      } catch {
        // Storage full or disabled: the draft lives for this page only.
      }
    },
  };

  const openButton = createRecordButton();
  toolbar.append(openButton);
  let panel: Promise<RecorderPanel> | null = null;
  let disposed = false;
  openButton.addEventListener("click", () => {
    const open = openButton.getAttribute("aria-expanded") !== "true";
    panel ??= import("./story-recorder").then((m) =>
      m.openRecorderPanel(root, openButton, store, topology, draft),
    );
    void panel.then((p) => !disposed && p.toggle(open));
  });

  return {
    draft: () => (draft.story.steps.length > 0 ? draft.story : null),
    dispose() {
      disposed = true;
      void panel?.then((p) => p.dispose());
      openButton.remove();
    },
  };
}
