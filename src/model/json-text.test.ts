import { describe, expect, it } from "vitest";
import { parseJsonText } from "./json-text";

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
