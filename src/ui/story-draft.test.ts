import { describe, expect, it } from "vitest";
import type { Story, StoryStep } from "../model/schema";
import {
  buildDraftEditor,
  DRAFT_STORY_ID,
  deleteStep,
  draftFileName,
  draftFileText,
  draftStoryId,
  emptyDraft,
  moveStep,
  parseDraft,
  putStep,
} from "./story-draft";

const step = (title: string, date = "2012-01-01", select?: string): StoryStep => ({
  title,
  caption: `${title}, told`,
  view: { center: [125, 40], zoom: 5 },
  date,
  ...(select ? { select } : {}),
});

/** A draft with steps titled `titles`, in order. */
const draft = (...titles: string[]): Story => ({
  id: DRAFT_STORY_ID,
  title: "Two routes",
  steps: titles.map((title) => step(title)),
});

const titles = (story: Story) => story.steps.map((s) => s.title);

describe("reading a saved draft", () => {
  it("parseDraft reads a saved draft and gives it the draft's id", () => {
    const saved = JSON.stringify({ id: "mine", title: "Mine", steps: [step("One")] });
    expect(parseDraft(saved, { title: "Cuba" })).toEqual({
      id: DRAFT_STORY_ID,
      title: "Mine",
      steps: [step("One")],
    });
  });

  it("parseDraft starts an empty draft, titled after the dataset, when nothing is saved", () => {
    expect(parseDraft(null, { title: "Cuba" })).toEqual({
      id: "draft",
      title: "My story: Cuba",
      steps: [],
    });
    expect(emptyDraft({ title: "Cuba" })).toEqual(parseDraft(null, { title: "Cuba" }));
  });

  it("parseDraft replaces damaged JSON or a draft without steps by an empty one", () => {
    const empty = emptyDraft({ title: "Cuba" });
    expect(parseDraft("{not json", { title: "Cuba" })).toEqual(empty);
    expect(parseDraft('{"title":"No steps"}', { title: "Cuba" })).toEqual(empty);
    expect(parseDraft("42", { title: "Cuba" })).toEqual(empty);
  });
});

describe("editing a draft", () => {
  it("putStep adds a step at the end and says which number it is", () => {
    const { story, message } = putStep(draft("One"), null, step("Two"));
    expect(titles(story)).toEqual(["One", "Two"]);
    expect(message).toBe("Step 2 added.");
  });

  it("putStep replaces the step being edited and says it was saved", () => {
    const { story, message } = putStep(draft("One", "Two", "Three"), 1, step("New two"));
    expect(titles(story)).toEqual(["One", "New two", "Three"]);
    expect(message).toBe("Step 2 saved.");
  });

  it("putStep leaves the story it is given as it was", () => {
    const before = draft("One");
    putStep(before, null, step("Two"));
    expect(titles(before)).toEqual(["One"]);
  });

  it("moveStep moves a step up or down by one place", () => {
    expect(titles(moveStep(draft("One", "Two", "Three"), 2, 1))).toEqual(["One", "Three", "Two"]);
    expect(titles(moveStep(draft("One", "Two", "Three"), 0, 1))).toEqual(["Two", "One", "Three"]);
  });

  it("deleteStep removes one step and keeps the others in order", () => {
    expect(titles(deleteStep(draft("One", "Two", "Three"), 1))).toEqual(["One", "Three"]);
  });
});

describe("the recorder panel", () => {
  it("buildDraftEditor offers Add step, and nothing to play or download, for an empty draft", () => {
    expect(buildDraftEditor(draft(), null)).toEqual({
      storyTitle: "Two routes",
      addLabel: "Add step",
      playDisabled: true,
      downloadDisabled: true,
      rows: [],
    });
  });

  it("buildDraftEditor offers to save the step being edited, by its number", () => {
    expect(buildDraftEditor(draft("One", "Two"), 1).addLabel).toBe("Save step 2");
  });

  it("buildDraftEditor lists each step with its date and selection, and where it can move", () => {
    const story: Story = {
      ...draft(),
      steps: [step("One"), step("Two", "2018-01-01", "link:ttk-khasan")],
    };
    const model = buildDraftEditor(story, null);
    expect(model.playDisabled).toBe(false);
    expect(model.downloadDisabled).toBe(false);
    expect(model.rows).toEqual([
      { title: "One", detail: " 2012-01-01", canMoveUp: false, canMoveDown: true },
      {
        title: "Two",
        detail: " 2018-01-01 · link:ttk-khasan",
        canMoveUp: true,
        canMoveDown: false,
      },
    ]);
  });
});

describe("the downloaded file", () => {
  it("draftStoryId turns a title into lowercase words joined by hyphens", () => {
    expect(draftStoryId("Two routes")).toBe("two-routes");
    expect(draftStoryId("  North Korea's links, 2010–2020!  ")).toBe(
      "north-korea-s-links-2010-2020",
    );
  });

  it("draftStoryId is at most 60 characters, and 'story' when nothing is left of the title", () => {
    expect(draftStoryId("a".repeat(80))).toHaveLength(60);
    expect(draftStoryId("¡¿…?!")).toBe("story");
  });

  it("draftFileName names the dataset and the story", () => {
    expect(draftFileName("north-korea", "two-routes")).toBe("uplinks-north-korea-two-routes.json");
  });

  it("draftFileText writes the story as indented JSON ending in a newline", () => {
    const text = draftFileText({ ...draft("One"), id: "two-routes" });
    expect(text.endsWith("}\n")).toBe(true);
    expect(text).toContain('\n  "id": "two-routes",\n');
    expect(JSON.parse(text)).toEqual({ ...draft("One"), id: "two-routes" });
  });
});
