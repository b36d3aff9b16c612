/** The checks behind `npm run validate`: every problem of each file, one line each. */
import { readFileSync } from "node:fs";
import { locateSyntaxProblem } from "../../src/model/json-syntax";
import { parseJsonText } from "../../src/model/json-text";
import { checkTopology, parseCatalog } from "../../src/model/parse-topology";
import { DocumentError, formatProblem, type Problem } from "../../src/model/problems";
import { CATALOG_FORMAT } from "../../src/model/schema";

/** The problems of one file (topology or catalog), as `FILE: path: what is wrong (value)` lines. */
export function validateFile(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return [`${file}: (root): cannot read file (${code})`];
  }
  let problems: readonly Problem[];
  try {
    const input = parseJsonText(text, file, locateSyntaxProblem);
    const format = (input as { format?: unknown } | null)?.format;
    if (format === CATALOG_FORMAT) {
      parseCatalog(input, file);
      problems = [];
    } else {
      problems = checkTopology(input);
    }
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    problems = error.problems;
  }
  return problems.map((p) => `${file}: ${formatProblem(p)}`);
}
