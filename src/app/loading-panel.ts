/**
 * The loading panel (`#loading`): what is being loaded or opened, how far the download is, and a
 * Cancel button, shown only while the download in progress can be stopped.
 */
import { h } from "../ui/dom";

/** What the panel showed, for {@link LoadingPanel.restore}. */
export interface LoadingSnapshot {
  readonly hidden: HTMLElement["hidden"];
  readonly text: string | null;
}

/** The loading panel, as the ways of opening a dataset drive it. */
export interface LoadingPanel {
  /** Shows `text`, with the progress unknown and no Cancel button. */
  show(text: string): void;
  hide(): void;
  /** Replaces the text only (the progress and the Cancel button stay as they are). */
  setText(text: string): void;
  /** Sets the progress bar to `fraction` (0–1) of the download. */
  setProgress(fraction: number): void;
  /** Shows the Cancel button, or hides it. */
  setCancellable(cancellable: boolean): void;
  /** Whether the panel is shown, and its text. */
  snapshot(): LoadingSnapshot;
  /** Puts back what {@link LoadingPanel.snapshot} saw: whether the panel is shown, and its text. */
  restore(snapshot: LoadingSnapshot): void;
}

/**
 * Drives the panel `el`, which holds a `progress` and a `.loading-text`; adds its Cancel button,
 * which calls `onCancel`.
 */
export function createLoadingPanel(el: HTMLElement, onCancel: () => void): LoadingPanel {
  const progress = el.querySelector("progress") as HTMLProgressElement;
  const text = el.querySelector(".loading-text") as HTMLElement;
  const cancelButton = h(
    "button",
    { type: "button", class: "tool loading-cancel", hidden: true },
    "Cancel",
  );
  el.append(cancelButton);
  cancelButton.addEventListener("click", () => onCancel());
  return {
    show(label) {
      el.hidden = false;
      cancelButton.hidden = true;
      progress.removeAttribute("value");
      text.textContent = label;
    },
    hide() {
      el.hidden = true;
    },
    setText(label) {
      text.textContent = label;
    },
    setProgress(fraction) {
      progress.value = fraction;
    },
    setCancellable(cancellable) {
      cancelButton.hidden = !cancellable;
    },
    snapshot: () => ({ hidden: el.hidden, text: text.textContent }),
    restore(snapshot) {
      el.hidden = snapshot.hidden;
      text.textContent = snapshot.text;
    },
  };
}
