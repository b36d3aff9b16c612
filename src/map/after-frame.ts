/**
 * Waits for the browser's next frame, and then for the tasks queued behind it; where no frame
 * comes in `timeoutMs` (a hidden tab draws none), for that long at most.
 *
 * Long work split at such a point lets the map draw a frame in between, and so ask its worker for
 * tiles, which MapLibre does only while drawing: the worker then cuts them while the page goes on.
 * Resolving in the frame's own callback would not do: the work would run first, inside the frame.
 */
export function afterFrame(
  win: Pick<
    Window,
    "requestAnimationFrame" | "cancelAnimationFrame" | "setTimeout" | "clearTimeout"
  >,
  timeoutMs = 100,
): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const go = () => {
      if (done) return;
      done = true;
      win.clearTimeout(timer);
      win.cancelAnimationFrame(frame);
      win.setTimeout(resolve, 0);
    };
    const timer = win.setTimeout(go, timeoutMs);
    const frame = win.requestAnimationFrame(go);
  });
}
