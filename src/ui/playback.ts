/** Play: advances the date on the shared clock at the chosen speed; stops at the end. */
import type { Clock } from "../map/clock";
import { fromDayNumber, toDayNumber } from "../model/dates";
import { type AppStore, SPEEDS, setDate, setPlaying, watch } from "../state/store";

export function setupPlayback(
  store: AppStore,
  clock: Clock,
  range: readonly [string, string],
): () => void {
  const [first, last] = range.map(toDayNumber) as [number, number];
  let day = toDayNumber(store.getState().date);

  const start = (playing: boolean) => {
    if (playing) {
      day = toDayNumber(store.getState().date);
      // Play from the start when the end has been reached.
      if (day >= last) {
        day = first;
        setDate(store, fromDayNumber(first));
      }
    }
    clock.want("playback", playing);
  };
  const disposers = [
    watch(store, (s) => s.playing, start),
    clock.onTick((_, dt) => {
      const s = store.getState();
      if (!s.playing) return;
      day = Math.min(last, day + SPEEDS[s.speed].daysPerSecond * dt);
      setDate(store, fromDayNumber(Math.floor(day)));
      if (day >= last) setPlaying(store, false);
    }),
    // A date set by someone else (the slider, an event) moves the playhead.
    watch(
      store,
      (s) => s.date,
      (date) => {
        if (Math.floor(day) !== toDayNumber(date)) day = toDayNumber(date);
      },
    ),
  ];
  start(store.getState().playing);
  return () => {
    for (const dispose of disposers) dispose();
    clock.want("playback", false);
  };
}
