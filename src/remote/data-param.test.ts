import { describe, expect, it } from "vitest";
import { dataParamOf, MAX_DATA_CHARS, readDataRequest } from "./data-param";

const PAGE = "https://uplinks.example/app/#ds=north-korea";
const read = (value: string) => readDataRequest(value, PAGE);

describe("dataParamOf", () => {
  it("reads data= from a hash, decoded, and null when there is none", () => {
    expect(dataParamOf("#ds=cuba&data=fixtures%2Fx.topology.json")).toBe(
      "fixtures/x.topology.json",
    );
    expect(dataParamOf("#data=https://example.org/a.json&t=2017-01-01")).toBe(
      "https://example.org/a.json",
    );
    expect(dataParamOf("#ds=cuba")).toBeNull();
    expect(dataParamOf("")).toBeNull();
  });

  it("takes the first data= when it is given twice", () => {
    expect(dataParamOf("#data=a.json&data=b.json")).toBe("a.json");
  });
});

describe("readDataRequest", () => {
  it("loads a relative path from this site, named as written", () => {
    expect(read("data/cuba.topology.json")).toEqual({
      kind: "same-origin",
      url: "https://uplinks.example/app/data/cuba.topology.json",
      label: "data/cuba.topology.json",
    });
    expect(read("/other/x.json")).toMatchObject({
      kind: "same-origin",
      url: "https://uplinks.example/other/x.json",
    });
  });

  it("treats an address on this site like a path", () => {
    expect(read("https://uplinks.example/x.json")).toMatchObject({ kind: "same-origin" });
  });

  it("asks before loading from another site over https, naming its origin", () => {
    expect(read("https://data.example.org/dir/x.topology.json")).toEqual({
      kind: "cross-origin",
      url: "https://data.example.org/dir/x.topology.json",
      origin: "https://data.example.org",
    });
    expect(read("//data.example.org/x.json")).toMatchObject({
      kind: "cross-origin",
      origin: "https://data.example.org",
    });
  });

  it("refuses another site over http, naming the value", () => {
    expect(read("http://data.example.org/x.json")).toEqual({
      kind: "refused",
      reason:
        "data=http://data.example.org/x.json: data from another site is loaded only over https:",
    });
    // A protocol-relative path takes the page's http: and is refused the same way.
    expect(readDataRequest("//data.example.org/x.json", "http://localhost:4173/")).toMatchObject({
      kind: "refused",
    });
  });

  it.each([
    ["javascript:alert(1)", "javascript:"],
    ["JAVASCRIPT:alert(1)", "javascript:"],
    [" javascript:alert(1)", "javascript:"],
    ["java\tscript:alert(1)", "javascript:"],
    ["\njavascript:alert(1)", "javascript:"],
    ["data:application/json,{}", "data:"],
    ["blob:https://uplinks.example/0d3c", "blob:"],
    ["file:///etc/passwd", "file:"],
    ["ftp://example.org/x.json", "ftp:"],
    ["vbscript:msgbox(1)", "vbscript:"],
  ])("refuses %j as a %s address", (value, protocol) => {
    const request = read(value);
    expect(request.kind).toBe("refused");
    expect(request.kind === "refused" && request.reason).toContain(
      `${protocol} addresses are not loaded; only paths on this site and https: addresses`,
    );
  });

  it("names the value in one line, cut short when long", () => {
    const request = read("javascript:alert(1)\n//");
    expect(request).toMatchObject({ kind: "refused" });
    expect(request.kind === "refused" && request.reason).toMatch(
      /^data=javascript:alert\(1\)�\/\/: /,
    );
    const long = read(`javascript:${"x".repeat(500)}`);
    expect(long.kind === "refused" && long.reason.length).toBeLessThan(250);
  });

  it("refuses an empty value, a value too long, and an address with a password", () => {
    expect(read(" ")).toMatchObject({ kind: "refused" });
    expect(read(`${"a/".repeat(MAX_DATA_CHARS)}x.json`)).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining(`longer than ${MAX_DATA_CHARS} characters`),
    });
    expect(read("https://user:secret@data.example.org/x.json")).toMatchObject({
      kind: "refused",
      reason: expect.stringContaining("user name or password"),
    });
  });
});
