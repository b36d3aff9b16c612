/** Fetching documents for the app: each failure names the file and what went wrong. */
import { parseJsonText, parseJsonTextLocated } from "./json-text";
import { parseCatalog, parseTopology } from "./parse-topology";
import type { Catalog, Topology } from "./schema";

/** Bytes received so far and the total when the server says it (else `null`). */
export type ProgressListener = (loaded: number, total: number | null) => void;

/** What went wrong with a download. */
export type LoadFailure =
  | "network"
  | "http"
  | "timeout"
  | "too-large"
  | "content-type"
  | "encoding"
  | "cancelled";

/** A download that failed; the message names the file and says what failed. */
export class LoadError extends Error {
  override readonly name = "LoadError";
  constructor(
    /** The file as messages name it. */
    readonly file: string,
    readonly failure: LoadFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface FetchOptions {
  readonly fetcher?: typeof fetch;
  readonly onProgress?: ProgressListener;
  /** Cancels the download (it then fails with `cancelled`). */
  readonly signal?: AbortSignal;
  /** A download larger than this is refused: by its Content-Length, or while it streams. */
  readonly maxBytes?: number;
  /** Gives up when no response, or no data, came for this long (milliseconds). */
  readonly idleTimeoutMs?: number;
  /** Refuses a response whose Content-Type is not JSON, plain text or bytes (see {@link isJsonType}). */
  readonly requireJsonType?: boolean;
  /** Further request options (e.g. `credentials: "omit"`). */
  readonly init?: RequestInit;
  /** How messages name the file (by default, its address). */
  readonly name?: string;
}

/** Files larger than this are refused before they are read (a topology is usually under 1 MB). */
export const MAX_FILE_BYTES = 100 * 1_048_576;

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * What to do about a file over the limit, said after the refusal: a file that large is nearly
 * always plain paths, which the compact forms (`compact-topology.ts`) hold in a tenth of the size.
 */
export const COMPACT_ADVICE =
  "a compact file holds the same in about a tenth of the size: npm run compact -- FILE --out OUT";

/** The refusal of a file of `size` (or "over …" when only that is known) against `limit`. */
const tooLargeMessage = (size: string, limit: number) =>
  `${size}; files over ${megabytes(limit)} are not opened (${COMPACT_ADVICE})`;

/**
 * True for a Content-Type a topology may be served with: any JSON type (`application/json`,
 * `text/json`, `application/geo+json`…), plain text or bytes (as raw file hosts serve them), or
 * none. An HTML page, an image or a script is not read.
 */
export function isJsonType(contentType: string | null): boolean {
  const essence = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    essence === "" ||
    essence === "text/plain" ||
    essence === "application/octet-stream" ||
    essence === "binary/octet-stream" ||
    /^[a-z]+\/(?:[a-z0-9.+-]*[+.-])?json$/.test(essence)
  );
}

/** The text of `bytes` as strict UTF-8 (a UTF-8 byte order mark is dropped, as JSON allows). */
function decodeUtf8(url: string, bytes: Uint8Array): string {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) {
    throw new LoadError(url, "encoding", `${url}: is UTF-16 text; a topology is UTF-8 JSON`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new LoadError(url, "encoding", `${url}: is not UTF-8 text (is it a binary file?)`);
  }
}

/**
 * Downloads `address` as text, counting bytes as they arrive: a body over `maxBytes` is refused by its
 * Content-Length before it is read, or stopped as soon as it streams past the limit. Errors are
 * {@link LoadError}s naming the file (`options.name`, or `address`).
 */
export async function fetchText(address: string, options: FetchOptions = {}): Promise<string> {
  const { fetcher = fetch, onProgress, signal, maxBytes = MAX_FILE_BYTES, idleTimeoutMs } = options;
  const name = options.name ?? address;
  const controller = new AbortController();
  const cancel = () => controller.abort();
  signal?.addEventListener("abort", cancel);
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    if (idleTimeoutMs === undefined) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, idleTimeoutMs);
  };
  /** What an exception from fetching or reading means. */
  const failure = (error: unknown) => {
    if (error instanceof LoadError) return error;
    if (timedOut) {
      return new LoadError(
        name,
        "timeout",
        `${name}: timed out (no data for ${(idleTimeoutMs ?? 0) / 1000} s)`,
      );
    }
    if (signal?.aborted) return new LoadError(name, "cancelled", `${name}: cancelled`);
    return new LoadError(
      name,
      "network",
      `${name}: could not be fetched (${error instanceof Error ? error.message : String(error)})`,
    );
  };
  try {
    if (signal?.aborted) throw new LoadError(name, "cancelled", `${name}: cancelled`);
    arm();
    const response = await fetcher(address, { ...options.init, signal: controller.signal });
    if (!response.ok) {
      throw new LoadError(
        name,
        "http",
        `${name}: HTTP ${response.status} ${response.statusText}`.trim(),
      );
    }
    const type = response.headers.get("content-type");
    if (options.requireJsonType && !isJsonType(type)) {
      const page = /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(type ?? "");
      throw new LoadError(
        name,
        "content-type",
        `${name}: is served as ${type}, not as JSON${page ? " (a web page: is the address right?)" : ""}`,
      );
    }
    const total = Number(response.headers.get("content-length")) || null;
    if (total !== null && total > maxBytes) {
      throw new LoadError(
        name,
        "too-large",
        `${name}: is ${tooLargeMessage(megabytes(total), maxBytes)}`,
      );
    }
    const tooLarge = () =>
      new LoadError(
        name,
        "too-large",
        `${name}: is over ${tooLargeMessage(`${megabytes(maxBytes)} (stopped reading)`, maxBytes)}`,
      );
    if (!response.body) {
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > maxBytes) throw tooLarge();
      return decodeUtf8(name, bytes);
    }
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      arm();
      loaded += value.byteLength;
      if (loaded > maxBytes) {
        reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
      // A compressed body's Content-Length counts compressed bytes: past it, the total is unknown.
      onProgress?.(loaded, total !== null && loaded <= total ? total : null);
    }
    const bytes = new Uint8Array(loaded);
    let offset = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return decodeUtf8(name, bytes);
  } catch (error) {
    throw failure(error);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", cancel);
  }
}

/** Fetches and parses JSON; errors name `url` and say what failed (network, HTTP status, syntax). */
export async function fetchJson(
  url: string,
  fetcher: typeof fetch = fetch,
  onProgress?: ProgressListener,
): Promise<unknown> {
  return parseJsonTextLocated(
    await fetchText(url, { fetcher, ...(onProgress ? { onProgress } : {}) }),
    url,
  );
}

/** The catalog at `url`, checked. */
export async function loadCatalog(url: string, fetcher?: typeof fetch): Promise<Catalog> {
  return parseCatalog(await fetchJson(url, fetcher), url);
}

/**
 * A topology at `url`, checked with the same parser the pipeline uses. Errors name the file as
 * `options.name` (by default `url`).
 */
export async function loadTopology(url: string, options: FetchOptions = {}): Promise<Topology> {
  const name = options.name ?? url;
  return parseTopology(await parseJsonTextLocated(await fetchText(url, options), name), name);
}

/** What reading a file the person chose or dropped needs of it (a `File` has all of this). */
export interface LocalFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

/** Why a file of `size` bytes is not read, naming it and its size; `null` when it may be. */
export function fileSizeProblem(
  file: Pick<LocalFile, "name" | "size">,
  limit = MAX_FILE_BYTES,
): string | null {
  return file.size > limit
    ? `${file.name} is ${tooLargeMessage(megabytes(file.size), limit)}`
    : null;
}

/**
 * A topology from the text of the file `fileName`, checked as a fetched one is (a syntax error
 * not located: `readTopologyFile` and `loadTopology` say where).
 */
export function readTopologyText(text: string, fileName: string): Topology {
  return parseTopology(parseJsonText(text, fileName), fileName);
}

/**
 * Reads and checks a topology file from this computer (it is not sent anywhere). Throws an error
 * naming the file: too large, unreadable, or a {@link DocumentError} listing every problem.
 */
export async function readTopologyFile(file: LocalFile, limit = MAX_FILE_BYTES): Promise<Topology> {
  const tooLarge = fileSizeProblem(file, limit);
  if (tooLarge) throw new Error(tooLarge);
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new Error(`${file.name}: could not be read (${(error as Error).message})`);
  }
  return parseTopology(await parseJsonTextLocated(text, file.name), file.name);
}
