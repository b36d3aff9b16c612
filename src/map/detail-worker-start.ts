/**
 * The level of detail's worker (`layers/detail/detail-worker.ts`), started ahead. A worker's start
 * takes turns of the page's main thread: made once the data was in, on a page busy starting the
 * map, it began its work 2.2 s after it was sent it (at 100,000 links), and the first frame waited.
 * Started while the data downloads, it is ready when the work comes.
 */

/** The worker started ahead and not yet taken. */
let spare: Worker | null = null;

const startWorker = () =>
  new Worker(new URL("../layers/detail/detail-worker.ts", import.meta.url), {
    type: "module",
    name: "level of detail",
  });

/** Starts a worker now, for `takeDetailWorker` (one at most waits). */
export function startDetailWorker(): void {
  if (spare) return;
  try {
    spare = startWorker();
  } catch {
    // None started ahead: `takeDetailWorker` tries again, and the work is done here if it fails.
  }
}

/** The worker started ahead, else a new one; throws where the browser can start none. */
export function takeDetailWorker(): Worker {
  const worker = spare ?? startWorker();
  spare = null;
  return worker;
}

/** Stops the worker started ahead, if it was not taken: the dataset's work is done here or not at all. */
export function dropDetailWorker(): void {
  spare?.terminate();
  spare = null;
}
