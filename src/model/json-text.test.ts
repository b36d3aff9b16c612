import { describe, expect, it } from "vitest";
import { locateSyntaxProblem } from "./json-syntax";
import {
  JsonSyntaxError,
  MAX_JSON_DEPTH,
  MAX_JSON_ITEMS,
  MAX_JSON_MEMBERS,
  parseJsonTextLocated,
  parseJsonText as parseUnlocated,
} from "./json-text";

/** Parses as the app does once a syntax error is to be located. */
const parseJsonText = (text: string, document: string) =>
  parseUnlocated(text, document, locateSyntaxProblem);

describe("parseJsonText", () => {
  it("parses strict JSON", () => {
    expect(parseJsonText('{"a": [1, 2]}', "f.json")).toEqual({ a: [1, 2] });
  });

  it("names the document, line and column of a syntax error", () => {
    expect(() => parseJsonText('{\n  "a": 1\n  "b": 2\n}', "f.json")).toThrow(
      "f.json: (root): invalid JSON at line 3, column 3: ',' is expected",
    );
    expect(() => parseJsonText('{"a": 1,}', "g.json")).toThrow(
      "g.json: (root): invalid JSON at line 1, column 9",
    );
    expect(() => parseJsonText("", "empty.json")).toThrow(
      "empty.json: (root): invalid JSON at line 1, column 1",
    );
  });
});

describe("parseJsonTextLocated", () => {
  it("parses without loading the locator, and loads it to say where a syntax error is", async () => {
    await expect(parseJsonTextLocated("[1]", "f.json")).resolves.toEqual([1]);
    expect(() => parseUnlocated('{"a": 1,}', "g.json")).toThrow(JsonSyntaxError);
    await expect(parseJsonTextLocated('{"a": 1,}', "g.json")).rejects.toThrow(
      "g.json: (root): invalid JSON at line 1, column 9",
    );
  });

  it("passes other problems on as they are", async () => {
    await expect(parseJsonTextLocated("", "empty.json")).rejects.toThrow(
      "empty.json: (root): invalid JSON at line 1, column 1: the document is empty",
    );
  });
});

describe("parseJsonText on hostile text", () => {
  /** The message of the DocumentError `text` throws. */
  const messageOf = (text: string) => {
    try {
      parseJsonText(text, "x.json");
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error("nothing was thrown");
  };

  it("refuses nesting deeper than MAX_JSON_DEPTH before parsing, even 100,000 levels", () => {
    expect(
      parseJsonText(`${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}`, "x"),
    ).toEqual(expect.any(Array));
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(messageOf(deep)).toBe(
      "x.json: (root): not read at line 1, column 33: nested more than 32 levels deep",
    );
  });

  it("refuses a list longer than MAX_JSON_ITEMS and an object of more than MAX_JSON_MEMBERS", () => {
    expect(messageOf(`[${"0,".repeat(MAX_JSON_ITEMS)}0]`)).toBe(
      `x.json: (root): not read at line 1, column ${2 * MAX_JSON_ITEMS + 1}: a list of more than 1,000,000 items`,
    );
    const members = Array.from({ length: MAX_JSON_MEMBERS + 1 }, (_, i) => `"k${i}":0`);
    expect(messageOf(`{${members.join(",")}}`)).toMatch(
      /: not read at line 1, column \d+: an object of more than 1,000 members$/,
    );
  });

  it("counts brackets inside strings as text", () => {
    expect(parseJsonText(`["${"[".repeat(100)}\\"]"]`, "x")).toEqual([`${"[".repeat(100)}"]`]);
  });

  it("says when the text is empty or markup", () => {
    expect(messageOf("  \n ")).toBe(
      "x.json: (root): invalid JSON at line 1, column 1: the document is empty",
    );
    expect(messageOf("\n<!doctype html><title>404</title>")).toBe(
      "x.json: (root): invalid JSON at line 2, column 1: this is markup (an HTML or XML page?), not JSON",
    );
  });

  it("refuses a key given twice in one object", () => {
    expect(messageOf('{"url": "https://a.example", "url": "javascript:x"}')).toBe(
      'x.json: (root): not read at line 1, column 30: the key "url" is given twice',
    );
    expect(parseJsonText('[{"a": 1}, {"a": 2}]', "x")).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it("tells a key given twice from keys of other objects, values and escapes", () => {
    // After a nested object and a list, the outer object's keys are still remembered.
    expect(messageOf('{"a": {"a": 1, "b": ["a", {"b": 0}]},\n "b": "a", "a": 2}')).toBe(
      'x.json: (root): not read at line 2, column 12: the key "a" is given twice',
    );
    // The same key in sibling objects, a key written as another's value, brackets in strings.
    const clean = '{"k": {"x": "y"}, "m": {"x": "[{"}, "y": 1, "n": [{"k": 1}, {"k": "\\""}]}';
    expect(parseJsonText(clean, "x")).toEqual(JSON.parse(clean));
    // Written with an escape, it is the same key once read.
    expect(messageOf('{"ab": 1, "a\\u0062": 2}')).toBe(
      'x.json: (root): not read at line 1, column 11: the key "ab" is given twice',
    );
    // A syntax error before a key given twice is the one reported.
    expect(messageOf('{"a": 1 "a": 2}')).toMatch(/invalid JSON at line 1, column 9/);
  });

  it("ends a string at its closing quote, after escaped quotes and escaped backslashes", () => {
    // A string that ends in a backslash: its quote closes it, and the brackets after are counted.
    const deep = `["\\\\", ${"[".repeat(MAX_JSON_DEPTH)}${"]".repeat(MAX_JSON_DEPTH)}]`;
    expect(messageOf(deep)).toMatch(/not read at line 1, column \d+: nested more than 32 levels/);
    // Keys that end in a backslash or hold an escaped quote are told apart, and found twice.
    expect(messageOf('{"a\\\\": 1, "a\\"": 2, "a\\\\": 3}')).toBe(
      'x.json: (root): not read at line 1, column 22: the key "a\\\\" is given twice',
    );
    expect(parseJsonText('{"a\\\\": 1, "a\\"": 2}', "x")).toEqual({ "a\\": 1, 'a"': 2 });
  });

  it("reports a string left open as a syntax error, not a shape or key problem", () => {
    expect(messageOf('{"a": 1, "b": "[[[')).toMatch(/invalid JSON at line 1, column \d+/);
    expect(messageOf('{"a": 1, "a')).toMatch(/invalid JSON at line 1, column \d+/);
  });

  it("refuses NaN and Infinity, which JSON cannot hold", () => {
    expect(messageOf('{"c": [NaN, 1]}')).toBe(
      "x.json: (root): invalid JSON at line 1, column 8: this is not JSON",
    );
    expect(messageOf("[Infinity]")).toMatch(/invalid JSON at line 1, column 2/);
  });

  it("keeps a __proto__ key as data, not as the object's prototype", () => {
    const parsed = parseJsonText('{"__proto__": {"polluted": true}}', "x") as object;
    expect(Object.keys(parsed)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
