/**
 * An imported dataset → its topology and the text of its file: the importer run on the dataset
 * file's snapshots, the file's title, description, license, sources, events and stories laid
 * over its output. An import of several snapshots takes seconds, so when nothing it reads has
 * changed since the last build — the snapshot files, the dataset file, the pipeline's and the
 * model's code — the file written then is kept (see `build-stamp.ts`).
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseTopology } from "../../src/model/parse-topology";
import { DocumentError } from "../../src/model/problems";
import type { Topology } from "../../src/model/schema";
import { createImportReport } from "../importers/import-report";
import { importTelegeography, snapshotInDir } from "../importers/telegeography";
import { byKey, checkCompactText, pathFormOf, topologyText } from "../importers/topology-output";
import { buildStamp, inputsHash, readStamp, type Stamp, textHash } from "./build-stamp";
import { DATASET_FILE_FIELDS, type ImportedDataset } from "./imported-dataset";
import { type CheckedYaml, SourceFileError } from "./load-dataset";

/** What {@link buildImportedDataset} gives the pipeline. */
export interface ImportedBuild {
  readonly topology: Topology;
  /** The text of the topology file. */
  readonly text: string;
  /** The stamp of the inputs and the text, to write beside it. */
  readonly stamp: Stamp;
  /** True when the earlier file was kept (its inputs are unchanged). */
  readonly reused: boolean;
}

/** Where to find what an earlier build wrote. */
export interface PreviousBuild {
  /** The topology file an earlier build wrote, if any. */
  readonly outputFile: string;
  /** Its stamp file. */
  readonly stampFile: string;
}

/** The snapshot folders of `dataset`, resolved against the folder of its file. */
const snapshotDirs = (file: string, dataset: ImportedDataset) =>
  dataset.import.snapshots.map((s) => ({ date: s.date, dir: resolve(dirname(file), s.dir) }));

/**
 * Builds the imported dataset of `file` (checked as `yaml`), or keeps the earlier output when its
 * inputs are unchanged. `outputFile` names the topology in messages. Throws a SourceFileError
 * naming `file` and the line for a problem of what the file adds (a story selecting a link the
 * import does not have, say), an InputError for the importer's inputs.
 */
export async function buildImportedDataset(
  file: string,
  yaml: CheckedYaml<ImportedDataset>,
  outputFile: string,
  previous?: PreviousBuild,
): Promise<ImportedBuild> {
  const dataset = yaml.data;
  const dirs = snapshotDirs(file, dataset);
  const missing = dirs.flatMap(({ dir }, i) => {
    if (existsSync(dir) && statSync(dir).isDirectory()) return [];
    const path = ["import", "snapshots", i, "dir"];
    const value = dataset.import.snapshots[i]?.dir;
    return [{ path, message: "no such folder", value, line: yaml.lineOf(path) }];
  });
  if (missing.length > 0) throw new SourceFileError(file, missing);
  const inputs = inputsHash(
    file,
    dirs.map((d) => d.dir),
  );
  if (previous) {
    const kept = keptBuild(inputs, previous, outputFile);
    if (kept) return kept;
  }
  const report = createImportReport(dataset.import.format);
  const { topology: imported } = await importTelegeography(
    { snapshots: dirs.map(({ date, dir }) => snapshotInDir(dir, date)), id: dataset.id },
    report,
  );
  const topology = overlay(imported, dataset);
  let checked: Topology;
  try {
    checked = parseTopology(topology, outputFile);
  } catch (error) {
    throw error instanceof DocumentError ? locate(error, file, yaml, topology) : error;
  }
  const text = topologyText(checked);
  if (pathFormOf(checked) === "compact") checkCompactText(outputFile, text, checked);
  return { topology: checked, text, stamp: buildStamp(inputs, text), reused: false };
}

/** The earlier build, if its inputs are those of now and its file is the one it wrote. */
function keptBuild(
  inputs: string,
  previous: PreviousBuild,
  outputFile: string,
): ImportedBuild | undefined {
  const stamp = readStamp(previous.stampFile);
  if (!stamp || stamp.inputs !== inputs || !existsSync(previous.outputFile)) return undefined;
  const text = readFileSync(previous.outputFile, "utf8");
  if (textHash(text) !== stamp.output) return undefined;
  return { topology: parseTopology(JSON.parse(text), outputFile), text, stamp, reused: true };
}

/** The imported topology with what the dataset file adds, in the document's field order. */
function overlay(imported: Topology, dataset: ImportedDataset): Topology {
  return {
    ...imported,
    id: dataset.id,
    title: dataset.title,
    description: dataset.description,
    license: dataset.license,
    sources: [...imported.sources, ...(dataset.sources ?? [])].sort(byKey((s) => s.id)),
    events: [...(dataset.events ?? [])].sort(byKey((e) => `${e.date} ${e.id}`)),
    stories: dataset.stories,
  };
}

/**
 * The problems of the built topology, those of what the dataset file adds named at its lines
 * (`world-cables.yaml:88: stories[0].steps[2].select: unknown link id`); the others are the
 * importer's, named at the output file.
 */
function locate(
  error: DocumentError,
  file: string,
  yaml: CheckedYaml<ImportedDataset>,
  topology: Topology,
): Error {
  const ours = error.problems.flatMap((problem) => {
    const path = pathInFile(problem.path, yaml.data, topology);
    return path ? [{ ...problem, path, line: yaml.lineOf(path) }] : [];
  });
  return ours.length > 0 ? new SourceFileError(file, ours) : error;
}

/**
 * Where `path` of the built topology is in the dataset file, or `undefined` if the importer wrote
 * it. Sources and events are sorted in the topology, so their indices are found again by id.
 */
function pathInFile(
  path: readonly (string | number)[],
  dataset: ImportedDataset,
  topology: Topology,
): (string | number)[] | undefined {
  const [key, index, ...rest] = path;
  if (!DATASET_FILE_FIELDS.has(String(key))) return undefined;
  if ((key !== "sources" && key !== "events") || typeof index !== "number") return [...path];
  const id = topology[key][index]?.id;
  const at = (dataset[key] ?? []).findIndex((item) => item.id === id);
  return at < 0 ? undefined : [key, at, ...rest];
}

/** The stamp file kept beside the topology file `id` in `stampsDir`. */
export const stampFileName = (stampsDir: string, id: string) => join(stampsDir, `${id}.json`);
