/** The end of every import: one sorted topology, checked with the shared schema, written whole. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { type CompactPathEncoding, DEFAULT_PATH_DECIMALS } from "../../src/model/compact-path";
import { encodeTableTopology } from "../../src/model/compact-topology";
import { compareNetworks } from "../../src/model/network-order";
import { parseTopology } from "../../src/model/parse-topology";
import { DocumentError } from "../../src/model/problems";
import {
  type Link,
  type Network,
  type Source,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
  type TopologyNode,
} from "../../src/model/schema";
import { BOUNDARIES_NOTE } from "../lib/natural-earth";
import { stringifyStable } from "../lib/stable-json";
import { topologyDifferences } from "../lib/topology-compare";

/** What an importer produces, before sorting and the computed document fields. */
export interface ImportedTopology {
  id: string;
  title: string;
  description: string;
  /** The date the data stands for (`--updated`). */
  updated: string;
  sources: Source[];
  networks: Network[];
  nodes: TopologyNode[];
  links: Link[];
}

/** Orders records by a text key, as the pipeline sorts (code units, not the locale). */
export const byKey =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/** From the earliest to the latest date of the links' intervals, and at least to `updated`. */
export function importedTimeRange(updated: string, links: readonly Link[]): [string, string] {
  let first = updated;
  let last = updated;
  for (const link of links) {
    for (const { from, to } of link.active) {
      if (from < first) first = from;
      if (from > last) last = from;
      if (to && to > last) last = to;
    }
  }
  return [first, last];
}

/** The topology document, sorted as the pipeline sorts (sources, nodes, links by id; networks by AS). */
export function assembleTopology(data: ImportedTopology): Topology {
  return {
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    id: data.id,
    title: data.title,
    description: data.description,
    updated: data.updated,
    boundaries: BOUNDARIES_NOTE,
    timeRange: importedTimeRange(data.updated, data.links),
    sources: [...data.sources].sort(byKey((s) => s.id)),
    networks: [...data.networks].sort(compareNetworks),
    nodes: [...data.nodes].sort(byKey((n) => n.id)),
    links: [...data.links].sort(byKey((l) => l.id)),
    events: [],
    stories: [],
  };
}

/** How a written file holds its links: records with `[lon, lat]` vertices, or the link table. */
export type PathForm = "plain" | "compact";
export const PATH_FORMS: readonly PathForm[] = ["plain", "compact"];

/**
 * Above this many links an output is written compact: the link table with compact paths opens
 * several times faster, and is several times smaller, than records with plain vertices. At or below
 * it, plain records read well in a diff and by eye.
 */
export const COMPACT_ABOVE_LINKS = 300;

/** How {@link topologyText} writes a topology. */
export interface TopologyTextOptions {
  /** The form; default: compact above {@link COMPACT_ABOVE_LINKS} links, else plain. */
  readonly paths?: PathForm | undefined;
  /** Decimals of compact paths (default 5: 1e-5°, about 1 m). */
  readonly decimals?: number | undefined;
  /** The encoding of compact paths; default: each path in the shorter form. */
  readonly encoding?: CompactPathEncoding | "shortest" | undefined;
}

/** The form {@link topologyText} writes `topology` in under `options`. */
export const pathFormOf = (topology: Topology, options: TopologyTextOptions = {}): PathForm =>
  options.paths ?? (topology.links.length > COMPACT_ABOVE_LINKS ? "compact" : "plain");

/** The text of the file `topology` is written as, in the form `options` choose (stable JSON). */
export function topologyText(topology: Topology, options: TopologyTextOptions = {}): string {
  if (pathFormOf(topology, options) === "plain") return stringifyStable(topology);
  const { decimals = DEFAULT_PATH_DECIMALS, encoding = "shortest" } = options;
  return stringifyStable(encodeTableTopology(topology, { decimals, encoding }));
}

/**
 * Reads the compact `text` back and throws a DocumentError naming `file` unless it is `topology`
 * again: valid, every link there, paths within half a unit of the last decimal written. A compact
 * file rounds paths and moves links into a table, so a writer that loses anything is caught here,
 * not by the person who opens the file. (Plain text is the checked topology as JSON: nothing to
 * lose.)
 */
export function checkCompactText(
  file: string,
  text: string,
  topology: Topology,
  decimals: number = DEFAULT_PATH_DECIMALS,
): void {
  const reread = parseTopology(JSON.parse(text), file);
  const differences = topologyDifferences(topology, reread, { decimals });
  if (differences.length > 0) {
    throw new DocumentError(
      file,
      differences.map((d) => ({
        path: [],
        message: `the compact form reads back differently from the topology: ${d}`,
      })),
    );
  }
}

/**
 * Checks `topology` with the schema the app uses (throws a DocumentError naming `file` if it does
 * not pass), encodes it — compact above {@link COMPACT_ABOVE_LINKS} links, unless
 * `options.paths` says which — and writes it once a compact text has read back as the same
 * topology. Returns the text written.
 */
export function writeTopologyFile(
  file: string,
  topology: Topology,
  options: TopologyTextOptions = {},
): string {
  const checked = parseTopology(topology, file);
  const text = topologyText(checked, options);
  if (pathFormOf(checked, options) === "compact") {
    checkCompactText(file, text, checked, options.decimals);
  }
  writeFileWhole(file, text);
  return text;
}

/**
 * Writes `text` to a temporary file that is renamed into place, so `file` is either the whole new
 * document or untouched.
 */
export function writeFileWhole(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
