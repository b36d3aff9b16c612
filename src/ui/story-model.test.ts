import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Source, Topology } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import {
  buildStoryPanel,
  type CurrentStep,
  currentStep,
  DATE_TRANSITION_MS,
  presentKeyTarget,
  selectionOf,
  stepTo,
  stepView,
  tweenDate,
} from "./story-model";

/** The fixture with a second source and story "s" in three steps: 2012, 2014, 2016. */
function threeSteps(): Topology {
  const input = validTopologyInput();
  input.sources.push({
    id: "report",
    title: "A report",
    publisher: "A publisher",
    date: "2015-03-01",
  });
  const [story] = input.stories;
  const [step] = story?.steps ?? [];
  if (story && step)
    story.steps = [
      step,
      {
        title: "Two",
        caption: "More text",
        view: { center: [124, 40.5], zoom: 6, bearing: 20, pitch: 30 },
        date: "2014-12-22",
        select: "node:a",
        sources: ["src", "report"],
      },
      {
        title: "Three",
        caption: "The end",
        view: { center: [125, 40], zoom: 4 },
        date: "2016-01-01",
      },
    ];
  return parseTopology(input, "test.json");
}

const sourcesOf = (t: Topology): Map<string, Source> => new Map(t.sources.map((s) => [s.id, s]));

/** Step `index` (1-based) of the fixture's story. */
function at(index: number): CurrentStep {
  const current = currentStep(threeSteps().stories, { story: "s", step: index });
  if (!current) throw new Error("story s is missing");
  return current;
}

describe("the step on show", () => {
  it("currentStep finds the store's story and its 1-based step", () => {
    const current = at(2);
    expect(current.story.id).toBe("s");
    expect(current.index).toBe(2);
    expect(current.step?.title).toBe("Two");
  });

  it("currentStep has no step past the story's end, and nothing for an unknown story or no step", () => {
    const { stories } = threeSteps();
    expect(currentStep(stories, { story: "s", step: 9 })?.step).toBeUndefined();
    expect(currentStep(stories, { story: "nope", step: 1 })).toBeUndefined();
    expect(currentStep(stories, { story: "s", step: null })).toBeUndefined();
  });

  it("stepTo keeps a move within the story and is undefined when it stays on the current step", () => {
    expect(stepTo(at(2), 3)).toBe(3);
    expect(stepTo(at(2), 9)).toBe(3);
    expect(stepTo(at(2), -4)).toBe(1);
    expect(stepTo(at(3), 4)).toBeUndefined();
    expect(stepTo(at(1), 0)).toBeUndefined();
  });
});

describe("the view a step sets", () => {
  it("selectionOf reads a link or a node from a step's select, and null without one", () => {
    const { stories } = threeSteps();
    const [first, second, third] = stories[0]?.steps ?? [];
    if (!first || !second || !third) throw new Error("three steps expected");
    expect(selectionOf(first)).toEqual({ kind: "link", id: "ab" });
    expect(selectionOf(second)).toEqual({ kind: "node", id: "a" });
    expect(selectionOf(third)).toBeNull();
  });

  it("stepView points the camera as the step says, level and north-up unless it says otherwise", () => {
    const second = at(2).step;
    const third = at(3).step;
    if (!second || !third) throw new Error("steps 2 and 3 expected");
    expect(stepView(second)).toEqual({
      selection: { kind: "node", id: "a" },
      camera: { center: [124, 40.5], zoom: 6, bearing: 20, pitch: 30 },
    });
    expect(stepView(third).camera).toEqual({ center: [125, 40], zoom: 4, bearing: 0, pitch: 0 });
  });
});

describe("the story panel", () => {
  it("buildStoryPanel hides the panel when no step is presented, and says whether the room is bright", () => {
    expect(buildStoryPanel(undefined, "light", new Map())).toEqual({
      shown: false,
      bright: true,
      content: undefined,
    });
    expect(buildStoryPanel(undefined, "dark", new Map()).bright).toBe(false);
  });

  it("buildStoryPanel gives a step's place in its story, its caption and its cited sources", () => {
    const t = threeSteps();
    const model = buildStoryPanel(at(2), "dark", sourcesOf(t));
    expect(model.shown).toBe(true);
    expect(model.content).toMatchObject({
      eyebrow: "Story · 2 of 3",
      title: "Two",
      caption: "More text",
      sources: ["A source", "A report · A publisher · 2015-03-01"],
      previousDisabled: false,
      nextDisabled: false,
    });
  });

  it("buildStoryPanel names a dot per step and marks the current one", () => {
    const model = buildStoryPanel(at(1), "dark", new Map());
    expect(model.content?.dots).toEqual([
      { label: "Step 1: One", current: true },
      { label: "Step 2: Two", current: false },
      { label: "Step 3: Three", current: false },
    ]);
  });

  it("buildStoryPanel turns Previous off on the first step and Next off on the last", () => {
    expect(buildStoryPanel(at(1), "dark", new Map()).content).toMatchObject({
      previousDisabled: true,
      nextDisabled: false,
    });
    expect(buildStoryPanel(at(3), "dark", new Map()).content).toMatchObject({
      previousDisabled: false,
      nextDisabled: true,
    });
  });

  it("buildStoryPanel leaves out a cited source the dataset does not have", () => {
    const model = buildStoryPanel(at(2), "dark", new Map());
    expect(model.content?.sources).toEqual([]);
  });

  it("buildStoryPanel shows the panel but no content for a step past the story's end", () => {
    const { stories } = threeSteps();
    const past = currentStep(stories, { story: "s", step: 7 });
    expect(buildStoryPanel(past, "dark", new Map())).toEqual({
      shown: true,
      bright: false,
      content: undefined,
    });
  });
});

describe("the presenter's keys", () => {
  it("presentKeyTarget moves on with →, Space and PageDown, and back with ← and PageUp", () => {
    const second = at(2);
    expect(["ArrowRight", " ", "PageDown"].map((key) => presentKeyTarget(key, second))).toEqual([
      3, 3, 3,
    ]);
    expect(["ArrowLeft", "PageUp"].map((key) => presentKeyTarget(key, second))).toEqual([1, 1]);
  });

  it("presentKeyTarget jumps with Home, End and the digits 1–9, and exits with Escape", () => {
    const second = at(2);
    expect(presentKeyTarget("Home", second)).toBe(1);
    expect(presentKeyTarget("End", second)).toBe(3);
    expect(presentKeyTarget("7", second)).toBe(7);
    expect(presentKeyTarget("Escape", second)).toBe("exit");
  });

  it("presentKeyTarget leaves other keys alone, 0 and letters among them", () => {
    const second = at(2);
    expect(presentKeyTarget("0", second)).toBeUndefined();
    expect(presentKeyTarget("p", second)).toBeUndefined();
    expect(presentKeyTarget("Enter", second)).toBeUndefined();
  });
});

describe("the date between two steps", () => {
  it("tweenDate starts at the first date, passes the middle halfway and ends on the second", () => {
    expect(tweenDate("2010-01-01", "2010-01-21", 0)).toEqual({ date: "2010-01-01", done: false });
    expect(tweenDate("2010-01-01", "2010-01-21", DATE_TRANSITION_MS / 2)).toEqual({
      date: "2010-01-11",
      done: false,
    });
    expect(tweenDate("2010-01-01", "2010-01-21", DATE_TRANSITION_MS)).toEqual({
      date: "2010-01-21",
      done: true,
    });
  });

  it("tweenDate eases in: a quarter of the time covers an eighth of the way", () => {
    expect(tweenDate("2010-01-01", "2010-01-17", DATE_TRANSITION_MS / 4).date).toBe("2010-01-03");
  });

  it("tweenDate runs backwards in time as well", () => {
    expect(tweenDate("2010-01-21", "2010-01-01", DATE_TRANSITION_MS / 2).date).toBe("2010-01-11");
  });
});
