/**
 * Strict JSON parsing whose syntax errors say where (line and column) and what was expected.
 *
 * Before parsing, the text's shape is checked in one pass: nesting deeper than
 * {@link MAX_JSON_DEPTH}, or a list or object longer than {@link MAX_JSON_ITEMS} or
 * {@link MAX_JSON_MEMBERS}, is refused at once. A topology needs 7 levels, and its longest list
 * (its links) is capped at 500,000; without this, 100,000 `[`s would overflow the parser's stack
 * and 50 MB of `[[0]],` would become millions of arrays in memory before any check ran.
 */
import { printParseErrorCode, visit } from "jsonc-parser";
import { count } from "./count";
import { DocumentError } from "./problems";

const EXPECTATIONS: Readonly<Record<string, string>> = {
  PropertyNameExpected: "a property name in double quotes is expected",
  ValueExpected: "a value is expected",
  ColonExpected: "':' is expected",
  CommaExpected: "',' is expected",
  CloseBraceExpected: "'}' is expected",
  CloseBracketExpected: "']' is expected",
  EndOfFileExpected: "the document should end here",
  InvalidSymbol: "this is not JSON",
  InvalidCommentToken: "comments are not allowed in JSON",
  UnexpectedEndOfComment: "comments are not allowed in JSON",
  UnexpectedEndOfString: "a string is not closed",
  UnexpectedEndOfNumber: "a number is cut short",
  InvalidUnicode: "invalid unicode escape",
  InvalidEscapeCharacter: "invalid escape character",
  InvalidCharacter: "invalid character",
  InvalidNumberFormat: "invalid number",
};

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
interface TextProblem {
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

/**
 * The first syntax error of `text`, or its first key given twice in one object (`JSON.parse`
 * would keep the last silently, so what a reader sees is not what is shown); `null` when clean.
 */
function firstSyntaxProblem(
  text: string,
): { offset: number; what: string; message: string } | null {
  let found: { offset: number; what: string; message: string } | null = null;
  const keys: Set<string>[] = [];
  visit(
    text,
    {
      onObjectBegin: () => {
        keys.push(new Set());
      },
      onObjectEnd: () => {
        keys.pop();
      },
      onObjectProperty: (name, offset) => {
        const seen = keys[keys.length - 1];
        if (found || !seen) return;
        if (seen.has(name)) {
          const shown = name.length > 40 ? `${name.slice(0, 39)}…` : name;
          found = {
            offset,
            what: "not read",
            message: `the key ${JSON.stringify(shown)} is given twice`,
          };
        }
        seen.add(name);
      },
      onError: (error, offset) => {
        if (found) return;
        const code = printParseErrorCode(error);
        found = { offset, what: "invalid JSON", message: EXPECTATIONS[code] ?? code };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return found;
}

/** Parses `text` as strict JSON. Throws a {@link DocumentError} naming `document`, line and column. */
export function parseJsonText(text: string, document: string): unknown {
  const refuse = (problem: { offset: number; what: string; message: string }): never => {
    const { line, column } = lineColumn(text, problem.offset);
    throw new DocumentError(document, [
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
    refuse(
      firstSyntaxProblem(text) ?? {
        offset: 0,
        what: "invalid JSON",
        message: (error as Error).message,
      },
    );
  }
  if (duplicate) refuse({ ...duplicate, what: "not read" });
  return value;
}
