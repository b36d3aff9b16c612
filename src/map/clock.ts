/**
 * The one animation clock: a requestAnimationFrame loop that runs only while someone wants frames
 * and the tab is visible. Listeners get the clock's time and the step since the last frame.
 */
export type TickListener = (timeS: number, dtS: number) => void;

export interface Clock {
  /** Asks for frames under `key` (e.g. "flow", "playback") or withdraws the request. */
  want(key: string, on: boolean): void;
  /** Adds a listener; returns its remover. */
  onTick(listener: TickListener): () => void;
  /** Seconds the clock has run (it stands still while paused). */
  time(): number;
  dispose(): void;
}

/** Longest step passed to listeners, so a stalled frame does not jump playback ahead. */
const MAX_STEP_S = 0.25;

export function createClock(win: Window = window): Clock {
  const wanted = new Set<string>();
  const listeners = new Set<TickListener>();
  let time = 0;
  let last: number | undefined;
  let frame: number | undefined;

  const loop = (now: number) => {
    frame = undefined;
    const dt = last === undefined ? 0 : Math.min(MAX_STEP_S, (now - last) / 1000);
    last = now;
    time += dt;
    for (const listener of listeners) listener(time, dt);
    schedule();
  };
  const schedule = () => {
    const run = wanted.size > 0 && win.document.visibilityState !== "hidden";
    if (run && frame === undefined) frame = win.requestAnimationFrame(loop);
    if (!run) {
      if (frame !== undefined) win.cancelAnimationFrame(frame);
      frame = undefined;
      last = undefined;
    }
  };
  const onVisibility = () => schedule();
  win.document.addEventListener("visibilitychange", onVisibility);

  return {
    want(key, on) {
      if (on) wanted.add(key);
      else wanted.delete(key);
      schedule();
    },
    onTick(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    time: () => time,
    dispose() {
      wanted.clear();
      listeners.clear();
      schedule();
      win.document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}
