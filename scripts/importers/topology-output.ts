/** The end of every import: one sorted topology, checked with the shared schema, written whole. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseTopology } from "../../src/model/parse-topology";
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

const byKey =
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
    networks: [...data.networks].sort((a, b) => a.asn - b.asn),
    nodes: [...data.nodes].sort(byKey((n) => n.id)),
    links: [...data.links].sort(byKey((l) => l.id)),
    events: [],
    stories: [],
  };
}

/**
 * Checks `topology` with the schema the app uses (throws a DocumentError naming `file` if it does
 * not pass) and writes it as stable JSON. The text goes to a temporary file that is renamed into
 * place, so `file` is either the whole new document or untouched.
 */
export function writeTopologyFile(file: string, topology: Topology): string {
  const checked = parseTopology(topology, file);
  const text = stringifyStable(checked);
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.partial`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return text;
}
