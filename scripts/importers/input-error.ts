/** Problems in an importer's input: each names the file, the line or JSON path, and the value. */
import { formatPath, formatValue } from "../../src/model/problems";

/** One problem found in an input file. */
export interface InputProblem {
  readonly file: string;
  /** 1-based line, for line-oriented inputs (CSV, AS relationships). */
  readonly line?: number | undefined;
  /** Where in the record: a column name, or a JSON path such as `features[3].properties.rfs`. */
  readonly path?: readonly (string | number)[] | undefined;
  readonly message: string;
  /** The offending value; `undefined` when the field is missing. */
  readonly value?: unknown;
}

const MAX_LISTED = 50;

/** `cables.json: features[3].properties.rfs: not a date ("20x4")` or `a.csv:7: from_lat: …` */
export function formatInputProblem(problem: InputProblem): string {
  const where = problem.line !== undefined ? `${problem.file}:${problem.line}` : problem.file;
  const path = problem.path && problem.path.length > 0 ? `${formatPath(problem.path)}: ` : "";
  const value = "value" in problem ? ` (${formatValue(problem.value)})` : "";
  return `${where}: ${path}${problem.message}${value}`;
}

/** Thrown when an input cannot be imported; its message lists every problem (the first 50). */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(readonly problems: readonly InputProblem[]) {
    const lines = problems.slice(0, MAX_LISTED).map(formatInputProblem);
    if (problems.length > MAX_LISTED) lines.push(`… and ${problems.length - MAX_LISTED} more`);
    super(lines.join("\n"));
  }
}

/** Collects problems while a whole input is read, so one run reports all of them. */
export function createProblemList() {
  const problems: InputProblem[] = [];
  return {
    problems,
    add(problem: InputProblem) {
      problems.push(problem);
    },
    /** Throws an {@link InputError} if any problem was added. */
    throwIfAny() {
      if (problems.length > 0) throw new InputError(problems);
    },
  };
}

export type ProblemList = ReturnType<typeof createProblemList>;
