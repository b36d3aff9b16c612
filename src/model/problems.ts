import type * as z from "zod";
import { count } from "./count";

/** A problem found in a document: where (a JSON path), what is wrong, and the offending value. */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The value found at `path`; `undefined` when the field is missing. */
  readonly value?: unknown;
}

const MAX_VALUE_CHARS = 80;
/** Keys in a path are cut to this many characters (a hostile file may have a megabyte-long key). */
const MAX_KEY_CHARS = 40;

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** `links[3].active[0].to` — the JS-style path of a problem; `(root)` for the document itself. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]{0,39}$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(cut(key, MAX_KEY_CHARS))}]`;
  }
  return out || "(root)";
}

/**
 * Writes `value` as JSON into `out` until it holds more than `budget` characters, so a huge value
 * costs no more than a small one. Numbers JSON cannot hold are written as JavaScript does (`NaN`,
 * `Infinity`, `-0`): a message about them should show them.
 */
function writePreview(
  value: unknown,
  out: string[],
  budget: { left: number },
  depth: number,
): void {
  const write = (text: string) => {
    out.push(text);
    budget.left -= text.length;
  };
  if (budget.left <= 0) return;
  if (typeof value === "string") write(JSON.stringify(value.slice(0, budget.left + 1)));
  else if (typeof value === "number")
    write(
      Object.is(value, -0) ? "-0" : Number.isFinite(value) ? JSON.stringify(value) : String(value),
    );
  else if (typeof value === "bigint") write(`${value}n`);
  else if (value === null || typeof value === "boolean") write(String(value));
  else if (typeof value !== "object") write(value === undefined ? "null" : typeof value);
  else if (depth >= 8) write("…");
  else if (Array.isArray(value)) {
    write("[");
    for (let i = 0; i < value.length && budget.left > 0; i++) {
      if (i > 0) write(",");
      writePreview(value[i], out, budget, depth + 1);
    }
    write("]");
  } else {
    write("{");
    let first = true;
    for (const key in value) {
      if (budget.left <= 0) break;
      if (!Object.hasOwn(value, key)) continue;
      if (!first) write(",");
      first = false;
      write(`${JSON.stringify(key.slice(0, budget.left + 1))}:`);
      writePreview((value as Record<string, unknown>)[key], out, budget, depth + 1);
    }
    write("}");
  }
}

/** A short, single-line rendering of a value for messages. */
export function formatValue(value: unknown): string {
  if (value === undefined) return "missing";
  const out: string[] = [];
  writePreview(value, out, { left: MAX_VALUE_CHARS }, 0);
  return cut(out.join(""), MAX_VALUE_CHARS);
}

/** `links[3].active[0].to: not a date ("2017-13-01")` */
export function formatProblem(problem: Problem): string {
  const hasValue = "value" in problem;
  const suffix = hasValue ? ` (${formatValue(problem.value)})` : "";
  return `${formatPath(problem.path)}: ${problem.message}${suffix}`;
}

/**
 * The message of `error` for people: a {@link DocumentError}'s first `max` problems, then how many
 * more there are; any other error's message.
 */
export function summarizeError(error: unknown, max = 20): string {
  if (!(error instanceof DocumentError))
    return error instanceof Error ? error.message : String(error);
  const lines = error.problems.slice(0, max).map((p) => `${error.document}: ${formatProblem(p)}`);
  const more = error.problems.length - max;
  if (more > 0) lines.push(`… and ${count(more)} more`);
  return lines.join("\n");
}

/** Thrown by the parsers: carries every problem found, each naming the document, path and value. */
export class DocumentError extends Error {
  override readonly name = "DocumentError";
  constructor(
    /** The document's name for messages: a file path or URL. */
    readonly document: string,
    readonly problems: readonly Problem[],
  ) {
    super(problems.map((p) => `${document}: ${formatProblem(p)}`).join("\n"));
  }
}

/** The value at `path` inside `root`, or `undefined` when the path does not exist. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

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
