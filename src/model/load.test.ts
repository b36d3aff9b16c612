import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  fileSizeProblem,
  type LocalFile,
  MAX_FILE_BYTES,
  readTopologyFile,
  readTopologyText,
} from "./load";
import { DocumentError, formatProblem } from "./problems";
import { validTopologyInput } from "./test-fixtures";

/** A file as the browser hands it over, with its text. */
const fileOf = (name: string, text: string, size = text.length): LocalFile => ({
  name,
  size,
  text: async () => text,
});

/** The problems a thrown DocumentError lists, formatted. */
function problemsThrown(read: () => unknown): string[] {
  try {
    read();
  } catch (error) {
    if (error instanceof DocumentError) return error.problems.map(formatProblem);
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("fileSizeProblem", () => {
  it("lets a file up to the limit through", () => {
    expect(fileSizeProblem({ name: "a.json", size: 12_000 })).toBeNull();
    expect(fileSizeProblem({ name: "a.json", size: MAX_FILE_BYTES })).toBeNull();
  });

  it("names a file over the limit, its size and the limit", () => {
    expect(fileSizeProblem({ name: "huge.topology.json", size: 150 * 1_048_576 })).toBe(
      "huge.topology.json is 150.0 MB; files over 100.0 MB are not opened",
    );
  });
});

describe("readTopologyText", () => {
  it("returns the topology of a valid file", () => {
    const topology = readTopologyText(JSON.stringify(validTopologyInput()), "mine.json");
    expect(topology.id).toBe("test");
  });

  it("names the file, line and column of a JSON syntax error", () => {
    expect(() => readTopologyText('{\n  "format": "uplinks-topology",\n}', "mine.json")).toThrow(
      "mine.json: (root): invalid JSON at line 3, column 1: a property name in double quotes is expected",
    );
  });

  it("lists every problem of the schema, each with the file, path and value", () => {
    const doc = validTopologyInput();
    doc.events[0] = { ...doc.events[0], date: "2014-02-30" };
    doc.links[0] = { ...doc.links[0], to: "nowhere" };
    doc.sources[0] = { ...doc.sources[0], url: "ftp://example.org/a" };
    const text = JSON.stringify(doc);
    expect(problemsThrown(() => readTopologyText(text, "mine.json"))).toEqual([
      'sources[0].url: not an http(s) URL ("ftp://example.org/a")',
      'events[0].date: not a date (expected YYYY-MM-DD) ("2014-02-30")',
      'links[0].to: unknown node id ("nowhere")',
    ]);
    expect(() => readTopologyText(text, "mine.json")).toThrow(
      /^mine\.json: sources\[0\]\.url: .*\nmine\.json: events\[0\]\.date: .*\nmine\.json: links\[0\]\.to: /,
    );
  });
});

describe("readTopologyFile", () => {
  it("reads and checks a file", async () => {
    const file = fileOf("mine.json", JSON.stringify(validTopologyInput()));
    await expect(readTopologyFile(file)).resolves.toMatchObject({ id: "test" });
  });

  it("refuses a file over the limit without reading it", async () => {
    const file: LocalFile = {
      name: "big.json",
      size: 2_097_152,
      text: () => Promise.reject(new Error("read")),
    };
    await expect(readTopologyFile(file, 1_048_576)).rejects.toThrow(
      "big.json is 2.0 MB; files over 1.0 MB are not opened",
    );
  });

  it("names a file that cannot be read", async () => {
    const file: LocalFile = {
      name: "gone.json",
      size: 10,
      text: () => Promise.reject(new Error("the file was moved")),
    };
    await expect(readTopologyFile(file)).rejects.toThrow(
      "gone.json: could not be read (the file was moved)",
    );
  });

  it("reports each problem of the broken file the end-to-end tests drop", () => {
    const text = readFileSync("e2e/fixtures/local/broken.topology.json", "utf8");
    expect(() => readTopologyText(text, "broken.topology.json")).toThrow(
      [
        'broken.topology.json: sources[0].url: not an http(s) URL ("ftp://example.org/alba-1.pdf")',
        'broken.topology.json: events[0].date: not a date (expected YYYY-MM-DD) ("2011-02-30")',
        'broken.topology.json: links[0].to: unknown node id ("santiago")',
      ].join("\n"),
    );
    const valid = readFileSync("e2e/fixtures/local/valid.topology.json", "utf8");
    expect(readTopologyText(valid, "valid.topology.json").id).toBe("cuba");
  });
});
