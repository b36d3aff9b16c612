import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { ipv4Number, parseAsn, readAs2Org, splitCsvLine } from "./as-countries";

const tempFile = (name: string, content: string | Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), "uplinks-as2org-")), name);
  writeFileSync(file, content);
  return file;
};

describe("readAs2Org", () => {
  it("joins ASes to their organisation's country, whichever section comes first, gzipped or not", async () => {
    const text = [
      "# format:aut|changed|aut_name|org_id|opaque_id|source",
      "131279|20180101|STAR-KP|STAR-KP|x|APNIC",
      "64511|20180101|ORPHAN|NO-SUCH-ORG|x|RIPE",
      "# format:org_id|changed|org_name|country|source",
      "STAR-KP|20180101|Star Joint Venture Co. Ltd.|KP|APNIC",
    ].join("\n");
    const { ases, source } = await readAs2Org(
      tempFile("20180101.as-org2info.txt.gz", gzipSync(text)),
    );
    expect(ases.get(131279)).toEqual({ country: "KP", name: "Star Joint Venture Co. Ltd." });
    expect(ases.get(64511)).toEqual({ country: undefined, name: "ORPHAN" });
    expect(source.title).toBe("The CAIDA AS Organizations Dataset (20180101.as-org2info.txt.gz)");
  });

  it("rejects a file without '# format:' lines, naming the line", async () => {
    const file = tempFile("x.txt", "hello|world\n");
    await expect(readAs2Org(file)).rejects.toThrow(`${file}:1: data before any '# format:' line`);
  });

  it("rejects an AS line whose AS number is not one", async () => {
    const file = tempFile(
      "y.txt",
      "# format:aut|changed|aut_name|org_id|opaque_id|source\nX1|1|n|o|x|s\n",
    );
    await expect(readAs2Org(file)).rejects.toThrow(`${file}:2: aut: not an AS number ("X1")`);
  });
});

describe("parseAsn, ipv4Number, splitCsvLine", () => {
  it("read AS numbers with or without the AS prefix, within 32 bits", () => {
    expect([parseAsn("4837"), parseAsn("AS20485"), parseAsn("0"), parseAsn("4294967296")]).toEqual([
      4837,
      20485,
      undefined,
      undefined,
    ]);
  });

  it("read IPv4 addresses written dotted or as numbers, and nothing else", () => {
    expect([
      ipv4Number("1.0.0.255"),
      ipv4Number("16777471"),
      ipv4Number("2001:200::"),
      ipv4Number("1.2.3.256"),
    ]).toEqual([16777471, 16777471, undefined, undefined]);
  });

  it("split CSV lines with quoted commas and doubled quotes", () => {
    expect(splitCsvLine('a,"b, c","say ""hi""",')).toEqual(["a", "b, c", 'say "hi"', ""]);
  });
});
