/**
 * Where a text `JSON.parse` refused stops being JSON, and why, in words: a parser of its own
 * (jsonc-parser, strict) walks it. Loaded only when a document fails to parse
 * (`parseJsonTextLocated`).
 */
import { printParseErrorCode, visit } from "jsonc-parser";

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

/**
 * The first syntax error of `text`, or its first key given twice in one object (`JSON.parse`
 * would keep the last silently, so what a reader sees is not what is shown); `null` when clean.
 */
export function locateSyntaxProblem(
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
