import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { validTopologyInput } from "../model/test-fixtures";
import { storyStepRange } from "./default-range";

/** The fixture's story with three steps, the third going back in time. */
function threeSteps() {
  const input = validTopologyInput();
  const [story] = input.stories;
  const [step] = story?.steps ?? [];
  if (story && step)
    story.steps = [step, { ...step, date: "2014-12-22" }, { ...step, date: "2013-01-01" }];
  return parseTopology(input);
}

describe("default clip range", () => {
  it("storyStepRange runs from the previous step's date to the current step's", () => {
    expect(storyStepRange(threeSteps().stories, { story: "s", step: 2 })).toEqual([
      "2012-01-01",
      "2014-12-22",
    ]);
  });

  it("storyStepRange puts the earlier date first when a step goes back in time", () => {
    expect(storyStepRange(threeSteps().stories, { story: "s", step: 3 })).toEqual([
      "2013-01-01",
      "2014-12-22",
    ]);
  });

  it("storyStepRange is null on a story's first step, outside a story or for an unknown story", () => {
    expect(storyStepRange(threeSteps().stories, { story: "s", step: 1 })).toBeNull();
    expect(storyStepRange(threeSteps().stories, { story: null, step: null })).toBeNull();
    expect(storyStepRange(threeSteps().stories, { story: "nope", step: 2 })).toBeNull();
  });
});
