/**
 * The story being recorded, as data: reading a saved draft, adding, replacing, moving and
 * deleting steps, what the recorder panel shows, and the file it downloads. No DOM and no
 * storage: `story-editor.ts` keeps the draft, `story-editor-view.ts` draws it.
 */
import type { Story, StoryStep, Topology } from "../model/schema";

export const DRAFT_STORY_ID = "draft";

/** A new draft, titled after the dataset. */
export const emptyDraft = (topology: Pick<Topology, "title">): Story => ({
  id: DRAFT_STORY_ID,
  title: `My story: ${topology.title}`,
  steps: [],
});

/** The draft saved as `saved` (JSON), or an empty one when there is none or it cannot be read. */
export function parseDraft(saved: string | null, topology: Pick<Topology, "title">): Story {
  try {
    const draft = JSON.parse(saved ?? "null") as Story | null;
    if (draft && Array.isArray(draft.steps)) return { ...draft, id: DRAFT_STORY_ID };
  } catch {
    // A damaged draft is replaced by an empty one.
  }
  return emptyDraft(topology);
}

/** `story` with its step at `from` moved to `to`. */
export function moveStep(story: Story, from: number, to: number): Story {
  const steps = [...story.steps];
  const [moved] = steps.splice(from, 1);
  if (moved) steps.splice(to, 0, moved);
  return { ...story, steps };
}

/** `story` without its step at `index`. */
export const deleteStep = (story: Story, index: number): Story => ({
  ...story,
  steps: story.steps.filter((_, j) => j !== index),
});

/**
 * `story` with `step` added at its end (`editing` null) or put in place of step `editing`, and
 * the message that says so.
 */
export function putStep(
  story: Story,
  editing: number | null,
  step: StoryStep,
): { readonly story: Story; readonly message: string } {
  const steps = [...story.steps];
  if (editing === null) steps.push(step);
  else steps[editing] = { ...step };
  return {
    story: { ...story, steps },
    message: editing === null ? `Step ${steps.length} added.` : `Step ${editing + 1} saved.`,
  };
}

/** A recorded step in the recorder's list. */
export interface DraftRow {
  readonly title: string;
  /** After the title: its date, and what it selects if anything. */
  readonly detail: string;
  readonly canMoveUp: boolean;
  readonly canMoveDown: boolean;
}

/** What the recorder panel shows for `story`, with step `editing` (0-based) being edited. */
export interface DraftEditorModel {
  readonly storyTitle: string;
  /** "Add step", or "Save step N" while one is edited. */
  readonly addLabel: string;
  readonly playDisabled: boolean;
  readonly downloadDisabled: boolean;
  readonly rows: readonly DraftRow[];
}

export function buildDraftEditor(story: Story, editing: number | null): DraftEditorModel {
  const empty = story.steps.length === 0;
  return {
    storyTitle: story.title,
    addLabel: editing === null ? "Add step" : `Save step ${editing + 1}`,
    playDisabled: empty,
    downloadDisabled: empty,
    rows: story.steps.map((step, i) => ({
      title: step.title,
      detail: ` ${step.date}${step.select ? ` · ${step.select}` : ""}`,
      canMoveUp: i !== 0,
      canMoveDown: i !== story.steps.length - 1,
    })),
  };
}

/** The id a downloaded story takes: its title in lowercase words joined by "-", else "story". */
export const draftStoryId = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60) || "story";

/** The name of a downloaded story's file, e.g. "uplinks-north-korea-two-routes.json". */
export const draftFileName = (topologyId: string, storyId: string): string =>
  `uplinks-${topologyId}-${storyId}.json`;

/** A story as the JSON file to paste into a dataset's stories: indented, ending in a newline. */
export const draftFileText = (story: Story): string => `${JSON.stringify(story, null, 2)}\n`;
