/**
 * The worker side of `workerFetch` (./worker-fetch.ts): runs `fetch` and sends the response back
 * as it arrives (head, then each chunk of the body, transferred, then the end or an error). Being
 * off the page's main thread, it keeps reading while the page is busy starting the map, where a
 * body read on the main thread waits for the page and stalls the download.
 */
import type { WorkerReply, WorkerRequest } from "./worker-fetch";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
};

const downloads = new Map<number, AbortController>();

/**
 * What the page's Content Security Policy lets it connect to (`connect-src 'self' https:`): a
 * worker does not inherit a policy set in a meta tag, so it keeps to the same rule itself.
 */
function allowed(url: string): boolean {
  const { origin, protocol } = new URL(url);
  return origin === self.location.origin || protocol === "https:";
}

async function download(id: number, url: string, init: RequestInit): Promise<void> {
  const controller = new AbortController();
  downloads.set(id, controller);
  try {
    if (!allowed(url)) throw new TypeError(`${url}: refused (not this site, and not https:)`);
    const response = await fetch(url, { ...init, signal: controller.signal });
    scope.postMessage({
      id,
      type: "head",
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
    });
    const reader = response.body?.getReader();
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      const chunk = next.value;
      // A view of part of a larger buffer is copied, so only its own bytes are transferred.
      const bytes =
        chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength
          ? chunk
          : chunk.slice();
      scope.postMessage({ id, type: "chunk", bytes }, [bytes.buffer]);
    }
    scope.postMessage({ id, type: "end" });
  } catch (error) {
    scope.postMessage({
      id,
      type: "error",
      message: error instanceof Error ? error.message : String(error),
      aborted: controller.signal.aborted,
    });
  } finally {
    downloads.delete(id);
  }
}

scope.onmessage = ({ data }) => {
  if (data.type === "abort") downloads.get(data.id)?.abort();
  else download(data.id, data.url, data.init).catch(() => {});
};
