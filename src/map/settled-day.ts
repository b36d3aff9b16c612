/**
 * The date once it has stopped moving. The links are grouped by date around it (see `dayGroups`
 * in `layers/flow-path-layer.ts`), and grouping them again uploads every link: so while the date
 * moves (a drag on the slider, playback, a key held down), the groups stay as they are and the
 * date is drawn from them, and once it has been still for a moment they are made around it.
 */

/** How long (ms) the date stays still before the links are grouped around it again. */
export const SETTLE_MS = 400;

export interface SettledDay {
  /** The day the date last stopped on (the first one given, until it moves). */
  current(): number;
  /** The date is now `day`: it settles there unless it moves again within `SETTLE_MS`. */
  moved(day: number): void;
  dispose(): void;
}

/** Calls `onSettle` each time the date settles on a day other than the one it settled on last. */
export function createSettledDay(
  initial: number,
  onSettle: () => void,
  waitMs = SETTLE_MS,
): SettledDay {
  let settled = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    current: () => settled,
    moved(day) {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (day === settled) return;
        settled = day;
        onSettle();
      }, waitMs);
    },
    dispose: () => clearTimeout(timer),
  };
}
