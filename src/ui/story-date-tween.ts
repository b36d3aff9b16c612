/** Story mode's date transition: the store's date runs to a step's, one animation frame at a time. */
import type { AppStore } from "../state/store";
import { tweenDate } from "./story-model";

/** Runs the date to a step's; a new run cancels the one under way. */
export interface DateTween {
  readonly run: (to: string) => void;
  readonly cancel: () => void;
}

/** Under reduced motion, or when the date is already there, a run sets the date at once. */
export function createDateTween(store: AppStore, reducedMotion: boolean): DateTween {
  let frameId: number | undefined;
  const cancel = () => {
    if (frameId !== undefined) cancelAnimationFrame(frameId);
  };
  const run = (to: string) => {
    cancel();
    frameId = undefined;
    const from = store.getState().date;
    if (reducedMotion || from === to) {
      store.setState({ date: to });
      return;
    }
    const start = performance.now();
    const frame = (now: number) => {
      const { date, done } = tweenDate(from, to, now - start);
      store.setState({ date });
      frameId = done ? undefined : requestAnimationFrame(frame);
    };
    frameId = requestAnimationFrame(frame);
  };
  return { run, cancel };
}
