import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  COMPACT_ADVICE,
  fetchText,
  fileSizeProblem,
  isJsonType,
  LoadError,
  type LocalFile,
  loadTopology,
  MAX_FILE_BYTES,
  readTopologyFile,
  readTopologyText,
} from "./load";
import { DocumentError, formatProblem } from "./problems";
import { validTopologyInput } from "./test-fixtures";

/** A file as the browser hands it over, with its text. */
const fileOf = (name: string, text: string, size = text.length): LocalFile => ({
  name,
  size,
  text: async () => text,
});

/** The problems a thrown DocumentError lists, formatted. */
function problemsThrown(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof DocumentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("fileSizeProblem", () => {
  it("lets a file up to the limit through", () => {
    expect(fileSizeProblem({ name: "a.json", size: 12_000 })).toBeNull();
    expect(fileSizeProblem({ name: "a.json", size: MAX_FILE_BYTES })).toBeNull();
  });

  it("names a file over the limit, its size and the limit", () => {
    expect(fileSizeProblem({ name: "huge.topology.json", size: 150 * 1_048_576 })).toBe(
      `huge.topology.json is 150.0 MB; files over 100.0 MB are not opened (${COMPACT_ADVICE})`,
    );
  });

  it("says that a compact file holds the same in a tenth of the size, naming the command", () => {
    expect(COMPACT_ADVICE).toBe(
      "a compact file holds the same in about a tenth of the size: npm run compact -- FILE --out OUT",
    );
    expect(fileSizeProblem({ name: "huge.topology.json", size: 150 * 1_048_576 })).toContain(
      "npm run compact -- FILE --out OUT",
    );
  });
});

describe("readTopologyText", () => {
  it("returns the topology of a valid file", () => {
    const topology = readTopologyText(JSON.stringify(validTopologyInput()), "mine.json");
    expect(topology.id).toBe("test");
  });

  it("names the file of a JSON syntax error; read as a file, its line and column too", async () => {
    const text = '{\n  "format": "uplinks-topology",\n}';
    expect(() => readTopologyText(text, "mine.json")).toThrow(
      /^mine\.json: \(root\): invalid JSON/,
    );
    const file = { name: "mine.json", size: text.length, text: async () => text };
    await expect(readTopologyFile(file)).rejects.toThrow(
      "mine.json: (root): invalid JSON at line 3, column 1: a property name in double quotes is expected",
    );
  });

  it("lists every problem of the schema, each with the file, path and value", () => {
    const doc = validTopologyInput();
    doc.events[0] = { ...doc.events[0], date: "2014-02-30" };
    doc.links[0] = { ...doc.links[0], to: "nowhere" };
    doc.sources[0] = { ...doc.sources[0], url: "ftp://example.org/a" };
    const text = JSON.stringify(doc);
    expect(problemsThrown(() => readTopologyText(text, "mine.json"))).toEqual([
      'sources[0].url: not an http(s) URL ("ftp://example.org/a")',
      'events[0].date: not a date (expected YYYY-MM-DD) ("2014-02-30")',
      'links[0].to: unknown node id ("nowhere")',
    ]);
    expect(() => readTopologyText(text, "mine.json")).toThrow(
      /^mine\.json: sources\[0\]\.url: .*\nmine\.json: events\[0\]\.date: .*\nmine\.json: links\[0\]\.to: /,
    );
  });
});

describe("readTopologyFile", () => {
  it("reads and checks a file", async () => {
    const file = fileOf("mine.json", JSON.stringify(validTopologyInput()));
    await expect(readTopologyFile(file)).resolves.toMatchObject({ id: "test" });
  });

  it("refuses a file over the limit without reading it", async () => {
    const file: LocalFile = {
      name: "big.json",
      size: 2_097_152,
      text: () => Promise.reject(new Error("read")),
    };
    await expect(readTopologyFile(file, 1_048_576)).rejects.toThrow(
      `big.json is 2.0 MB; files over 1.0 MB are not opened (${COMPACT_ADVICE})`,
    );
  });

  it("names a file that cannot be read", async () => {
    const file: LocalFile = {
      name: "gone.json",
      size: 10,
      text: () => Promise.reject(new Error("the file was moved")),
    };
    await expect(readTopologyFile(file)).rejects.toThrow(
      "gone.json: could not be read (the file was moved)",
    );
  });

  it("reports each problem of the broken file the end-to-end tests drop", () => {
    const text = readFileSync("e2e/fixtures/local/broken.topology.json", "utf8");
    expect(() => readTopologyText(text, "broken.topology.json")).toThrow(
      [
        'broken.topology.json: sources[0].url: not an http(s) URL ("ftp://example.org/alba-1.pdf")',
        'broken.topology.json: events[0].date: not a date (expected YYYY-MM-DD) ("2011-02-30")',
        'broken.topology.json: links[0].to: unknown node id ("santiago")',
      ].join("\n"),
    );
    const valid = readFileSync("e2e/fixtures/local/valid.topology.json", "utf8");
    expect(readTopologyText(valid, "valid.topology.json").id).toBe("cuba");
  });
});

/** A response whose body arrives as `chunks`, and a record of whether it was read or cancelled. */
function streamed(chunks: readonly Uint8Array[], headers: Record<string, string> = {}) {
  const seen = { pulls: 0, cancelled: false };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulls++;
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), seen };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);
const fetcherOf =
  (response: Response): typeof fetch =>
  async () =>
    response;
/** A fetch that never answers until its request is aborted. */
const silentFetch: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener("abort", () =>
      reject(new DOMException("aborted", "AbortError")),
    );
  });

/** The LoadError `promise` rejects with. */
async function loadErrorOf(promise: Promise<unknown>): Promise<LoadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LoadError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("fetchText", () => {
  it("returns the text and reports progress against the Content-Length", async () => {
    const { response } = streamed([bytesOf('{"a":'), bytesOf("1}")], { "content-length": "7" });
    const progress: [number, number | null][] = [];
    const text = await fetchText("x.json", {
      fetcher: fetcherOf(response),
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(text).toBe('{"a":1}');
    expect(progress).toEqual([
      [5, 7],
      [7, 7],
    ]);
  });

  it("refuses a body whose Content-Length is over the limit before reading it", async () => {
    const { response, seen } = streamed([bytesOf("{}")], { "content-length": String(2_097_152) });
    const error = await loadErrorOf(
      fetchText("big.json", { fetcher: fetcherOf(response), maxBytes: 1_048_576 }),
    );
    expect(error.failure).toBe("too-large");
    expect(error.message).toBe(
      `big.json: is 2.0 MB; files over 1.0 MB are not opened (${COMPACT_ADVICE})`,
    );
    expect(seen.pulls).toBeLessThanOrEqual(1); // a stream may pull once on its own; nothing is read
  });

  it("stops reading a body that streams past the limit without a Content-Length", async () => {
    const chunk = new Uint8Array(400_000);
    const { response, seen } = streamed([chunk, chunk, chunk, chunk, chunk]);
    const error = await loadErrorOf(
      fetchText("endless.json", { fetcher: fetcherOf(response), maxBytes: 1_048_576 }),
    );
    expect(error.failure).toBe("too-large");
    expect(error.message).toBe(
      `endless.json: is over 1.0 MB (stopped reading); files over 1.0 MB are not opened (${COMPACT_ADVICE})`,
    );
    expect(seen.cancelled).toBe(true);
    expect(seen.pulls).toBeLessThan(5);
  });

  it("uses 100 MB as the default limit", async () => {
    const { response } = streamed([], { "content-length": String(MAX_FILE_BYTES + 1) });
    const error = await loadErrorOf(fetchText("x.json", { fetcher: fetcherOf(response) }));
    expect(error.message).toBe(
      `x.json: is 100.0 MB; files over 100.0 MB are not opened (${COMPACT_ADVICE})`,
    );
  });

  it("names an HTTP error with its status", async () => {
    const response = new Response("nope", { status: 404, statusText: "Not Found" });
    const error = await loadErrorOf(fetchText("gone.json", { fetcher: fetcherOf(response) }));
    expect(error).toMatchObject({ failure: "http", message: "gone.json: HTTP 404 Not Found" });
  });

  it("names a network error", async () => {
    const fetcher: typeof fetch = () => Promise.reject(new TypeError("Failed to fetch"));
    const error = await loadErrorOf(fetchText("https://x.example/a.json", { fetcher }));
    expect(error).toMatchObject({
      failure: "network",
      message: "https://x.example/a.json: could not be fetched (Failed to fetch)",
    });
  });

  it("gives up after a time without data, saying so", async () => {
    const error = await loadErrorOf(
      fetchText("slow.json", { fetcher: silentFetch, idleTimeoutMs: 20 }),
    );
    expect(error).toMatchObject({
      failure: "timeout",
      message: "slow.json: timed out (no data for 0.02 s)",
    });
  });

  it("stops when cancelled", async () => {
    const controller = new AbortController();
    const pending = fetchText("x.json", { fetcher: silentFetch, signal: controller.signal });
    controller.abort();
    expect(await loadErrorOf(pending)).toMatchObject({
      failure: "cancelled",
      message: "x.json: cancelled",
    });
  });

  it("refuses a response that is not served as JSON, when asked to", async () => {
    const page = new Response("<!doctype html>", { headers: { "content-type": "text/html" } });
    const error = await loadErrorOf(
      fetchText("page", { fetcher: fetcherOf(page), requireJsonType: true }),
    );
    expect(error).toMatchObject({
      failure: "content-type",
      message: "page: is served as text/html, not as JSON (a web page: is the address right?)",
    });
  });

  it("reads strict UTF-8, without its byte order mark, and refuses UTF-16 and binary files", async () => {
    const text = (bytes: number[]) =>
      fetchText("x.json", { fetcher: fetcherOf(new Response(new Uint8Array(bytes))) });
    await expect(text([0xef, 0xbb, 0xbf, 0x7b, 0x7d])).resolves.toBe("{}");
    expect((await loadErrorOf(text([0xff, 0xfe, 0x7b, 0x00]))).message).toBe(
      "x.json: is UTF-16 text; a topology is UTF-8 JSON",
    );
    expect((await loadErrorOf(text([0x7b, 0xc3, 0x28, 0x7d]))).message).toBe(
      "x.json: is not UTF-8 text (is it a binary file?)",
    );
  });

  it("names the file as asked", async () => {
    const response = new Response("", { status: 500, statusText: "Server Error" });
    const error = await loadErrorOf(
      fetchText("https://a.example/x.json", { fetcher: fetcherOf(response), name: "x.json" }),
    );
    expect(error.message).toBe("x.json: HTTP 500 Server Error");
  });
});

describe("isJsonType", () => {
  it.each([
    [null, true],
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["text/json", true],
    ["application/geo+json", true],
    ["application/x-json", true],
    ["text/plain; charset=utf-8", true],
    ["application/octet-stream", true],
    ["text/html", false],
    ["application/xhtml+xml", false],
    ["image/svg+xml", false],
    ["text/javascript", false],
    ["application/jsonp", false],
  ])("%s: %s", (type, expected) => {
    expect(isJsonType(type)).toBe(expected);
  });
});

describe("loadTopology", () => {
  it("names the file in every problem of the document", async () => {
    const response = new Response('{"format": "uplinks-catalog", "version": 1}');
    await expect(
      loadTopology("https://a.example/x.json", { fetcher: fetcherOf(response), name: "x.json" }),
    ).rejects.toThrow(
      'x.json: format: not an Uplinks document of format "uplinks-topology" ("uplinks-catalog")',
    );
  });
});
