/** Parsing at the edge: unknown JSON in, typed and fully checked documents out, or every problem. */
import type * as z from "zod";
import { DocumentError, type Problem, valueAt } from "./problems";
import { checkReferences } from "./references";
import {
  CATALOG_FORMAT,
  type Catalog,
  catalogSchema,
  type DatasetSource,
  datasetSourceSchema,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
  topologySchema,
} from "./schema";

/** Turns zod's issues into problems that carry the offending value. */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], input: unknown): Problem[] {
  return issues.flatMap((issue): Problem[] => {
    const path = issue.path.filter((k): k is string | number => typeof k !== "symbol");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: "unknown field",
        value: valueAt(input, [...path, key]),
      }));
    }
    const value = valueAt(input, path);
    if (issue.code === "invalid_type" && value === undefined) {
      return [{ path, message: "required field is missing" }];
    }
    return [{ path, message: issue.message.replace(/^Invalid input: /, ""), value }];
  });
}

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

function check<T>(schema: z.ZodType<T>, input: unknown): { data?: T; problems: Problem[] } {
  const result = schema.safeParse(input);
  const problems = result.success ? [] : issuesToProblems(result.error.issues, input);
  problems.push(...checkReferences(input));
  return problems.length === 0 && result.success ? { data: result.data, problems } : { problems };
}

/** Every problem of a topology document; empty when it is valid. */
export function checkTopology(input: unknown): Problem[] {
  const header = checkHeader(input, TOPOLOGY_FORMAT);
  return header.length > 0 ? header : check(topologySchema, input).problems;
}

/**
 * Parses a topology document (DESIGN §3). Throws a {@link DocumentError} listing every problem,
 * each naming `document`, the JSON path and the value.
 */
export function parseTopology(input: unknown, document = "topology"): Topology {
  const header = checkHeader(input, TOPOLOGY_FORMAT);
  if (header.length > 0) throw new DocumentError(document, header);
  const { data, problems } = check(topologySchema, input);
  if (!data) throw new DocumentError(document, problems);
  return data;
}

/** Parses the dataset catalog (`data/index.json`). */
export function parseCatalog(input: unknown, document = "index.json"): Catalog {
  const header = checkHeader(input, CATALOG_FORMAT);
  if (header.length > 0) throw new DocumentError(document, header);
  const { data, problems } = check(catalogSchema, input);
  if (data && !data.datasets.some((d) => d.id === data.default)) {
    problems.push({ path: ["default"], message: "names no listed dataset", value: data.default });
  }
  if (!data || problems.length > 0) throw new DocumentError(document, problems);
  return data;
}

/** Every problem of a curated dataset (the pipeline's input). */
export function checkDatasetSource(input: unknown): { data?: DatasetSource; problems: Problem[] } {
  return check(datasetSourceSchema, input);
}
