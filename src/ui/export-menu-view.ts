/**
 * The export dialog's elements: the toolbar button, the image section (scales, "Download PNG"),
 * the video section (dates, duration, format, progress) and the status and error lines; and the
 * small writers that show `export-menu-model.ts`'s answers in them.
 */
import { MAX_SECONDS, MIN_SECONDS } from "../export/frame-dates";
import { h } from "./dom";
import {
  DEFAULT_SECONDS,
  type ExportControls,
  frameCounterText,
  SCALES,
  scaleSize,
} from "./export-menu-model";

/** A PNG scale's radio button and the size it would make. */
export interface ScaleChoice {
  readonly scale: number;
  readonly input: HTMLInputElement;
  readonly size: HTMLSpanElement;
}

/** The elements the export menu reads and writes after it is built. */
export interface ExportElements {
  /** The toolbar button that opens the dialog. */
  readonly button: HTMLButtonElement;
  readonly dialog: HTMLDialogElement;
  readonly closeButton: HTMLButtonElement;
  /** The credit exports carry (see `creditNote`); hidden when there is none. */
  readonly credit: HTMLParagraphElement;
  readonly scales: readonly ScaleChoice[];
  readonly pngButton: HTMLButtonElement;
  readonly fromInput: HTMLInputElement;
  readonly toInput: HTMLInputElement;
  readonly secondsInput: HTMLInputElement;
  readonly formatHint: HTMLParagraphElement;
  /** Why this browser makes no video; hidden until that is known. */
  readonly unsupported: HTMLParagraphElement;
  readonly videoButton: HTMLButtonElement;
  readonly cancelButton: HTMLButtonElement;
  readonly progress: HTMLProgressElement;
  readonly frameCounter: HTMLSpanElement;
  readonly status: HTMLParagraphElement;
  readonly error: HTMLParagraphElement;
}

const labelled = (text: string, input: HTMLInputElement) =>
  h("label", {}, h("span", { class: "export-label" }, text), input);

const createScaleChoices = (id: string): ScaleChoice[] =>
  SCALES.map((scale) => ({
    scale,
    input: h("input", {
      type: "radio",
      name: `${id}-scale`,
      value: String(scale),
      checked: scale === 1,
    }),
    size: h("span", { class: "export-size" }),
  }));

const createVideoControls = (minDate: string, maxDate: string) => ({
  fromInput: h("input", { type: "date", min: minDate, max: maxDate, required: true }),
  toInput: h("input", { type: "date", min: minDate, max: maxDate, required: true }),
  secondsInput: h("input", {
    type: "number",
    min: MIN_SECONDS,
    max: MAX_SECONDS,
    step: 1,
    value: DEFAULT_SECONDS,
    required: true,
  }),
  formatHint: h("p", { class: "export-hint" }),
  unsupported: h("p", { class: "export-unsupported", hidden: true }),
  videoButton: h("button", { type: "button", class: "tool export-go" }, "Export video"),
  cancelButton: h("button", { type: "button", class: "tool", hidden: true }, "Cancel"),
  progress: h("progress", { max: 1, value: 0, "aria-label": "Export progress", hidden: true }),
  frameCounter: h("span", { class: "export-count", "aria-hidden": "true" }),
});

/** The dialog of `button`, number `id` (ids in it are prefixed with `id`). */
export function createExportElements(
  id: string,
  minDate: string,
  maxDate: string,
  button: HTMLButtonElement,
): ExportElements {
  const scales = createScaleChoices(id);
  const scaleGroup = h(
    "div",
    { class: "export-scales", role: "radiogroup", "aria-labelledby": `${id}-scale-label` },
    h("span", { id: `${id}-scale-label`, class: "export-label" }, "Scale"),
    ...scales.map((s) => h("label", { class: "export-choice" }, s.input, `${s.scale}×`, s.size)),
  );
  const pngButton = h("button", { type: "button", class: "tool export-go" }, "Download PNG");
  const video = createVideoControls(minDate, maxDate);
  const status = h("p", { class: "export-status", role: "status", "aria-live": "polite" });
  const error = h("p", { class: "export-error", role: "alert" });
  const closeButton = h("button", { type: "button", class: "close", "aria-label": "Close" }, "×");
  const credit = h("p", { class: "export-hint export-credit", hidden: true });
  const dialog = h(
    "dialog",
    { class: "export-dialog", "aria-labelledby": `${id}-title` },
    h(
      "div",
      { class: "export-body" },
      h("header", {}, h("h2", { id: `${id}-title` }, "Export"), closeButton),
      credit,
      h(
        "section",
        { "aria-labelledby": `${id}-image` },
        h("h3", { id: `${id}-image` }, "Image (PNG)"),
        scaleGroup,
        h("div", { class: "export-actions" }, pngButton),
      ),
      h(
        "section",
        { "aria-labelledby": `${id}-video` },
        h("h3", { id: `${id}-video` }, "Video"),
        video.unsupported,
        h(
          "div",
          { class: "export-fields" },
          labelled("From", video.fromInput),
          labelled("To", video.toInput),
          labelled("Duration (seconds)", video.secondsInput),
        ),
        video.formatHint,
        h("div", { class: "export-actions" }, video.videoButton, video.cancelButton),
        h("div", { class: "export-progress" }, video.progress, video.frameCounter),
      ),
      status,
      error,
    ),
  );
  return { button, dialog, closeButton, credit, scales, pngButton, ...video, status, error };
}

export function showControls(el: ExportElements, controls: ExportControls): void {
  el.pngButton.disabled = controls.imageDisabled;
  for (const s of el.scales) s.input.disabled = controls.imageDisabled;
  el.videoButton.disabled = controls.videoDisabled;
  for (const input of [el.fromInput, el.toInput, el.secondsInput])
    input.disabled = controls.fieldsDisabled;
  el.cancelButton.hidden = !controls.progressShown;
  el.progress.hidden = !controls.progressShown;
  el.frameCounter.hidden = !controls.progressShown;
}

/** The credit exports carry, said under the title (hidden for none). */
export function showCredit(el: ExportElements, note: string): void {
  el.credit.textContent = note;
  el.credit.hidden = note === "";
}

/** Each scale's PNG size, for a window of `width` × `height`. */
export function showSizes(el: ExportElements, width: number, height: number): void {
  for (const { scale, size } of el.scales) size.textContent = scaleSize(scale, width, height);
}

/** The scale whose radio button is checked (1 if none is). */
export const chosenScale = (el: ExportElements): number =>
  el.scales.find((s) => s.input.checked)?.scale ?? 1;

/** Says how it went; a message also clears the last error. */
export function say(el: ExportElements, text: string): void {
  el.status.textContent = text;
  if (text) el.error.textContent = "";
}

/** Says what went wrong, in place of the status. */
export function fail(el: ExportElements, text: string): void {
  el.error.textContent = text;
  el.status.textContent = "";
}

export function showUnsupported(el: ExportElements, reason: string): void {
  el.unsupported.textContent = reason;
  el.unsupported.hidden = false;
}

/** Empties the progress bar and the frame counter, for a new clip. */
export function resetProgress(el: ExportElements): void {
  el.progress.value = 0;
  el.frameCounter.textContent = "";
}

/** `done` of `total` frames made. */
export function showProgress(el: ExportElements, done: number, total: number): void {
  el.progress.value = done / total;
  el.frameCounter.textContent = frameCounterText(done, total);
}
