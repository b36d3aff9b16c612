/** The whole data build, in memory: every output file's path and text, or an error, never a part. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { buildTopologyJsonSchema, TOPOLOGY_SCHEMA_PATH } from "../../src/model/json-schema";
import { checkDatasetSource, parseCatalog, parseTopology } from "../../src/model/parse-topology";
import type { DatasetSource, Topology } from "../../src/model/schema";
import { buildImportedDataset, stampFileName } from "./build-imported";
import { buildTopology } from "./build-topology";
import { buildCatalog, topologyFileName } from "./catalog";
import { checkImportedDataset, type ImportedDataset, isImportedDataset } from "./imported-dataset";
import { type CheckedYaml, parseYamlWith, readSourceFile } from "./load-dataset";
import { BOUNDARIES_NOTE, naturalEarthIndex } from "./natural-earth";
import { stringifyStable } from "./stable-json";

export const DATASETS_DIR = "data/datasets";
export const OUTPUT_DIR = "public/data";
/** Where the stamps of imported datasets are kept (see `build-stamp.ts`), committed with the output. */
export const STAMPS_DIR = "data/build";
export const DEFAULT_DATASET = "north-korea";

/** Output files by path (relative to the repository root), in a stable order. */
export type BuildOutput = Map<string, string>;

export interface BuildOptions {
  /**
   * The folder the outputs of an earlier build are read from (`public/data/…`, `data/build/…`):
   * an imported dataset whose inputs have not changed since is kept, not imported again.
   * Default: the working directory, where `npm run build:data` writes.
   */
  readonly previous?: string | undefined;
  /** Told what is done beside writing files (an import run or kept). */
  readonly log?: ((line: string) => void) | undefined;
}

/** A dataset file, checked: curated (written by people) or imported (built by an importer). */
type DatasetFile =
  | { kind: "curated"; data: DatasetSource }
  | { kind: "imported"; yaml: CheckedYaml<ImportedDataset> };

function readDatasetFile(file: string): DatasetFile {
  const text = readSourceFile(file);
  let imported = false;
  const yaml = parseYamlWith<DatasetSource | ImportedDataset>(text, file, (input) => {
    imported = isImportedDataset(input);
    return imported ? checkImportedDataset(input) : checkDatasetSource(input);
  });
  return imported
    ? { kind: "imported", yaml: yaml as CheckedYaml<ImportedDataset> }
    : { kind: "curated", data: yaml.data as DatasetSource };
}

/**
 * Builds every dataset of `datasetsDir` plus the catalog and the JSON Schema. Throws on any
 * problem. Curated datasets are written plain; imported ones as `writeTopologyFile` writes an
 * import (compact when large), with their stamp.
 */
export async function buildAll(
  datasetsDir = DATASETS_DIR,
  defaultId = DEFAULT_DATASET,
  { previous = ".", log = () => {} }: BuildOptions = {},
): Promise<BuildOutput> {
  const files = readdirSync(datasetsDir)
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  let boundaries: ReturnType<typeof naturalEarthIndex> | undefined;
  const built: { topology: Topology; text: string; stamp?: string }[] = [];
  for (const name of files) {
    const file = join(datasetsDir, name);
    const dataset = readDatasetFile(file);
    const id = dataset.kind === "curated" ? dataset.data.id : dataset.yaml.data.id;
    const expectedId = name.replace(/\.yaml$/, "");
    if (id !== expectedId) {
      throw new Error(
        `${file}: id: must match the file name ("${expectedId}") (${JSON.stringify(id)})`,
      );
    }
    const outFile = join(OUTPUT_DIR, topologyFileName(id));
    if (dataset.kind === "curated") {
      boundaries ??= naturalEarthIndex();
      // The output passes the same check the app applies when it loads it.
      const topology = parseTopology(
        buildTopology(dataset.data, boundaries, BOUNDARIES_NOTE),
        outFile,
      );
      built.push({ topology, text: stringifyStable(topology) });
    } else {
      const started = performance.now();
      const result = await buildImportedDataset(file, dataset.yaml, outFile, {
        outputFile: join(previous, outFile),
        stampFile: join(previous, stampFileName(STAMPS_DIR, id)),
      });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(
        result.reused
          ? `${id}: inputs unchanged since the last build; kept ${outFile} (${seconds} s)`
          : `${id}: imported ${result.topology.links.length} links (${seconds} s)`,
      );
      built.push({ ...result, stamp: stringifyStable(result.stamp) });
    }
  }
  const topologies = built.map((b) => b.topology);
  const catalog = parseCatalog(buildCatalog(topologies, defaultId), join(OUTPUT_DIR, "index.json"));

  const output: BuildOutput = new Map();
  output.set(TOPOLOGY_SCHEMA_PATH, stringifyStable(buildTopologyJsonSchema()));
  output.set(join(OUTPUT_DIR, "index.json"), stringifyStable(catalog));
  for (const { topology, text, stamp } of built) {
    output.set(join(OUTPUT_DIR, topologyFileName(topology.id)), text);
    if (stamp) output.set(stampFileName(STAMPS_DIR, topology.id), stamp);
  }
  return output;
}
