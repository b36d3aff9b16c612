import { describe, expect, it } from "vitest";
import { DocumentError, formatPath, formatValue, summarizeError } from "./problems";

describe("formatValue", () => {
  it("writes small values as JSON", () => {
    expect(formatValue("2017-13-01")).toBe('"2017-13-01"');
    expect(formatValue([1, { a: null, b: true }])).toBe('[1,{"a":null,"b":true}]');
    expect(formatValue(undefined)).toBe("missing");
  });

  it("writes the numbers JSON cannot hold as JavaScript does", () => {
    expect(formatValue(Number.NaN)).toBe("NaN");
    expect(formatValue([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0])).toBe(
      "[Infinity,-Infinity,-0]",
    );
  });

  it("cuts a huge value short after reading only its start", () => {
    const huge = { name: "x".repeat(50_000_000), rest: Array.from({ length: 1_000_000 }, () => 0) };
    expect(formatValue(huge)).toBe(`{"name":"${"x".repeat(70)}…`);
    expect(formatValue(Array.from({ length: 1_000_000 }, () => 7))).toHaveLength(80);
  });

  it("survives deep nesting and cycles", () => {
    let deep: unknown = 0;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(formatValue(deep)).toBe("[[[[[[[[…]]]]]]]]");
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(formatValue(cyclic)).toMatch(/^\{"a":1,"self":\{"a":1,"self":/);
  });

  it("shows a __proto__ key as the data it is", () => {
    expect(formatValue(JSON.parse('{"__proto__": {"x": 1}}'))).toBe('{"__proto__":{"x":1}}');
  });
});

describe("formatPath", () => {
  it("writes a JavaScript path, quoting odd keys and cutting long ones", () => {
    expect(formatPath(["links", 3, "active", 0, "to"])).toBe("links[3].active[0].to");
    expect(formatPath(["a b", "__proto__"])).toBe('["a b"].__proto__');
    expect(formatPath(["k".repeat(1_000)])).toBe(`["${"k".repeat(39)}…"]`);
    expect(formatPath([])).toBe("(root)");
  });
});

describe("summarizeError", () => {
  it("lists a DocumentError's first problems and counts the rest", () => {
    const problems = Array.from({ length: 25 }, (_, i) => ({ path: ["links", i], message: "bad" }));
    const text = summarizeError(new DocumentError("x.json", problems), 2);
    expect(text).toBe("x.json: links[0]: bad\nx.json: links[1]: bad\n… and 23 more");
  });

  it("gives any other error's message", () => {
    expect(summarizeError(new Error("HTTP 404"))).toBe("HTTP 404");
    expect(summarizeError("plain")).toBe("plain");
  });
});
