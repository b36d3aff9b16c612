/** Story mode's elements: the toolbar's Present button, the caption panel, and how they are drawn. */
import { h } from "./dom";
import type { StoryPanelModel } from "./story-model";

/** The toolbar's Present button, disabled with a reason when there is no story. */
export function createPresentButton(hasStory: boolean): HTMLButtonElement {
  const button = h(
    "button",
    { type: "button", class: "tool", "aria-keyshortcuts": "p" },
    "Present",
  );
  button.disabled = !hasStory;
  button.title = button.disabled ? "This dataset has no story to present" : "Present the story (P)";
  return button;
}

/** The caption panel and the elements its wiring listens to or redraws. */
export interface StoryPanel {
  readonly panel: HTMLElement;
  /** The step's text, scrolled on its own when it is long. */
  readonly body: HTMLDivElement;
  readonly eyebrow: HTMLParagraphElement;
  readonly title: HTMLHeadingElement;
  readonly caption: HTMLParagraphElement;
  readonly cited: HTMLUListElement;
  readonly dots: HTMLDivElement;
  readonly previous: HTMLButtonElement;
  readonly next: HTMLButtonElement;
  readonly fullscreen: HTMLButtonElement;
  readonly bright: HTMLButtonElement;
  readonly leave: HTMLButtonElement;
}

export function createStoryPanel(): StoryPanel {
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
  const body = h("div", { class: "story-body" }, eyebrow, title, caption, cited);
  const panel = h(
    "section",
    { class: "story-panel", "aria-labelledby": "story-title", hidden: true },
    // The text scrolls when it is long; the controls under it stay in view.
    body,
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
  return {
    panel,
    body,
    eyebrow,
    title,
    caption,
    cited,
    dots,
    previous,
    next,
    fullscreen,
    bright,
    leave,
  };
}

/**
 * Draws `model` into the panel and marks the page as presenting (its CSS hides the rest of the
 * chrome). A step dot, clicked, calls `onDot` with its 1-based step.
 */
export function renderStoryPanel(
  view: StoryPanel,
  model: StoryPanelModel,
  onDot: (step: number) => void,
): void {
  view.panel.hidden = !model.shown;
  document.documentElement.toggleAttribute("data-present", model.shown);
  view.bright.setAttribute("aria-pressed", String(model.bright));
  const { content } = model;
  if (!content) return;
  // A new step is read from its start.
  if (view.title.textContent !== content.title) view.body.scrollTop = 0;
  view.eyebrow.textContent = content.eyebrow;
  view.title.textContent = content.title;
  view.caption.textContent = content.caption;
  view.cited.replaceChildren(...content.sources.map((line) => h("li", {}, line)));
  view.dots.replaceChildren(
    ...content.dots.map((d, i) => {
      const dot = h("button", {
        type: "button",
        class: "story-dot",
        "aria-label": d.label,
        "aria-current": d.current ? "step" : undefined,
      });
      dot.addEventListener("click", () => onDot(i + 1));
      return dot;
    }),
  );
  view.previous.disabled = content.previousDisabled;
  view.next.disabled = content.nextDisabled;
}
