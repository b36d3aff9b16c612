/**
 * Code that the first frame does not need is loaded the first time the view state asks for it:
 * `mount` runs once `wanted` is first true, and its disposer is kept for the session's end.
 */
import type { AppState, AppStore } from "../state/store";

export function setupOnFirstUse(
  store: AppStore,
  wanted: (state: AppState) => boolean,
  mount: () => Promise<() => void>,
  onError: (error: unknown) => void,
): () => void {
  let dispose: (() => void) | null = null;
  let disposed = false;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    mount().then(
      (d) => {
        if (disposed) d();
        else dispose = d;
      },
      (error: unknown) => onError(error),
    );
  };
  if (wanted(store.getState())) start();
  const unsubscribe = store.subscribe((state) => {
    if (wanted(state)) start();
  });
  return () => {
    disposed = true;
    unsubscribe();
    dispose?.();
  };
}
