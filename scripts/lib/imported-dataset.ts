/**
 * A dataset built by an importer from public data, with what people add to it: a dataset file
 * (`data/datasets/<id>.yaml`) with an `import` field names the importer and its inputs, and gives
 * what an importer cannot know — the title, the description (what the data covers and what it
 * does not), the license, and the stories (and any events) told with it.
 */
import * as z from "zod";
import { issuesToProblems, type Problem } from "../../src/model/problems";
import {
  eventSchema,
  idSchema,
  isoDateSchema,
  LIMITS,
  licenseSchema,
  list,
  sourceSchema,
  storySchema,
} from "../../src/model/schema";
import { text, title } from "../../src/model/schema-fields";

/** The import formats a dataset file may name. */
export const IMPORT_FORMATS = ["telegeography"] as const;

/** One dated snapshot of the importer's input. */
const snapshotSchema = z.strictObject({
  /** The date the files stand for. */
  date: isoDateSchema,
  /**
   * The folder of the snapshot's files, relative to the dataset file. For TeleGeography:
   * `cable-geo.json`, `landing-point-geo.json` and `cable/<id>.json`.
   */
  dir: z
    .string({ error: "expected a folder, relative to the dataset file" })
    .min(1, { error: "expected a folder, relative to the dataset file" }),
});

export const importedDatasetSchema = z.strictObject({
  id: idSchema,
  title: title(),
  /** What the data covers and what it does not. */
  description: text("description"),
  /** The terms of the imported data: required, as public data comes with terms. */
  license: licenseSchema,
  import: z.strictObject({
    format: z.enum(IMPORT_FORMATS, {
      error: `not an import format (${IMPORT_FORMATS.join(", ")})`,
    }),
    snapshots: list(snapshotSchema, {
      what: "snapshots",
      max: LIMITS.stories,
      min: [1, "an import needs at least one snapshot"],
    }),
  }),
  /** Sources cited by the stories and events, beside the importer's own. */
  sources: list(sourceSchema, { what: "sources", max: LIMITS.stories }).optional(),
  events: list(eventSchema, { what: "events", max: LIMITS.events }).optional(),
  stories: list(storySchema, { what: "stories", max: LIMITS.stories }),
});

export type ImportedDataset = z.output<typeof importedDatasetSchema>;

/** True for a dataset file's value that asks for an import (it has an `import` field). */
export const isImportedDataset = (input: unknown): boolean =>
  input !== null && typeof input === "object" && !Array.isArray(input) && "import" in input;

/** The fields of a built topology that come from the dataset file, not from the importer. */
export const DATASET_FILE_FIELDS: ReadonlySet<string> = new Set([
  "title",
  "description",
  "license",
  "sources",
  "events",
  "stories",
]);

/** Checks the value of an imported dataset's file: the data, or every problem. */
export function checkImportedDataset(input: unknown): {
  data?: ImportedDataset;
  problems: Problem[];
} {
  const result = importedDatasetSchema.safeParse(input);
  if (result.success) return { data: result.data, problems: [] };
  return { problems: issuesToProblems(result.error.issues, input) };
}
