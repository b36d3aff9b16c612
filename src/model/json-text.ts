/** Strict JSON parsing whose syntax errors say where (line and column) and what was expected. */
import { type ParseError, printParseErrorCode, parse as scanJson } from "jsonc-parser";
import { DocumentError, type Problem } from "./problems";

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

/** Parses `text` as strict JSON. Throws a {@link DocumentError} naming `document`, line and column. */
export function parseJsonText(text: string, document: string): unknown {
  const errors: ParseError[] = [];
  scanJson(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first) {
    const { line, column } = lineColumn(text, first.offset);
    const code = printParseErrorCode(first.error);
    const problem: Problem = {
      path: [],
      message: `invalid JSON at line ${line}, column ${column}: ${EXPECTATIONS[code] ?? code}`,
    };
    throw new DocumentError(document, [problem]);
  }
  return JSON.parse(text);
}
