/** Fetching documents for the app: each failure names the file and what went wrong. */
import { parseCatalog, parseTopology } from "./parse-topology";
import type { Catalog, Topology } from "./schema";

/** Fetches and parses JSON, with an error that names `url` for network, HTTP and syntax failures. */
export async function fetchJson(url: string, fetcher: typeof fetch = fetch): Promise<unknown> {
  let response: Response;
  try {
    response = await fetcher(url);
  } catch (error) {
    throw new Error(`${url}: could not be fetched (${(error as Error).message})`);
  }
  if (!response.ok)
    throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`.trim());
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${url}: not valid JSON (${(error as Error).message})`);
  }
}

/** The catalog at `url`, checked. */
export async function loadCatalog(url: string, fetcher?: typeof fetch): Promise<Catalog> {
  return parseCatalog(await fetchJson(url, fetcher), url);
}

/** A topology at `url`, checked with the same parser the pipeline uses. */
export async function loadTopology(url: string, fetcher?: typeof fetch): Promise<Topology> {
  return parseTopology(await fetchJson(url, fetcher), url);
}
