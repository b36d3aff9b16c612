/**
 * Parsing at the edge: unknown JSON in, typed and fully checked documents out, or its problems.
 *
 * A document's problems are listed in full up to {@link MAX_PROBLEMS}; past that, checking stops
 * with a last problem that says so. Without that bound, a small file of many broken records (a
 * megabyte of `{}` in `links`) would make millions of problems and take minutes and gigabytes.
 */
import * as z from "zod";
import { createCoordinateArena, decodeCompactPath } from "./compact-path";
import { count } from "./count";
import { readLinkTable } from "./link-table";
import { decodeCompactParts } from "./packed-parts";
import { withPackedPath } from "./path-coordinates";
import { DocumentError, issuesToProblems, type Problem } from "./problems";
import { checkReferences } from "./references";
import {
  CATALOG_FORMAT,
  type Catalog,
  catalogSchema,
  type DatasetSource,
  datasetSourceSchema,
  LIMITS,
  linkSchemaByPath,
  RECORD_LISTS,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
  topologySchema,
} from "./schema";

/** At most this many problems are listed for one document. */
export const MAX_PROBLEMS = 1_000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Checks `format` and `version` first: a document of another kind or version is not read further. */
function checkHeader(input: unknown, format: string): Problem[] {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return [{ path: [], message: "expected a JSON object", value: input }];
  }
  const doc = input as Record<string, unknown>;
  if (doc.format !== format) {
    return [
      {
        path: ["format"],
        message: `not an Uplinks document of format "${format}"`,
        value: doc.format,
      },
    ];
  }
  if (doc.version !== TOPOLOGY_VERSION) {
    return [
      {
        path: ["version"],
        message: `unsupported version (this app reads version ${TOPOLOGY_VERSION})`,
        value: doc.version,
      },
    ];
  }
  return [];
}

/** The last problem of a list cut short at {@link MAX_PROBLEMS}. */
const TRUNCATED: Problem = {
  path: [],
  message: `more problems not listed: checking stopped after the first ${count(MAX_PROBLEMS)}`,
};

/**
 * How to check one kind of document: its schema, and the fields that hold lists of records,
 * which are checked a record at a time (so checking can stop early) while the rest of the
 * document is checked with those lists' lengths only.
 */
interface Checker<T> {
  /** The document's fields, in the schema's order. */
  readonly fields: readonly string[];
  /** A reader of the records of each list, made for each document. */
  readonly readers: () => Readonly<Record<string, RecordReader>>;
  /** Fields that hold a table of records (an object of columns), with their reader. */
  readonly tables: Readonly<Record<string, TableReader>>;
  /** The schema with each list reduced to its first stage: a list of the right length. */
  readonly shell: z.ZodType;
  /** Only for the type of what `check` returns. */
  readonly schema: z.ZodType<T>;
}

/**
 * Reads a table (see `link-table.ts`): the records of its valid rows, to be added to the list
 * `into`, and its problems (paths within the table), at most `limit`.
 */
interface TableReader {
  readonly into: string;
  readonly read: (
    table: Record<string, unknown>,
    doc: Record<string, unknown>,
    limit: number,
  ) => { records: unknown[]; problems: Problem[] };
}

/** Checks one record: its checked value, or its problems (paths within the record). */
type RecordReader = (
  value: unknown,
) => { data: unknown; problems?: undefined } | { problems: Problem[] };

const readWith =
  (schema: z.ZodType): RecordReader =>
  (value) => {
    const result = schema.safeParse(value);
    return result.success
      ? { data: result.data }
      : { problems: issuesToProblems(result.error.issues, value) };
  };

/**
 * `lists`: the record schema of each list field. `readers`: for lists whose records need more
 * than their schema, a reader made for each document (it may keep state for that document).
 */
function createChecker<T>(
  schema: z.ZodObject & z.ZodType<T>,
  lists: Readonly<Record<string, z.ZodType>> = {},
  readers: () => Readonly<Record<string, RecordReader>> = () => ({}),
  tables: Readonly<Record<string, TableReader>> = {},
): Checker<T> {
  const shellFields = Object.fromEntries(
    Object.keys(lists).map((key) => [key, (schema.shape[key] as z.ZodPipe).in]),
  );
  // A table's columns are checked by its reader; the shell checks only that it is an object.
  const tableShells = Object.fromEntries(
    Object.keys(tables).map((key) => [
      key,
      z
        .record(z.string(), z.unknown(), { error: "expected a table (an object of columns)" })
        .optional(),
    ]),
  );
  const plain = Object.fromEntries(Object.entries(lists).map(([key, s]) => [key, readWith(s)]));
  return {
    fields: Object.keys(schema.shape),
    readers: () => ({ ...plain, ...readers() }),
    tables,
    shell: schema.extend({ ...shellFields, ...tableShells }),
    schema,
  };
}

/** Which form a link's `path` is in (see `link-schema.ts`), by its first item; "plain" when unsure. */
function pathForm(path: unknown): keyof typeof linkSchemaByPath {
  if (typeof path === "string") return "compact";
  if (!Array.isArray(path)) return "plain";
  const first: unknown = path[0];
  if (typeof first === "string") return "compactParts";
  return Array.isArray(first) && Array.isArray(first[0]) ? "plainParts" : "plain";
}

/**
 * Reads the links of one document, whose paths may be plain or compact (see `compact-path.ts`),
 * of one part or several. Each link is checked against the schema of its path's form, so a
 * broken vertex gets one complaint, named by its part (`path[1][0]`), not one per form. Compact
 * paths are decoded into one arena of coordinates for the document; a decoded link's `path`
 * reads as vertices (see `path-coordinates.ts`). A list of one part reads as that part.
 */
function createLinkReader(): RecordReader {
  const plain = readWith(linkSchemaByPath.plain);
  const plainParts = readWith(linkSchemaByPath.plainParts);
  const compact = readWith(linkSchemaByPath.compact);
  const compactParts = readWith(linkSchemaByPath.compactParts);
  const allocate = createCoordinateArena();

  const readCompact = (value: Record<string, unknown>, text: string) => {
    const read = compact(value);
    if (read.problems?.some((p) => p.path[0] === "path")) return read;
    const decoded = decodeCompactPath(text, { allocate, maxVertices: LIMITS.pathVertices });
    if (decoded.problem !== undefined) {
      const problem: Problem = { path: ["path"], message: decoded.problem, value: text };
      return { problems: [...(read.problems ?? []), problem] };
    }
    if (read.problems) return read;
    return { data: withPackedPath(read.data as { path: string }, decoded.coordinates) };
  };

  const readCompactParts = (value: Record<string, unknown>, texts: string[]) => {
    const read = compactParts(value);
    if (read.problems?.some((p) => p.path[0] === "path")) return read;
    const decoded = decodeCompactParts(texts, allocate, LIMITS.pathVertices);
    if ("problems" in decoded) {
      const problems: Problem[] = decoded.problems.map(({ part, message }) => ({
        path: ["path", part],
        message,
        value: texts[part],
      }));
      return { problems: [...(read.problems ?? []), ...problems] };
    }
    if (read.problems) return read;
    const { coordinates, starts } = decoded;
    return { data: withPackedPath(read.data as { path: string[] }, coordinates, starts) };
  };

  return (value) => {
    if (!isRecord(value)) return plain(value);
    switch (pathForm(value.path)) {
      case "compact":
        return readCompact(value, value.path as string);
      case "compactParts":
        return readCompactParts(value, value.path as string[]);
      case "plainParts": {
        const read = plainParts(value);
        const data = read.problems ? undefined : (read.data as { path: unknown[] });
        if (data && data.path.length === 1) data.path = data.path[0] as unknown[];
        return read;
      }
      default:
        return plain(value);
    }
  };
}

const TOPOLOGY = createChecker(
  topologySchema,
  RECORD_LISTS.topology,
  () => ({ links: createLinkReader() }),
  {
    linkTable: {
      into: "links",
      read: (table, doc, limit) => {
        const { links, problems } = readLinkTable(table, doc, limit);
        return { records: links, problems };
      },
    },
  },
);
const DATASET_SOURCE = createChecker(datasetSourceSchema, RECORD_LISTS.datasetSource);
const CATALOG = createChecker(catalogSchema);

/** Appends `more` to `problems`, up to the bound; true when the bound was reached. */
function collect(problems: Problem[], more: readonly Problem[]): boolean {
  for (const problem of more) {
    if (problems.length >= MAX_PROBLEMS) return true;
    problems.push(problem);
  }
  return problems.length >= MAX_PROBLEMS;
}

/** The records of `list` that are valid, with the problems of the others (until `problems` is full). */
function checkRecords(
  key: string,
  list: readonly unknown[],
  read: RecordReader,
  problems: Problem[],
): { records: unknown[]; full: boolean } {
  const records: unknown[] = [];
  for (let i = 0; i < list.length; i++) {
    const result = read(list[i]);
    if (result.problems === undefined) {
      records.push(result.data);
      continue;
    }
    if (
      collect(
        problems,
        result.problems.map((p) => ({ ...p, path: [key, i, ...p.path] })),
      )
    ) {
      return { records, full: true };
    }
  }
  return { records, full: false };
}

function check<T>(checker: Checker<T>, input: unknown): { data?: T; problems: Problem[] } {
  const shell = checker.shell.safeParse(input);
  const shellProblems = shell.success ? [] : issuesToProblems(shell.error.issues, input);
  if (!isRecord(input)) return { problems: shellProblems.slice(0, MAX_PROBLEMS) };

  // In the schema's order: each field's problems, and for a list, those of its records; then
  // the rest (unknown fields), then references.
  const problems: Problem[] = [];
  const records = new Map<string, unknown[]>();
  const readers = checker.readers();
  let full = false;
  for (const key of checker.fields) {
    const own = shellProblems.filter((p) => p.path[0] === key);
    full = collect(problems, own);
    const read = readers[key];
    const table = checker.tables[key];
    const value = input[key];
    if (full) break;
    if (table && isRecord(value) && own.length === 0) {
      const result = table.read(value, input, MAX_PROBLEMS - problems.length);
      records.set(table.into, [...(records.get(table.into) ?? []), ...result.records]);
      full = collect(
        problems,
        result.problems.map((p) => ({ ...p, path: [key, ...p.path] })),
      );
      if (full) break;
      continue;
    }
    if (!read || !Array.isArray(value) || own.length > 0) continue;
    const checked = checkRecords(key, value, read, problems);
    records.set(key, checked.records);
    full = checked.full;
    if (full) break;
  }
  const known = new Set(checker.fields);
  const rest = shellProblems.filter((p) => typeof p.path[0] !== "string" || !known.has(p.path[0]));
  if (!full) full = collect(problems, rest);
  if (!full) full = collect(problems, checkReferences(input, MAX_PROBLEMS));
  if (full) problems.push(TRUNCATED);
  if (problems.length > 0 || !shell.success) return { problems };
  // Every list was checked record by record: the document is the shell with its checked records,
  // a table's rows added to its list, and the table itself left out.
  const data: Record<string, unknown> = {
    ...(shell.data as object),
    ...Object.fromEntries(records),
  };
  for (const key of Object.keys(checker.tables)) delete data[key];
  return { data: data as T, problems };
}

/** Every problem of a topology document; empty when it is valid. */
export function checkTopology(input: unknown): Problem[] {
  const header = checkHeader(input, TOPOLOGY_FORMAT);
  return header.length > 0 ? header : check(TOPOLOGY, input).problems;
}

/**
 * Parses a topology document (DESIGN §3). Throws a {@link DocumentError} listing every problem,
 * each naming `document`, the JSON path and the value.
 */
export function parseTopology(input: unknown, document = "topology"): Topology {
  const header = checkHeader(input, TOPOLOGY_FORMAT);
  if (header.length > 0) throw new DocumentError(document, header);
  const { data, problems } = check(TOPOLOGY, input);
  if (!data) throw new DocumentError(document, problems);
  // The link reader gave every compact path its vertices (createLinkReader).
  return data as Topology;
}

/** Parses the dataset catalog (`data/index.json`). */
export function parseCatalog(input: unknown, document = "index.json"): Catalog {
  const header = checkHeader(input, CATALOG_FORMAT);
  if (header.length > 0) throw new DocumentError(document, header);
  const { data, problems } = check(CATALOG, input);
  if (data && !data.datasets.some((d) => d.id === data.default)) {
    problems.push({ path: ["default"], message: "names no listed dataset", value: data.default });
  }
  if (!data || problems.length > 0) throw new DocumentError(document, problems);
  return data;
}

/** Every problem of a curated dataset (the pipeline's input). */
export function checkDatasetSource(input: unknown): { data?: DatasetSource; problems: Problem[] } {
  return check(DATASET_SOURCE, input);
}
