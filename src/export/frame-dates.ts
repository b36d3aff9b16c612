/** The timeline of a clip: how many frames, and which date each frame shows. */
import { fromDayNumber, isIsoDate, toDayNumber } from "../model/dates";

/** Frames per second of exported clips. */
export const VIDEO_FPS = 30;
/** Shortest and longest clip, in seconds. */
export const MIN_SECONDS = 1;
export const MAX_SECONDS = 60;

/** Why `[from, to]` cannot be a clip's range, or null when it can. */
export function rangeProblem(from: string, to: string): string | null {
  if (!isIsoDate(from)) return `The start date is not a date: ${JSON.stringify(from)}`;
  if (!isIsoDate(to)) return `The end date is not a date: ${JSON.stringify(to)}`;
  if (from > to) return `The start date (${from}) is after the end date (${to})`;
  return null;
}

/** Why `seconds` cannot be a clip's duration, or null when it can. */
export function durationProblem(seconds: number): string | null {
  if (!Number.isFinite(seconds) || seconds < MIN_SECONDS || seconds > MAX_SECONDS)
    return `The duration must be between ${MIN_SECONDS} and ${MAX_SECONDS} seconds`;
  return null;
}

/** How many frames a clip of `seconds` has at `fps` (at least one). */
export const frameCount = (seconds: number, fps = VIDEO_FPS): number =>
  Math.max(1, Math.round(seconds * fps));

/**
 * The date frame `index` of `count` shows, on a clip from `from` to `to`: both ends included (the
 * first frame shows `from`, the last `to`), days in between evenly spread and rounded to a day.
 * Throws a RangeError naming the problem for a range that runs backwards or a frame out of range.
 */
export function frameDate(from: string, to: string, index: number, count: number): string {
  const problem = rangeProblem(from, to);
  if (problem) throw new RangeError(problem);
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid frame count: ${count}`);
  if (!Number.isInteger(index) || index < 0 || index >= count)
    throw new RangeError(`invalid frame: ${index} (of ${count})`);
  if (count === 1) return from;
  const start = toDayNumber(from);
  const days = toDayNumber(to) - start;
  return fromDayNumber(start + Math.round((days * index) / (count - 1)));
}
