import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../lib/cli.test-helper";
import { detectCompression, readLines } from "./read-lines";

const tempFile = (name: string, content: string | Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "uplinks-lines-")), name);
  writeFileSync(file, content);
  return file;
};

const collect = async (file: string) => {
  const lines: string[] = [];
  for await (const line of readLines(file)) lines.push(line);
  return lines;
};

describe("readLines", () => {
  it("yields the lines of a plain file without their line ends, CRLF included", async () => {
    const file = tempFile("a.txt", "one\r\ntwo\nthree");
    expect(await collect(file)).toEqual(["one", "two", "three"]);
  });

  it("decompresses gzip, recognised by its first bytes whatever the name", async () => {
    const file = tempFile("snapshot.txt", gzipSync("4837|131279|-1\n# comment\n"));
    expect(detectCompression(file)).toBe("gzip");
    expect(await collect(file)).toEqual(["4837|131279|-1", "# comment"]);
  });

  it("decompresses bzip2 (the committed CAIDA sample)", async () => {
    const file = join(REPO_ROOT, "data/samples/caida/20180101.as-rel2.txt.bz2");
    expect(detectCompression(file)).toBe("bzip2");
    expect(await collect(file)).toEqual([
      "# hand-made sample (serial-2, bzip2-compressed)",
      "4837|131279|-1|bgp",
      "20485|131279|-1|bgp",
      "64496|64500|0|bgp",
    ]);
  });

  it("keeps a multi-byte character that straddles two chunks intact", async () => {
    const line = `${"x".repeat(256 * 1024 - 1)}é`;
    const file = tempFile("wide.txt", `${line}\nnext\n`);
    expect(await collect(file)).toEqual([line, "next"]);
  });

  it("says which file is corrupt when compressed data is broken", async () => {
    const file = tempFile(
      "bad.txt.gz",
      Buffer.concat([gzipSync("a\n".repeat(1000)).subarray(0, 20)]),
    );
    await expect(collect(file)).rejects.toThrow(`${file}: gzip data is corrupt or truncated`);
  });
});
