/**
 * Strict JSON parsing whose syntax errors say where (line and column) and what was expected.
 *
 * Before parsing, the text's shape is checked in one pass: nesting deeper than
 * {@link MAX_JSON_DEPTH}, or a list or object longer than {@link MAX_JSON_ITEMS} or
 * {@link MAX_JSON_MEMBERS}, is refused at once. A topology needs 7 levels, and its longest list
 * (its links) is capped at 500,000; without this, 100,000 `[`s would overflow the parser's stack
 * and 50 MB of `[[0]],` would become millions of arrays in memory before any check ran.
 */
import { count } from "./count";
import { DocumentError } from "./problems";

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Deepest nesting of arrays and objects read. */
export const MAX_JSON_DEPTH = 32;
/** Most items in one array. */
export const MAX_JSON_ITEMS = 1_000_000;
/** Most members of one object. */
export const MAX_JSON_MEMBERS = 1_000;

const OPEN_ARRAY = 0x5b; // [
const CLOSE_ARRAY = 0x5d; // ]
const OPEN_OBJECT = 0x7b; // {
const CLOSE_OBJECT = 0x7d; // }
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/** A problem found in a JSON text, at a character offset. */
export interface TextProblem {
  readonly offset: number;
  readonly message: string;
}

/** Whether the character at `at` (a quote) is escaped: preceded by an odd number of backslashes. */
function isEscaped(text: string, at: number): boolean {
  let backslashes = 0;
  for (let i = at - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * One pass over `text`: where its nesting or a list's length goes over the limits (`shape`, the
 * pass stops there), and the first key given twice in one object (`duplicate`; `JSON.parse` would
 * keep the last silently, so what a reader sees is not what is shown). Strings are skipped from
 * quote to quote (`indexOf`, not a character at a time: most of a large topology is its compact
 * paths); syntax errors are left to the parser, and `duplicate` means something only for text
 * the parser accepts.
 */
function scanJson(text: string): {
  shape: TextProblem | null;
  duplicate: TextProblem | null;
} {
  const items = new Uint32Array(MAX_JSON_DEPTH + 1);
  const isArray = new Uint8Array(MAX_JSON_DEPTH + 1);
  /** The keys of the object open at each depth. */
  const keys: Set<string>[] = [];
  let duplicate: TextProblem | null = null;
  let depth = 0;
  let expectKey = false;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let end = text.indexOf('"', i + 1);
      while (end !== -1 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
      i = end === -1 ? length : end;
      if (!expectKey) continue;
      expectKey = false;
      const seen = keys[depth];
      if (duplicate || !seen || end === -1) continue;
      const raw = text.slice(start + 1, end);
      let name = raw;
      if (raw.includes("\\")) {
        try {
          name = JSON.parse(`"${raw}"`) as string;
        } catch {
          continue; // an invalid escape: the parser reports it
        }
      }
      if (seen.has(name)) {
        const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
        duplicate = { offset: start, message: `the key ${JSON.stringify(shown)} is given twice` };
      }
      seen.add(name);
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth++;
      if (depth > MAX_JSON_DEPTH) {
        return {
          shape: { offset: i, message: `nested more than ${MAX_JSON_DEPTH} levels deep` },
          duplicate,
        };
      }
      items[depth] = 1;
      isArray[depth] = c === OPEN_ARRAY ? 1 : 0;
      expectKey = c === OPEN_OBJECT;
      if (expectKey) {
        const seen = keys[depth];
        if (seen) seen.clear();
        else keys[depth] = new Set();
      }
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth > 0) depth--;
    } else if (c === COMMA && depth > 0) {
      const n = (items[depth] ?? 0) + 1;
      items[depth] = n;
      const list = isArray[depth] === 1;
      const max = list ? MAX_JSON_ITEMS : MAX_JSON_MEMBERS;
      if (n > max) {
        return {
          shape: {
            offset: i,
            message: list
              ? `a list of more than ${count(max)} items`
              : `an object of more than ${count(max)} members`,
          },
          duplicate,
        };
      }
      expectKey = !list;
    } else if (c === COLON) expectKey = false;
  }
  return { shape: null, duplicate };
}

/**
 * Why `text` is refused before it is parsed (empty, markup, or over the limits by `shape`), with
 * where; or `null`.
 */
function refusal(
  text: string,
  shape: TextProblem | null,
): { offset: number; what: string; message: string } | null {
  const start = text.search(/\S/);
  if (start === -1) return { offset: 0, what: "invalid JSON", message: "the document is empty" };
  if (text.charCodeAt(start) === 0x3c /* < */) {
    return {
      offset: start,
      what: "invalid JSON",
      message: "this is markup (an HTML or XML page?), not JSON",
    };
  }
  return shape && { ...shape, what: "not read" };
}

/** Where and why a text `JSON.parse` refused is not JSON (see `json-syntax.ts`); `null`: unknown. */
export type SyntaxLocator = (
  text: string,
) => { offset: number; what: string; message: string } | null;

/**
 * A syntax error not yet located: `JSON.parse`'s own words. `parseJsonTextLocated` replaces it
 * with the line, column and expectation.
 */
export class JsonSyntaxError extends DocumentError {}

/**
 * Parses `text` as strict JSON. Throws a {@link DocumentError} naming `document`, line and column;
 * for a syntax error, where `locate` finds it (without it, a {@link JsonSyntaxError}).
 */
export function parseJsonText(text: string, document: string, locate?: SyntaxLocator): unknown {
  const refuse = (
    problem: { offset: number; what: string; message: string },
    Failure: typeof DocumentError = DocumentError,
  ): never => {
    const { line, column } = lineColumn(text, problem.offset);
    throw new Failure(document, [
      {
        path: [],
        message: `${problem.what} at line ${line}, column ${column}: ${problem.message}`,
      },
    ]);
  };
  const { shape, duplicate } = scanJson(text);
  const refused = refusal(text, shape);
  if (refused) refuse(refused);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // Where and why, in words: the slower parser finds the first problem (a key given twice
    // before the syntax error included, as a reader going down the file would).
    const located = locate?.(text);
    if (located) refuse(located);
    refuse({ offset: 0, what: "invalid JSON", message: (error as Error).message }, JsonSyntaxError);
  }
  if (duplicate) refuse({ ...duplicate, what: "not read" });
  return value;
}

/**
 * `parseJsonText`, with a syntax error located: the locator (a JSON parser of its own) is loaded
 * only then, so the app's first download does without it.
 */
export async function parseJsonTextLocated(text: string, document: string): Promise<unknown> {
  try {
    return parseJsonText(text, document);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    const { locateSyntaxProblem } = await import("./json-syntax");
    return parseJsonText(text, document, locateSyntaxProblem);
  }
}
