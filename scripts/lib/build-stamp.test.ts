import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildStamp, inputsHash, readStamp, textHash } from "./build-stamp";

/** A dataset file and one snapshot folder with a file in a subfolder, in a fresh folder. */
function inputs() {
  const root = mkdtempSync(join(tmpdir(), "uplinks-stamp-"));
  const dataset = join(root, "d.yaml");
  const snapshot = join(root, "2020-01-01");
  mkdirSync(join(snapshot, "cable"), { recursive: true });
  writeFileSync(dataset, "id: d\n");
  writeFileSync(join(snapshot, "cable-geo.json"), "{}");
  writeFileSync(join(snapshot, "cable/a.json"), '{"name":"A"}');
  return { root, dataset, snapshot };
}

describe("inputsHash", () => {
  it("is the same for the same files, wherever they are", () => {
    const a = inputs();
    const b = inputs();
    expect(inputsHash(a.dataset, [a.snapshot])).toBe(inputsHash(b.dataset, [b.snapshot]));
  });

  it("changes when a data file, its name or the dataset file changes", () => {
    const { dataset, snapshot } = inputs();
    const before = inputsHash(dataset, [snapshot]);
    writeFileSync(join(snapshot, "cable/a.json"), '{"name":"B"}');
    const edited = inputsHash(dataset, [snapshot]);
    expect(edited).not.toBe(before);
    renameSync(join(snapshot, "cable/a.json"), join(snapshot, "cable/b.json"));
    const renamed = inputsHash(dataset, [snapshot]);
    expect(renamed).not.toBe(edited);
    writeFileSync(dataset, "id: e\n");
    expect(inputsHash(dataset, [snapshot])).not.toBe(renamed);
  });
});

describe("stamps", () => {
  it("read back as written, and a file that is not a stamp reads as none", () => {
    const { root } = inputs();
    const stamp = buildStamp(textHash("inputs"), "the text");
    expect(stamp.output).toBe(textHash("the text"));
    const file = join(root, "stamp.json");
    writeFileSync(file, JSON.stringify(stamp));
    expect(readStamp(file)).toEqual(stamp);
    writeFileSync(file, '{ "inputs": "x" }');
    expect(readStamp(file)).toBeUndefined();
    expect(readStamp(join(root, "none.json"))).toBeUndefined();
  });
});
