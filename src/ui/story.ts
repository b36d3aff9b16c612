/**
 * Story mode (DESIGN §5): a dataset's prepared steps, presented full screen. Each step flies the
 * camera, animates the timeline from the previous date to its own, selects what it names and
 * shows its caption and sources. Keys: →, Space, PageDown next; ←, PageUp previous; 1–9 jump;
 * Home/End; Esc leaves. The address carries `story`, `step` and `present=1`.
 * What it shows is `story-model.ts`; its elements are `story-panel.ts`; this file wires them.
 */
import type { Story, Topology } from "../model/schema";
import type { AppStore } from "../state/store";
import { watch } from "../state/store";
import { isTyping } from "./dom";
import { createDateTween } from "./story-date-tween";
import { buildStoryPanel, currentStep, presentKeyTarget, stepTo, stepView } from "./story-model";
import { createPresentButton, createStoryPanel, renderStoryPanel } from "./story-panel";
import {
  exitFullscreen,
  requestFullscreen,
  setupFullscreenButton,
  setupIdleCursor,
} from "./story-screen";

export interface StoryDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** Stories to present: the dataset's, plus any being recorded. */
  readonly stories: () => readonly Story[];
  /** The system asks for reduced motion: steps jump instead of animating. */
  readonly reducedMotion: boolean;
}

/** Enters story mode at `step` (1-based) of `storyId` (default: the first story). */
export function present(
  store: AppStore,
  stories: readonly Story[],
  storyId?: string,
  step = 1,
): boolean {
  const story = stories.find((s) => s.id === storyId) ?? stories[0];
  if (!story) return false;
  store.setState({
    story: story.id,
    step: Math.min(Math.max(1, step), story.steps.length),
    present: true,
    playing: false,
  });
  return true;
}

export function setupStory(root: HTMLElement, toolbar: HTMLElement, deps: StoryDeps): () => void {
  const { store, topology } = deps;
  const sources = new Map(topology.sources.map((s) => [s.id, s]));
  const presentButton = createPresentButton(deps.stories().length > 0);
  toolbar.prepend(presentButton);
  const view = createStoryPanel();
  root.append(view.panel);
  const tween = createDateTween(store, deps.reducedMotion);

  const current = () => currentStep(deps.stories(), store.getState());
  const go = (index: number) => {
    const c = current();
    const step = c && stepTo(c, index);
    if (step !== undefined) store.setState({ step });
  };
  const exit = () => {
    store.setState({ present: false });
    exitFullscreen();
  };
  const enter = () => {
    const { story, step } = store.getState();
    if (present(store, deps.stories(), story ?? undefined, step ?? 1)) requestFullscreen();
  };
  // The timeline runs from the previous step's date to this one's, so links appear or vanish.
  const applyStep = () => {
    const step = current()?.step;
    if (!step) return;
    store.setState(stepView(step));
    tween.run(step.date);
  };
  const render = () => {
    const { present: on, theme } = store.getState();
    renderStoryPanel(view, buildStoryPanel(on ? current() : undefined, theme, sources), go);
  };

  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!store.getState().present) {
      if (e.key === "p" || e.key === "P") {
        e.preventDefault();
        enter();
      }
      return;
    }
    const c = current();
    const target = c && presentKeyTarget(e.key, c);
    if (target === undefined) return;
    // Story keys win over the timeline's own while presenting.
    e.preventDefault();
    e.stopImmediatePropagation();
    if (target === "exit") exit();
    else go(target);
  };
  document.addEventListener("keydown", onKey, { capture: true });

  const cursor = setupIdleCursor(() => store.getState().present);
  const disposeFullscreen = setupFullscreenButton(view.fullscreen);

  presentButton.addEventListener("click", enter);
  view.previous.addEventListener("click", () => go((current()?.index ?? 1) - 1));
  view.next.addEventListener("click", () => go((current()?.index ?? 0) + 1));
  view.leave.addEventListener("click", exit);
  view.bright.addEventListener("click", () =>
    store.setState({ theme: store.getState().theme === "light" ? "dark" : "light" }),
  );

  const disposers = [
    watch(
      store,
      (s) => `${s.present}|${s.story}|${s.step}`,
      () => {
        render();
        if (store.getState().present) {
          applyStep();
          cursor.wake();
        }
      },
    ),
    watch(store, (s) => s.theme, render),
  ];
  render();
  if (store.getState().present) applyStep();

  return () => {
    for (const dispose of disposers) dispose();
    tween.cancel();
    document.removeEventListener("keydown", onKey, { capture: true });
    disposeFullscreen();
    document.documentElement.removeAttribute("data-present");
    cursor.dispose();
    view.panel.remove();
    presentButton.remove();
  };
}
