import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const BIOME = resolve("node_modules/.bin/biome");
const PLUGIN = resolve("lint/no-html-sinks.grit");

/** The lines of `source` (as a file in src/) that the plugin reports, 1-based. */
function reportedLines(source: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), "uplinks-lint-"));
  try {
    writeFileSync(
      join(dir, "biome.json"),
      JSON.stringify({
        linter: { rules: { recommended: false } },
        plugins: [{ path: PLUGIN, includes: ["src/**"] }],
      }),
    );
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "src", "probe.ts"), source);
    const run = spawnSync(BIOME, ["lint", "--max-diagnostics=100", "src"], {
      cwd: dir,
      encoding: "utf8",
    });
    const output = `${run.stdout}${run.stderr}`;
    return [...output.matchAll(/src\/probe\.ts:(\d+):\d+ plugin/g)].map((m) => Number(m[1]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("the no-html-sinks lint plugin", () => {
  it("reports every way of putting a string into the page as HTML", () => {
    const source = [
      "export function sinks(el: HTMLElement, text: string) {",
      "  el.innerHTML = text;",
      "  el.outerHTML = text;",
      "  el.innerHTML += text;",
      '  el["innerHTML"] = text;',
      '  el.insertAdjacentHTML("beforeend", text);',
      "  document.write(text);",
      "  document.writeln(text);",
      "  const copy = el.innerHTML;",
      "  return copy;",
      "}",
    ].join("\n");
    expect(reportedLines(source)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("lets text through", () => {
    const source = [
      "export function text(el: HTMLElement, value: string) {",
      "  el.textContent = value;",
      "  el.append(value);",
      '  el.setAttribute("title", value);',
      "}",
    ].join("\n");
    expect(reportedLines(source)).toEqual([]);
  });
});
