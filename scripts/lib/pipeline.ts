/** The whole data build, in memory: every output file's path and text, or an error, never a part. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildTopologyJsonSchema, TOPOLOGY_SCHEMA_PATH } from "../../src/model/json-schema";
import { parseCatalog, parseTopology } from "../../src/model/parse-topology";
import { buildTopology } from "./build-topology";
import { buildCatalog, topologyFileName } from "./catalog";
import { loadDatasetSource } from "./load-dataset";
import { BOUNDARIES_NOTE, naturalEarthIndex } from "./natural-earth";
import { stringifyStable } from "./stable-json";

export const DATASETS_DIR = "data/datasets";
export const OUTPUT_DIR = "public/data";
export const DEFAULT_DATASET = "north-korea";

/** Output files by path (relative to the repository root), in a stable order. */
export type BuildOutput = Map<string, string>;

/** Builds every dataset of `datasetsDir` plus the catalog and the JSON Schema. Throws on any problem. */
export function buildAll(datasetsDir = DATASETS_DIR, defaultId = DEFAULT_DATASET): BuildOutput {
  const files = readdirSync(datasetsDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  const boundaries = naturalEarthIndex();
  const topologies = files.map((name) => {
    const file = join(datasetsDir, name);
    const source = loadDatasetSource(file);
    const expectedId = name.replace(/\.yaml$/, "");
    if (source.id !== expectedId) {
      throw new Error(
        `${file}: id: must match the file name ("${expectedId}") (${JSON.stringify(source.id)})`,
      );
    }
    const outFile = join(OUTPUT_DIR, topologyFileName(source.id));
    // The output passes the same check the app applies when it loads it.
    return parseTopology(buildTopology(source, boundaries, BOUNDARIES_NOTE), outFile);
  });
  const catalog = parseCatalog(buildCatalog(topologies, defaultId), join(OUTPUT_DIR, "index.json"));

  const output: BuildOutput = new Map();
  output.set(TOPOLOGY_SCHEMA_PATH, stringifyStable(buildTopologyJsonSchema()));
  output.set(join(OUTPUT_DIR, "index.json"), stringifyStable(catalog));
  for (const topology of topologies) {
    output.set(join(OUTPUT_DIR, topologyFileName(topology.id)), stringifyStable(topology));
  }
  return output;
}
