import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCatalog, parseTopology } from "../../src/model/parse-topology";
import { REPO_ROOT } from "./cli.test-helper";
import { checkImportedDataset } from "./imported-dataset";
import { parseYamlWith } from "./load-dataset";
import { buildAll } from "./pipeline";

const SAMPLE = join(REPO_ROOT, "data/samples/telegeography");

/** An imported dataset file over the importer's sample snapshot; `story` is its stories' YAML. */
const datasetYaml = (story: string, title = "Sample cables") => `id: sample
title: ${title}
description: The importer's sample files, as an imported dataset.
license:
  name: CC BY-NC-SA 3.0
  url: https://creativecommons.org/licenses/by-nc-sa/3.0/
  attribution: "Submarine cable data: TeleGeography (sample)"
import:
  format: telegeography
  snapshots:
    - { date: 2025-06-01, dir: ${SAMPLE} }
stories:
${story}`;

const STORY = `  - id: tour
    title: A tour
    steps:
      - title: The Gulf of Finland
        caption: A cable of the sample.
        view: { center: [25, 60], zoom: 5 }
        date: 2025-06-01
        select: link:sample-gulf-of-finland
`;

/** A folder with `data/datasets/sample.yaml` holding `text`; the build's working folder. */
function workspace(text: string) {
  const root = mkdtempSync(join(tmpdir(), "uplinks-imported-"));
  const datasets = join(root, "data/datasets");
  mkdirSync(datasets, { recursive: true });
  writeFileSync(join(datasets, "sample.yaml"), text);
  return { root, datasets };
}

function writeOutput(root: string, output: Map<string, string>) {
  for (const [file, text] of output) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
}

describe("an imported dataset's file", () => {
  it("names the file, the line and the field of each problem", () => {
    const text = datasetYaml(STORY.replace("zoom: 5", "zoom: 30")).replace(
      "format: telegeography",
      "format: kml",
    );
    const check = () => parseYamlWith(text, "sample.yaml", checkImportedDataset);
    expect(check).toThrow("sample.yaml:9: import.format: not an import format (telegeography)");
    expect(check).toThrow("sample.yaml:18: stories[0].steps[0].view.zoom: zoom is above 22 (30)");
  });

  it("needs a license", () => {
    const text = datasetYaml(STORY).replace(/license:\n( {2}.*\n)+/, "");
    expect(() => parseYamlWith(text, "sample.yaml", checkImportedDataset)).toThrow(
      "sample.yaml:1: license: required field is missing",
    );
  });
});

// Each build loads the boundaries and imports the sample: seconds on a busy machine.
describe("building an imported dataset", { timeout: 120_000 }, () => {
  it("lists it in the catalog with its license, its story over the importer's links", async () => {
    const { root, datasets } = workspace(datasetYaml(STORY));
    const output = await buildAll(datasets, "sample", { previous: root });
    const catalog = parseCatalog(JSON.parse(output.get("public/data/index.json") ?? ""));
    expect(catalog.datasets.map((d) => [d.id, d.title, d.license?.attribution])).toEqual([
      ["sample", "Sample cables", "Submarine cable data: TeleGeography (sample)"],
    ]);
    const text = output.get("public/data/sample.topology.json") ?? "";
    const topology = parseTopology(JSON.parse(text));
    expect(topology.stories[0]?.steps[0]?.select).toBe("link:sample-gulf-of-finland");
    expect(topology.updated).toBe("2025-06-01");
    expect(output.has("data/build/sample.json")).toBe(true);
  });

  it("keeps the earlier output while its inputs are unchanged, and rebuilds when they change", async () => {
    const { root, datasets } = workspace(datasetYaml(STORY));
    const logs: string[] = [];
    const log = (line: string) => logs.push(line);
    const first = await buildAll(datasets, "sample", { previous: root, log });
    writeOutput(root, first);
    const again = await buildAll(datasets, "sample", { previous: root, log });
    expect(logs[1]).toMatch(/^sample: inputs unchanged since the last build; kept/);
    expect([...again]).toEqual([...first]);

    writeFileSync(join(datasets, "sample.yaml"), datasetYaml(STORY, "Sample cables, again"));
    const changed = await buildAll(datasets, "sample", { previous: root, log });
    expect(logs[2]).toMatch(/^sample: imported \d+ links/);
    expect(changed.get("public/data/index.json")).toContain("Sample cables, again");
  });

  it("names the dataset file and line of a story step that selects a link the import lacks", async () => {
    const { root, datasets } = workspace(datasetYaml(STORY.replace("gulf-of-finland", "gulf")));
    await expect(buildAll(datasets, "sample", { previous: root })).rejects.toThrow(
      `${join(datasets, "sample.yaml")}:20: stories[0].steps[0].select: unknown link id ("sample-gulf")`,
    );
  });
});
