/**
 * What story mode shows, computed from the stories and the store's state: the step on show, the
 * view it sets, its caption panel, where each key leads and the date between two steps. No DOM:
 * `story-panel.ts` draws it.
 */
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Source, Story, StoryStep } from "../model/schema";
import type { AppState, Camera, Selection, ThemeName } from "../state/store";

/** How long the timeline takes to run from one step's date to the next. */
export const DATE_TRANSITION_MS = 1400;

/** The story in the store and its 1-based step; `step` is undefined past the story's end. */
export interface CurrentStep {
  readonly story: Story;
  readonly step: StoryStep | undefined;
  readonly index: number;
}

export function currentStep(
  stories: readonly Story[],
  state: Pick<AppState, "story" | "step">,
): CurrentStep | undefined {
  const story = stories.find((s) => s.id === state.story);
  return story && state.step
    ? { story, step: story.steps[state.step - 1], index: state.step }
    : undefined;
}

/** The step that going to `index` lands on, or undefined when that is the current one. */
export function stepTo(current: CurrentStep, index: number): number | undefined {
  const step = Math.min(Math.max(1, index), current.story.steps.length);
  return step !== current.index ? step : undefined;
}

/** What a step's `select` ("link:ID" or "node:ID") selects. */
export const selectionOf = (step: StoryStep): Selection | null => {
  const match = step.select ? /^(link|node):(.+)$/.exec(step.select) : null;
  return match ? { kind: match[1] as "link" | "node", id: match[2] as string } : null;
};

/** The selection and camera a step sets (its date animates apart). */
export const stepView = (step: StoryStep): { selection: Selection | null; camera: Camera } => ({
  selection: selectionOf(step),
  camera: {
    center: step.view.center,
    zoom: step.view.zoom,
    bearing: step.view.bearing ?? 0,
    pitch: step.view.pitch ?? 0,
  },
});

/** A button among the step dots. */
export interface StepDot {
  /** Its accessible name, e.g. "Step 2: A second route". */
  readonly label: string;
  readonly current: boolean;
}

/** What the caption panel says about the step on show. */
export interface StoryStepContent {
  /** "Story title · 2 of 6". */
  readonly eyebrow: string;
  readonly title: string;
  readonly caption: string;
  /** One line per source the step cites: title · publisher · date. */
  readonly sources: readonly string[];
  readonly dots: readonly StepDot[];
  readonly previousDisabled: boolean;
  readonly nextDisabled: boolean;
}

/** The story panel: whether it shows, the Bright room toggle, and the step's content if any. */
export interface StoryPanelModel {
  readonly shown: boolean;
  readonly bright: boolean;
  /** Undefined when no step is on show: the panel keeps what it last said. */
  readonly content: StoryStepContent | undefined;
}

/** The panel for `current`, the step presented (undefined when not presenting). */
export function buildStoryPanel(
  current: CurrentStep | undefined,
  theme: ThemeName,
  sources: ReadonlyMap<string, Source>,
): StoryPanelModel {
  const shown = Boolean(current);
  const bright = theme === "light";
  if (!current?.step) return { shown, bright, content: undefined };
  const { story, step, index } = current;
  return {
    shown,
    bright,
    content: {
      eyebrow: `${story.title} · ${index} of ${story.steps.length}`,
      title: step.title,
      caption: step.caption,
      sources: (step.sources ?? [])
        .map((id) => sources.get(id))
        .filter((s): s is Source => Boolean(s))
        .map((s) => [s.title, s.publisher, s.date].filter(Boolean).join(" · ")),
      dots: story.steps.map((s, i) => ({
        label: `Step ${i + 1}: ${s.title}`,
        current: i + 1 === index,
      })),
      previousDisabled: index <= 1,
      nextDisabled: index >= story.steps.length,
    },
  };
}

/**
 * Where a key leads while presenting: a step number (→, Space, PageDown next; ←, PageUp
 * previous; Home, End; 1–9), "exit" for Escape, or undefined for a key story mode leaves alone.
 */
export function presentKeyTarget(key: string, current: CurrentStep): number | "exit" | undefined {
  switch (key) {
    case "ArrowRight":
    case "PageDown":
    case " ":
      return current.index + 1;
    case "ArrowLeft":
    case "PageUp":
      return current.index - 1;
    case "Home":
      return 1;
    case "End":
      return current.story.steps.length;
    case "Escape":
      return "exit";
    default:
      return /^[1-9]$/.test(key) ? Number(key) : undefined;
  }
}

/** The date `elapsedMs` into the run from `from` to `to`, eased in and out; `done` at the end. */
export function tweenDate(
  from: string,
  to: string,
  elapsedMs: number,
): { readonly date: string; readonly done: boolean } {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const t = Math.min(1, elapsedMs / DATE_TRANSITION_MS);
  const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
  return { date: t >= 1 ? to : fromDayNumber(Math.round(a + (b - a) * eased)), done: t >= 1 };
}
