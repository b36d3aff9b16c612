/** Reads a curated dataset (YAML) and checks it, naming the file and line of each problem. */
import { readFileSync } from "node:fs";
import { LineCounter, parseDocument } from "yaml";
import { checkDatasetSource } from "../../src/model/parse-topology";
import { DocumentError, formatProblem, type Problem } from "../../src/model/problems";
import type { DatasetSource } from "../../src/model/schema";

/** A problem located in a source file. */
export interface SourceProblem extends Problem {
  readonly line?: number | undefined;
}

/** Thrown when a curated file cannot be used; its message lists `FILE:LINE: path: problem (value)`. */
export class SourceFileError extends DocumentError {
  constructor(file: string, problems: readonly SourceProblem[]) {
    super(file, problems);
    this.message = problems
      .map((p) => `${file}${p.line ? `:${p.line}` : ""}: ${formatProblem(p)}`)
      .join("\n");
  }
}

/** Parses and checks the YAML text of a dataset; `file` names it in messages. */
export function parseDatasetSource(text: string, file: string): DatasetSource {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new SourceFileError(
      file,
      doc.errors.map((e) => ({
        path: [],
        message: `YAML: ${e.message.split("\n")[0]}`,
        line: e.linePos?.[0].line,
      })),
    );
  }
  const input: unknown = doc.toJS();
  const { data, problems } = checkDatasetSource(input);
  if (data) return data;
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  throw new SourceFileError(
    file,
    problems.map((p) => ({ ...p, line: lineOf(p.path) })),
  );
}

/** Reads and checks a dataset file. */
export function loadDatasetSource(file: string): DatasetSource {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new SourceFileError(file, [
      { path: [], message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? error})` },
    ]);
  }
  return parseDatasetSource(text, file);
}
