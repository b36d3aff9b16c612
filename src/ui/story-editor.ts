/**
 * Recording a story: "Add step" captures the current view (camera, date, selection) with a title
 * and caption; steps can be edited, reordered, removed, played in story mode, and downloaded as
 * JSON to paste into the dataset's sources — checked first by the same schema the pipeline uses.
 * The draft is kept in this browser (localStorage), per dataset; it never leaves it otherwise.
 */
import { parseTopology } from "../model/parse-topology";
import { DocumentError, formatProblem } from "../model/problems";
import type { Story, StoryStep, Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { h } from "./dom";
import { present } from "./story";

export const DRAFT_STORY_ID = "draft";

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
  const load = (): Story => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? "null") as Story | null;
      if (saved && Array.isArray(saved.steps)) return { ...saved, id: DRAFT_STORY_ID };
    } catch {
      // A damaged draft is replaced by an empty one.
    }
    return { id: DRAFT_STORY_ID, title: `My story: ${topology.title}`, steps: [] };
  };
  let story = load();
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(story));
    } catch {
      // Storage full or disabled: the draft lives for this page only.
    }
  };

  const openButton = h(
    "button",
    { type: "button", class: "tool", "aria-expanded": "false", "aria-controls": "story-editor" },
    "Record story",
  );
  toolbar.append(openButton);

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
  root.append(panel);

  let editing: number | null = null;
  const render = () => {
    storyTitle.value = story.title;
    addButton.textContent = editing === null ? "Add step" : `Save step ${editing + 1}`;
    playButton.disabled = story.steps.length === 0;
    downloadButton.disabled = story.steps.length === 0;
    list.replaceChildren(
      ...story.steps.map((step, i) => {
        const act = (label: string, name: string, fn: () => void, disabled = false) => {
          const b = h(
            "button",
            { type: "button", class: "mini", "aria-label": `${name} step ${i + 1}`, disabled },
            label,
          );
          b.addEventListener("click", fn);
          return b;
        };
        const move = (to: number) => () => {
          const steps = [...story.steps];
          const [moved] = steps.splice(i, 1);
          if (moved) steps.splice(to, 0, moved);
          story = { ...story, steps };
          save();
          render();
        };
        return h(
          "li",
          {},
          h("span", { class: "draft-step-title" }, step.title),
          h("span", { class: "muted" }, ` ${step.date}${step.select ? ` · ${step.select}` : ""}`),
          h(
            "span",
            { class: "draft-step-actions" },
            act("↑", "Move up", move(i - 1), i === 0),
            act("↓", "Move down", move(i + 1), i === story.steps.length - 1),
            act("Edit", "Edit", () => {
              editing = i;
              stepTitle.value = step.title;
              stepCaption.value = step.caption;
              stepTitle.focus();
              render();
            }),
            act("Delete", "Delete", () => {
              story = { ...story, steps: story.steps.filter((_, j) => j !== i) };
              editing = null;
              save();
              render();
            }),
          ),
        );
      }),
    );
  };

  const toggle = (open: boolean) => {
    panel.hidden = !open;
    openButton.setAttribute("aria-expanded", String(open));
    if (open) {
      render();
      stepTitle.focus();
    }
  };
  openButton.addEventListener("click", () => toggle(Boolean(panel.hidden)));
  close.addEventListener("click", () => {
    toggle(false);
    openButton.focus();
  });
  storyTitle.addEventListener("change", () => {
    story = { ...story, title: storyTitle.value.trim() || story.title };
    save();
  });
  addButton.addEventListener("click", () => {
    const title = stepTitle.value.trim();
    const caption = stepCaption.value.trim();
    if (!title || !caption) {
      message.textContent = "A step needs a title and a caption.";
      return;
    }
    const step = captureStep(store, title, caption);
    const steps = [...story.steps];
    if (editing === null) steps.push(step);
    else steps[editing] = { ...step };
    story = { ...story, steps };
    message.textContent =
      editing === null ? `Step ${steps.length} added.` : `Step ${editing + 1} saved.`;
    editing = null;
    stepTitle.value = "";
    stepCaption.value = "";
    save();
    render();
  });
  playButton.addEventListener("click", () => {
    toggle(false);
    present(store, [story], story.id, 1);
  });
  downloadButton.addEventListener("click", () => {
    const id =
      story.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .slice(0, 60) || "story";
    const out: Story = { ...story, id };
    const problems = checkStory(topology, out);
    if (problems.length > 0) {
      message.textContent = `The story is not valid yet: ${problems.join("; ")}`;
      return;
    }
    const url = URL.createObjectURL(
      new Blob([`${JSON.stringify(out, null, 2)}\n`], { type: "application/json" }),
    );
    const a = h("a", { href: url, download: `uplinks-${topology.id}-${id}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
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
