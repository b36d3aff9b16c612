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

/** What a check of a YAML document's value finds: the value, or the problems. */
export type YamlCheck<T> = (input: unknown) => { data?: T | undefined; problems: Problem[] };

/** A checked YAML document, with the line of any path in it (for problems found later). */
export interface CheckedYaml<T> {
  readonly data: T;
  /** The line of `path`, or of its nearest enclosing node the file has. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Parses the YAML `text` and checks its value with `check`; throws a {@link SourceFileError}
 * naming `file` and the line of each problem.
 */
export function parseYamlWith<T>(text: string, file: string, check: YamlCheck<T>): CheckedYaml<T> {
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
  const lineOf = (path: readonly (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as
        | { range?: [number, number, number] }
        | undefined;
      if (node?.range) return lines.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const input: unknown = doc.toJS();
  const { data, problems } = check(input);
  if (data && problems.length === 0) return { data, lineOf };
  throw new SourceFileError(
    file,
    problems.map((p) => ({ ...p, line: lineOf(p.path) })),
  );
}

/** Parses and checks the YAML text of a dataset; `file` names it in messages. */
export function parseDatasetSource(text: string, file: string): DatasetSource {
  return parseYamlWith(text, file, checkDatasetSource).data;
}

/** The text of a source file; throws a {@link SourceFileError} naming it if it cannot be read. */
export function readSourceFile(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new SourceFileError(file, [
      { path: [], message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? error})` },
    ]);
  }
}

/** Reads and checks a dataset file. */
export function loadDatasetSource(file: string): DatasetSource {
  return parseDatasetSource(readSourceFile(file), file);
}
