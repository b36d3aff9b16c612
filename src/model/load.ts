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
