/**
 * The stamp of a built file: a hash of everything its build read, and a hash of the text it
 * wrote. A build whose inputs hash the same as the stamp's, and whose earlier file is still the
 * one written, can keep that file instead of building it again.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";

/** What a stamp file holds. */
export interface Stamp {
  /** SHA-256 of the inputs: data files, the dataset file, the code that builds from them. */
  readonly inputs: string;
  /** SHA-256 of the text of the file built from them. */
  readonly output: string;
}

const stampSchema = z.strictObject({
  inputs: z.string().regex(/^[0-9a-f]{64}$/),
  output: z.string().regex(/^[0-9a-f]{64}$/),
});

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * The code an import's output depends on: the importers, the pipeline, the model (schema,
 * geometry, the compact forms), and the locked versions of packages (the boundaries come from
 * `world-atlas`). Tests are left out: they change no output.
 */
const CODE = ["scripts/importers", "scripts/lib", "src/model", "package-lock.json"];
const TEST_CODE = /(\.test\.ts|\.test-helper\.ts|\/test-fixtures\.ts)$|\/fixtures\//;
const isCode = (file: string) =>
  basename(file) === "package-lock.json" || (file.endsWith(".ts") && !TEST_CODE.test(file));

/** Every file under `path` (or `path` itself) that `keep` accepts, sorted, whatever the disk's order. */
function filesUnder(path: string, keep: (file: string) => boolean = () => true): string[] {
  const files = statSync(path).isDirectory()
    ? readdirSync(path, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
    : [path];
  return files.filter(keep).sort();
}

/**
 * The SHA-256 of `datasetFile`, every file of the `dataDirs` and the code the import runs, each
 * with its name (relative to the repository, or its folder), so a renamed file changes it too.
 */
export function inputsHash(datasetFile: string, dataDirs: readonly string[]): string {
  const hash = createHash("sha256");
  const add = (name: string, file: string) => {
    hash.update(`${name}\0`);
    hash.update(readFileSync(file));
    hash.update("\0");
  };
  add("dataset", datasetFile);
  dataDirs.forEach((dir, i) => {
    for (const file of filesUnder(dir)) add(`data ${i} ${relative(dir, file)}`, file);
  });
  for (const part of CODE) {
    for (const file of filesUnder(join(REPO_ROOT, part), isCode)) {
      add(relative(REPO_ROOT, file), file);
    }
  }
  return hash.digest("hex");
}

/** The SHA-256 of a file's text. */
export const textHash = (text: string): string =>
  createHash("sha256").update(text, "utf8").digest("hex");

/** The stamp of `text` built from inputs of hash `inputs`. */
export const buildStamp = (inputs: string, text: string): Stamp => ({
  inputs,
  output: textHash(text),
});

/** The stamp in `file`, or `undefined` when there is none or it is not a stamp. */
export function readStamp(file: string): Stamp | undefined {
  try {
    const parsed = stampSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
