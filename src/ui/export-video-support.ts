/**
 * Which video format this browser encodes, checked once (when the export dialog first opens) and
 * said in the dialog: the format under the fields, or why no video can be made above them.
 */
import { canEncodeVideo, chooseVideoFormat, type VideoFormat } from "../export/video-format";
import { formatHint, NO_FORMAT, NO_WEBCODECS, type VideoSupport } from "./export-menu-model";
import { type ExportElements, showUnsupported } from "./export-menu-view";

/** The dialog's knowledge of the browser's video encoding. */
export interface VideoSupportCheck {
  /** What is known so far. */
  readonly support: () => VideoSupport;
  /** Checks once which format this browser encodes, and says so (or why it cannot). */
  readonly check: () => void;
  /** The format clips are made in: null when there is none, or before `check`. */
  readonly format: () => Promise<VideoFormat | null> | null;
}

/** `changed` is called when the check learns something the controls depend on. */
export function createVideoSupport(el: ExportElements, changed: () => void): VideoSupportCheck {
  let format: Promise<VideoFormat | null> | null = null;
  let unsupported = "";
  const cannotEncode = (reason: string) => {
    unsupported = reason;
    showUnsupported(el, reason);
  };
  return {
    support: () => ({ canEncode: canEncodeVideo(), unsupported }),
    check: () => {
      if (!canEncodeVideo()) {
        cannotEncode(NO_WEBCODECS);
        el.formatHint.textContent = "";
        changed();
        return;
      }
      if (!format) {
        el.formatHint.textContent = formatHint(null);
        format = chooseVideoFormat();
        format.then((chosen) => {
          if (chosen) el.formatHint.textContent = formatHint(chosen.label);
          else cannotEncode(NO_FORMAT);
          changed();
        });
      }
    },
    format: () => format,
  };
}
