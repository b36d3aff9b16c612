import { describe, expect, it, vi } from "vitest";
import { fetchText } from "./load";
import { type FetchPort, type WorkerReply, type WorkerRequest, workerFetch } from "./worker-fetch";

const BASE = "https://app.test/uplinks/";
const bytes = (text: string) => new TextEncoder().encode(text);

/** A stand-in for the worker: records what the page asks and answers when told to. */
function fakeWorker() {
  const sent: WorkerRequest[] = [];
  const port: FetchPort = {
    postMessage: (message) => {
      sent.push(message);
    },
    onmessage: null,
    onerror: null,
  };
  const reply = (message: WorkerReply) =>
    port.onmessage?.({ data: message } as MessageEvent<WorkerReply>);
  const fail = () => port.onerror?.({} as ErrorEvent);
  return { port, sent, reply, fail };
}

const unused = () => Promise.reject(new Error("the page's fetch was used"));
const head = (id: number, status = 200, headers: [string, string][] = []): WorkerReply => ({
  id,
  type: "head",
  status,
  statusText: status === 200 ? "OK" : "",
  headers,
});

describe("workerFetch", () => {
  it("asks the worker for the page-relative address and streams its answer into a Response", async () => {
    const { port, sent, reply } = fakeWorker();
    const fetcher = workerFetch(port, unused, BASE);
    const pending = fetcher("data/x.json", {
      credentials: "omit",
      mode: "cors",
      referrerPolicy: "no-referrer",
      signal: new AbortController().signal,
    });
    expect(sent).toEqual([
      {
        id: 0,
        type: "fetch",
        url: "https://app.test/uplinks/data/x.json",
        init: { credentials: "omit", mode: "cors", referrerPolicy: "no-referrer" },
      },
    ]);
    reply(head(0, 200, [["content-type", "application/json"]]));
    const response = await pending;
    reply({ id: 0, type: "chunk", bytes: bytes('{"a":') });
    reply({ id: 0, type: "chunk", bytes: bytes("1}") });
    reply({ id: 0, type: "end" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ a: 1 });
  });

  it("gives a response without a body for a status that has none", async () => {
    const { port, reply } = fakeWorker();
    const pending = workerFetch(port, unused, BASE)("x");
    reply(head(0, 204));
    const response = await pending;
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it("turns the worker's errors into fetch's: a TypeError, or an AbortError", async () => {
    const { port, reply } = fakeWorker();
    const fetcher = workerFetch(port, unused, BASE);
    const failed = fetcher("a");
    const aborted = fetcher("b");
    reply({ id: 0, type: "error", message: "Failed to fetch", aborted: false });
    reply({ id: 1, type: "error", message: "aborted", aborted: true });
    await expect(failed).rejects.toThrow(TypeError);
    await expect(failed).rejects.toThrow("Failed to fetch");
    await expect(aborted).rejects.toMatchObject({ name: "AbortError" });
  });

  it("stops the worker's download when the signal aborts, before or after the head", async () => {
    const { port, sent, reply } = fakeWorker();
    const fetcher = workerFetch(port, unused, BASE);
    const early = new AbortController();
    const first = fetcher("a", { signal: early.signal });
    early.abort();
    await expect(first).rejects.toMatchObject({ name: "AbortError" });
    expect(sent.at(-1)).toEqual({ id: 0, type: "abort" });

    const late = new AbortController();
    const second = fetcher("b", { signal: late.signal });
    reply(head(1));
    const response = await second;
    reply({ id: 1, type: "chunk", bytes: bytes("part") });
    late.abort();
    await expect(response.text()).rejects.toMatchObject({ name: "AbortError" });
    expect(sent.at(-1)).toEqual({ id: 1, type: "abort" });
    // What the worker sends after an abort is for nobody.
    reply({ id: 1, type: "chunk", bytes: bytes("more") });
  });

  it("refuses at once a signal that has already aborted", async () => {
    const { port, sent } = fakeWorker();
    const controller = new AbortController();
    controller.abort();
    await expect(
      workerFetch(port, unused, BASE)("a", { signal: controller.signal }),
    ).rejects.toMatchObject({ name: "AbortError" });
    expect(sent).toEqual([]);
  });

  it("stops the worker's download when the reader cancels (fetchText, past its size limit)", async () => {
    const { port, sent, reply } = fakeWorker();
    const text = fetchText("big.json", {
      fetcher: workerFetch(port, unused, BASE),
      maxBytes: 4,
    });
    reply(head(0));
    await vi.waitFor(() => expect(port.onmessage).not.toBeNull());
    reply({ id: 0, type: "chunk", bytes: bytes("123456") });
    await expect(text).rejects.toMatchObject({ failure: "too-large" });
    expect(sent.at(-1)).toEqual({ id: 0, type: "abort" });
  });

  it("reads a whole file through fetchText, counting its progress", async () => {
    const { port, reply } = fakeWorker();
    const progress: number[] = [];
    const text = fetchText("t.json", {
      fetcher: workerFetch(port, unused, BASE),
      onProgress: (loaded) => progress.push(loaded),
    });
    reply(head(0, 200, [["content-length", "6"]]));
    reply({ id: 0, type: "chunk", bytes: bytes("[1,") });
    reply({ id: 0, type: "chunk", bytes: bytes("2]") });
    reply({ id: 0, type: "end" });
    expect(await text).toBe("[1,2]");
    expect(progress).toEqual([3, 5]);
  });

  it("falls back to the page's fetch when the worker fails: for what waits, and from then on", async () => {
    const { port, sent, reply, fail } = fakeWorker();
    const fallback = vi.fn(
      async (input: RequestInfo | URL) => new Response(`page:${String(input)}`),
    );
    const fetcher = workerFetch(port, fallback, BASE);
    const waiting = fetcher("a");
    const streaming = fetcher("b");
    reply(head(1));
    const streamed = await streaming;
    fail();
    expect(await (await waiting).text()).toBe("page:a");
    await expect(streamed.text()).rejects.toThrow(TypeError);
    expect(await (await fetcher("c")).text()).toBe("page:c");
    expect(fallback.mock.calls.map(([input]) => input)).toEqual(["a", "c"]);
    expect(sent.filter((m) => m.type === "fetch")).toHaveLength(2);
  });
});
