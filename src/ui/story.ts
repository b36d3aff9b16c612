/**
 * Story mode (DESIGN §5): a dataset's prepared steps, presented full screen. Each step flies the
 * camera, animates the timeline from the previous date to its own, selects what it names and
 * shows its caption and sources. Keys: →, Space, PageDown next; ←, PageUp previous; 1–9 jump;
 * Home/End; Esc leaves. The address carries `story`, `step` and `present=1`.
 */
import { fromDayNumber, toDayNumber } from "../model/dates";
import type { Source, Story, StoryStep, Topology } from "../model/schema";
import type { AppStore, Selection } from "../state/store";
import { watch } from "../state/store";
import { h, isTyping } from "./dom";

/** How long the timeline takes to run from one step's date to the next. */
const DATE_TRANSITION_MS = 1400;
/** The pointer hides after this long without moving, so it does not sit on the projection. */
const CURSOR_IDLE_MS = 2000;

export interface StoryDeps {
  readonly store: AppStore;
  readonly topology: Topology;
  /** Stories to present: the dataset's, plus any being recorded. */
  readonly stories: () => readonly Story[];
  /** The system asks for reduced motion: steps jump instead of animating. */
  readonly reducedMotion: boolean;
}

const selectionOf = (step: StoryStep): Selection | null => {
  const match = step.select ? /^(link|node):(.+)$/.exec(step.select) : null;
  return match ? { kind: match[1] as "link" | "node", id: match[2] as string } : null;
};

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

  const presentButton = h(
    "button",
    { type: "button", class: "tool", "aria-keyshortcuts": "p" },
    "Present",
  );
  toolbar.prepend(presentButton);
  presentButton.disabled = deps.stories().length === 0;
  presentButton.title = presentButton.disabled
    ? "This dataset has no story to present"
    : "Present the story (P)";

  const eyebrow = h("p", { class: "story-eyebrow" });
  const title = h("h2", { class: "story-title", id: "story-title" });
  const caption = h("p", { class: "story-caption" });
  const cited = h("ul", { class: "story-sources", "aria-label": "Sources of this step" });
  const dots = h("div", { class: "story-dots", role: "group", "aria-label": "Steps" });
  const previous = h("button", { type: "button", class: "story-nav" }, "Previous");
  const next = h("button", { type: "button", class: "story-nav story-next" }, "Next");
  const fullscreen = h("button", { type: "button", class: "story-nav" }, "Full screen");
  const bright = h(
    "button",
    { type: "button", class: "story-nav", "aria-pressed": "false" },
    "Bright room",
  );
  const leave = h(
    "button",
    { type: "button", class: "story-nav", "aria-keyshortcuts": "Escape" },
    "Exit",
  );
  const panel = h(
    "section",
    { class: "story-panel", "aria-labelledby": "story-title", hidden: true },
    eyebrow,
    title,
    caption,
    cited,
    h(
      "div",
      { class: "story-controls" },
      previous,
      dots,
      next,
      h("span", { class: "story-spacer" }),
      bright,
      fullscreen,
      leave,
    ),
  );
  root.append(panel);

  const current = () => {
    const { story, step } = store.getState();
    const s = deps.stories().find((x) => x.id === story);
    return s && step ? { story: s, step: s.steps[step - 1], index: step } : undefined;
  };
  const go = (index: number) => {
    const c = current();
    if (!c) return;
    const step = Math.min(Math.max(1, index), c.story.steps.length);
    if (step !== c.index) store.setState({ step });
  };
  const exit = () => {
    store.setState({ present: false });
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
  };
  const enter = () => {
    const { story, step } = store.getState();
    if (present(store, deps.stories(), story ?? undefined, step ?? 1)) {
      document.documentElement.requestFullscreen?.().catch(() => {});
    }
  };

  // The timeline runs from the previous step's date to this one's, so links appear or vanish.
  let tween: number | undefined;
  const animateDate = (to: string) => {
    if (tween !== undefined) cancelAnimationFrame(tween);
    tween = undefined;
    const from = store.getState().date;
    if (deps.reducedMotion || from === to) {
      store.setState({ date: to });
      return;
    }
    const a = toDayNumber(from);
    const b = toDayNumber(to);
    const start = performance.now();
    const frame = (now: number) => {
      const t = Math.min(1, (now - start) / DATE_TRANSITION_MS);
      const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      store.setState({ date: t >= 1 ? to : fromDayNumber(Math.round(a + (b - a) * eased)) });
      tween = t < 1 ? requestAnimationFrame(frame) : undefined;
    };
    tween = requestAnimationFrame(frame);
  };

  const applyStep = () => {
    const c = current();
    if (!c?.step) return;
    const { step } = c;
    store.setState({
      selection: selectionOf(step),
      camera: {
        center: step.view.center,
        zoom: step.view.zoom,
        bearing: step.view.bearing ?? 0,
        pitch: step.view.pitch ?? 0,
      },
    });
    animateDate(step.date);
  };

  const render = () => {
    const { present: on, theme } = store.getState();
    const c = on ? current() : undefined;
    panel.hidden = !c;
    document.documentElement.toggleAttribute("data-present", Boolean(c));
    bright.setAttribute("aria-pressed", String(theme === "light"));
    if (!c?.step) return;
    eyebrow.textContent = `${c.story.title} · ${c.index} of ${c.story.steps.length}`;
    title.textContent = c.step.title;
    caption.textContent = c.step.caption;
    cited.replaceChildren(
      ...(c.step.sources ?? [])
        .map((id) => sources.get(id))
        .filter((s): s is Source => Boolean(s))
        .map((s) => h("li", {}, [s.title, s.publisher, s.date].filter(Boolean).join(" · "))),
    );
    dots.replaceChildren(
      ...c.story.steps.map((s, i) => {
        const dot = h("button", {
          type: "button",
          class: "story-dot",
          "aria-label": `Step ${i + 1}: ${s.title}`,
          "aria-current": i + 1 === c.index ? "step" : undefined,
        });
        dot.addEventListener("click", () => go(i + 1));
        return dot;
      }),
    );
    previous.disabled = c.index <= 1;
    next.disabled = c.index >= c.story.steps.length;
  };

  const onKey = (e: KeyboardEvent) => {
    if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
    const { present: on } = store.getState();
    if (!on) {
      if (e.key === "p" || e.key === "P") {
        e.preventDefault();
        enter();
      }
      return;
    }
    const c = current();
    if (!c) return;
    const keys: Record<string, () => void> = {
      ArrowRight: () => go(c.index + 1),
      PageDown: () => go(c.index + 1),
      " ": () => go(c.index + 1),
      ArrowLeft: () => go(c.index - 1),
      PageUp: () => go(c.index - 1),
      Home: () => go(1),
      End: () => go(c.story.steps.length),
      Escape: exit,
    };
    const action = keys[e.key] ?? (/^[1-9]$/.test(e.key) ? () => go(Number(e.key)) : undefined);
    if (!action) return;
    // Story keys win over the timeline's own while presenting.
    e.preventDefault();
    e.stopImmediatePropagation();
    action();
  };
  document.addEventListener("keydown", onKey, { capture: true });

  let idle: ReturnType<typeof setTimeout> | undefined;
  const onPointer = () => {
    document.documentElement.removeAttribute("data-idle");
    clearTimeout(idle);
    if (store.getState().present)
      idle = setTimeout(
        () => document.documentElement.setAttribute("data-idle", ""),
        CURSOR_IDLE_MS,
      );
  };
  document.addEventListener("pointermove", onPointer);
  const onFullscreen = () => {
    fullscreen.textContent = document.fullscreenElement ? "Leave full screen" : "Full screen";
  };
  document.addEventListener("fullscreenchange", onFullscreen);

  presentButton.addEventListener("click", enter);
  previous.addEventListener("click", () => go((current()?.index ?? 1) - 1));
  next.addEventListener("click", () => go((current()?.index ?? 0) + 1));
  leave.addEventListener("click", exit);
  bright.addEventListener("click", () =>
    store.setState({ theme: store.getState().theme === "light" ? "dark" : "light" }),
  );
  fullscreen.addEventListener("click", () => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
    else document.documentElement.requestFullscreen?.().catch(() => {});
  });

  const disposers = [
    watch(
      store,
      (s) => `${s.present}|${s.story}|${s.step}`,
      () => {
        render();
        if (store.getState().present) {
          applyStep();
          onPointer();
        }
      },
    ),
    watch(store, (s) => s.theme, render),
  ];
  render();
  if (store.getState().present) applyStep();

  return () => {
    for (const dispose of disposers) dispose();
    if (tween !== undefined) cancelAnimationFrame(tween);
    clearTimeout(idle);
    document.removeEventListener("keydown", onKey, { capture: true });
    document.removeEventListener("pointermove", onPointer);
    document.removeEventListener("fullscreenchange", onFullscreen);
    document.documentElement.removeAttribute("data-present");
    document.documentElement.removeAttribute("data-idle");
    panel.remove();
    presentButton.remove();
  };
}
