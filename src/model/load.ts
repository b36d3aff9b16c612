/** Fetching documents for the app: each failure names the file and what went wrong. */
import { parseJsonText } from "./json-text";
import { parseCatalog, parseTopology } from "./parse-topology";
import type { Catalog, Topology } from "./schema";

/** Bytes received so far and the total when the server says it (else `null`). */
export type ProgressListener = (loaded: number, total: number | null) => void;

async function readText(response: Response, onProgress?: ProgressListener): Promise<string> {
  const total = Number(response.headers.get("content-length")) || null;
  if (!onProgress || !response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, total);
  }
  const bytes = new Uint8Array(loaded);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** Fetches and parses JSON; errors name `url` and say what failed (network, HTTP status, syntax). */
export async function fetchJson(
  url: string,
  fetcher: typeof fetch = fetch,
  onProgress?: ProgressListener,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new Error(`${url}: could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok) {
    throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  return parseJsonText(await readText(response, onProgress), url);
}

/** The catalog at `url`, checked. */
export async function loadCatalog(url: string, fetcher?: typeof fetch): Promise<Catalog> {
  return parseCatalog(await fetchJson(url, fetcher), url);
}

/** A topology at `url`, checked with the same parser the pipeline uses. */
export async function loadTopology(
  url: string,
  fetcher?: typeof fetch,
  onProgress?: ProgressListener,
): Promise<Topology> {
  return parseTopology(await fetchJson(url, fetcher, onProgress), url);
}

/** Files larger than this are refused before they are read (a topology is usually under 1 MB). */
export const MAX_FILE_BYTES = 100 * 1_048_576;

/** What reading a file the person chose or dropped needs of it (a `File` has all of this). */
export interface LocalFile {
  readonly name: string;
  readonly size: number;
  text(): Promise<string>;
}

const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Why a file of `size` bytes is not read, naming it and its size; `null` when it may be. */
export function fileSizeProblem(
  file: Pick<LocalFile, "name" | "size">,
  limit = MAX_FILE_BYTES,
): string | null {
  return file.size > limit
    ? `${file.name} is ${megabytes(file.size)}; files over ${megabytes(limit)} are not opened`
    : null;
}

/** A topology from the text of the file `fileName`, checked as a fetched one is. */
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
  return readTopologyText(text, file.name);
}
