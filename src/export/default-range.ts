/** The range a clip covers unless the user picks another. */
import type { Story } from "../model/schema";
import type { AppState } from "../state/store";

/**
 * In a story, from the previous step's date to the current step's (earlier date first): the
 * change the step shows. Null outside a story or on its first step.
 */
export function storyStepRange(
  stories: readonly Story[],
  state: Pick<AppState, "story" | "step">,
): readonly [string, string] | null {
  const story = stories.find((s) => s.id === state.story);
  if (!story || state.step === null) return null;
  const current = story.steps[state.step - 1];
  const previous = story.steps[state.step - 2];
  if (!current || !previous) return null;
  return previous.date <= current.date
    ? [previous.date, current.date]
    : [current.date, previous.date];
}
