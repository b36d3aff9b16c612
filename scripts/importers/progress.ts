/** A progress bar on stderr for long inputs: redrawn in place on a terminal, a few lines in logs. */

/** Inputs smaller than this (bytes) finish too fast to need a progress bar. */
export const PROGRESS_MIN_BYTES = 4 * 1024 * 1024;

export interface Progress {
  /** `done` units of `total` are finished. */
  update(done: number): void;
  /** Draws the bar at 100% and ends its line. */
  finish(): void;
}

const WIDTH = 30;
const REDRAW_MS = 100;

export interface ProgressOptions {
  /** Where to draw; stderr by default. */
  stream?: NodeJS.WritableStream & { isTTY?: boolean };
  /** `false` draws nothing (small inputs). */
  enabled?: boolean;
  now?: () => number;
}

const SILENT: Progress = { update() {}, finish() {} };

/** A bar labelled `label` for `total` units; silent when disabled or when `total` is 0. */
export function createProgress(
  label: string,
  total: number,
  { stream = process.stderr, enabled = true, now = Date.now }: ProgressOptions = {},
): Progress {
  if (!enabled || total <= 0) return SILENT;
  const tty = stream.isTTY === true;
  let lastDraw = -Infinity;
  let lastQuarter = -1;
  let finished = false;

  const bar = (fraction: number) => {
    const filled = Math.round(fraction * WIDTH);
    const percent = Math.floor(fraction * 100);
    return `${label} [${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${percent}%`;
  };
  const draw = (done: number, force: boolean) => {
    const fraction = Math.min(1, Math.max(0, done / total));
    if (tty) {
      const t = now();
      if (!force && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      stream.write(`\r${bar(fraction)}`);
    } else {
      // Logs get a line per quarter instead of a redrawn bar.
      const quarter = Math.floor(fraction * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        stream.write(`${bar(quarter / 4)}\n`);
      }
    }
  };

  return {
    update(done) {
      if (!finished) draw(done, false);
    },
    finish() {
      if (finished) return;
      finished = true;
      draw(total, true);
      if (tty) stream.write("\n");
    },
  };
}
