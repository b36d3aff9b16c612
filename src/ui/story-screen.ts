/** The screen while presenting a story: full screen, and a pointer that hides when it rests. */

/** The pointer hides after this long without moving, so it does not sit on the projection. */
const CURSOR_IDLE_MS = 2000;

export const exitFullscreen = (): void => {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => {});
};

export const requestFullscreen = (): void => {
  document.documentElement.requestFullscreen?.().catch(() => {});
};

/** Makes `button` enter and leave full screen, its text saying which it will do. */
export function setupFullscreenButton(button: HTMLButtonElement): () => void {
  const onFullscreen = () => {
    button.textContent = document.fullscreenElement ? "Leave full screen" : "Full screen";
  };
  document.addEventListener("fullscreenchange", onFullscreen);
  button.addEventListener("click", () => {
    if (document.fullscreenElement) exitFullscreen();
    else requestFullscreen();
  });
  return () => document.removeEventListener("fullscreenchange", onFullscreen);
}

/** The presenter's pointer: `wake` shows it and, while presenting, hides it (`data-idle`) once it rests. */
export interface IdleCursor {
  readonly wake: () => void;
  readonly dispose: () => void;
}

/** Wakes the pointer whenever it moves. */
export function setupIdleCursor(presenting: () => boolean): IdleCursor {
  let idle: ReturnType<typeof setTimeout> | undefined;
  const wake = () => {
    document.documentElement.removeAttribute("data-idle");
    clearTimeout(idle);
    if (presenting())
      idle = setTimeout(
        () => document.documentElement.setAttribute("data-idle", ""),
        CURSOR_IDLE_MS,
      );
  };
  document.addEventListener("pointermove", wake);
  return {
    wake,
    dispose() {
      clearTimeout(idle);
      document.removeEventListener("pointermove", wake);
      document.documentElement.removeAttribute("data-idle");
    },
  };
}
