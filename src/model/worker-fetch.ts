/**
 * `fetch`, run in a worker (./fetch-worker.ts), for the files the app loads at start-up. The page's
 * main thread is busy for a second or more while MapLibre starts; a body read there (by a reader
 * or `response.text()`) waits for it, and the download stalls once the browser's buffer is full.
 * In a worker the download runs at the network's pace, and its chunks wait in the page's queue.
 *
 * The result is a real `Response` (the worker's status, headers and body, streamed), so callers
 * read it as any other. Aborting through `init.signal` stops the worker's download. If the worker
 * cannot start, requests go to the page's own `fetch`.
 */

/** Page → worker. */
export type WorkerRequest =
  | {
      readonly id: number;
      readonly type: "fetch";
      readonly url: string;
      readonly init: RequestInit;
    }
  | { readonly id: number; readonly type: "abort" };

/** Worker → page, for request `id`: its head, then chunks of its body, then its end or an error. */
export type WorkerReply =
  | {
      readonly id: number;
      readonly type: "head";
      readonly status: number;
      readonly statusText: string;
      readonly headers: [string, string][];
    }
  | { readonly id: number; readonly type: "chunk"; readonly bytes: Uint8Array }
  | { readonly id: number; readonly type: "end" }
  | {
      readonly id: number;
      readonly type: "error";
      readonly message: string;
      readonly aborted: boolean;
    };

/** What `workerFetch` needs of a `Worker`. */
export interface FetchPort {
  postMessage(message: WorkerRequest): void;
  onmessage: ((event: MessageEvent<WorkerReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

/** Statuses whose responses have no body (a `Response` made with one throws). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

const abortError = () => new DOMException("The download was aborted.", "AbortError");

/** The parts of `init` a worker can take (a signal cannot cross; aborts are sent instead). */
function cloneableInit(init: RequestInit | undefined): RequestInit {
  const out: RequestInit = {};
  if (init?.credentials) out.credentials = init.credentials;
  if (init?.mode) out.mode = init.mode;
  if (init?.referrerPolicy !== undefined) out.referrerPolicy = init.referrerPolicy;
  if (init?.cache) out.cache = init.cache;
  if (init?.redirect) out.redirect = init.redirect;
  return out;
}

interface Pending {
  readonly start: () => Promise<Response>;
  readonly resolve: (response: Response) => void;
  readonly reject: (error: unknown) => void;
  /** The body's controller, once the head has come. */
  body: ReadableStreamDefaultController<Uint8Array> | null;
  /** Drops the request from those waiting for the worker, and stops listening to its signal. */
  readonly forget: () => void;
  /** Forgets the request and tells the worker to stop its download. */
  readonly stop: () => void;
}

/**
 * A `fetch` that runs in `port` (a worker running ./fetch-worker.ts); `fallback` is used for every
 * request from the moment the worker fails. Addresses are resolved against `base` (the page's).
 */
export function workerFetch(port: FetchPort, fallback: Fetch, base: string): Fetch {
  let next = 0;
  let broken = false;
  const pending = new Map<number, Pending>();

  port.onmessage = ({ data }) => {
    const request = pending.get(data.id);
    if (!request) return;
    switch (data.type) {
      case "head": {
        const status = data.status;
        const body = NULL_BODY.has(status)
          ? null
          : new ReadableStream<Uint8Array>({
              start: (controller) => {
                request.body = controller;
              },
              cancel: () => request.stop(),
            });
        if (!body) request.forget();
        request.resolve(
          new Response(body, { status, statusText: data.statusText, headers: data.headers }),
        );
        break;
      }
      case "chunk":
        request.body?.enqueue(data.bytes);
        break;
      case "end":
        request.forget();
        request.body?.close();
        break;
      case "error": {
        request.forget();
        const error = data.aborted ? abortError() : new TypeError(data.message);
        if (request.body) request.body.error(error);
        else request.reject(error);
        break;
      }
    }
  };
  port.onerror = () => {
    broken = true;
    // What has not started to arrive is asked again of the page's fetch; the rest fails.
    for (const request of pending.values()) {
      request.forget();
      if (request.body) request.body.error(new TypeError("the download worker stopped"));
      else request.start().then(request.resolve, request.reject);
    }
  };

  return (input, init) => {
    if (broken) return fallback(input, init);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortError());
    const url = new URL(input instanceof Request ? input.url : String(input), base).href;
    const id = next++;
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => {
        const request = pending.get(id);
        if (!request) return;
        request.stop();
        if (request.body) request.body.error(abortError());
        else reject(abortError());
      };
      const forget = () => {
        pending.delete(id);
        signal?.removeEventListener("abort", onAbort);
      };
      pending.set(id, {
        start: () => fallback(input, init),
        resolve,
        reject,
        body: null,
        forget,
        stop: () => {
          forget();
          port.postMessage({ id, type: "abort" });
        },
      });
      signal?.addEventListener("abort", onAbort, { once: true });
      port.postMessage({ id, type: "fetch", url, init: cloneableInit(init) });
    });
  };
}

/**
 * The app's fetch for the files it loads: in a worker where the browser can start one, else the
 * page's own.
 */
export function createFetch(): Fetch {
  const fallback: Fetch = (input, init) => fetch(input, init);
  try {
    const worker = new Worker(new URL("./fetch-worker.ts", import.meta.url), {
      type: "module",
      name: "downloads",
    });
    return workerFetch(worker, fallback, document.baseURI);
  } catch {
    return fallback;
  }
}
