/**
 * `npm run bench:map`: the cartography report. On world-cables at three views it measures the
 * ink (the share of the map, outside the panels, that differs from the same view of an empty
 * dataset) and the names the map placed (the app's `uplinks:labels` mark); on north-korea at two
 * views, whether every visible place is named. Prints a table and the targets, writes
 * bench/results-map.json. bench/README.md ("Cartography") says what each figure means.
 *
 * `runCartography` is also the last step of `npm run bench` (unless `--no-map`). Flags:
 * `--no-build`, `--dist DIR`, `--shots DIR` (see {@link parseMapArgs}).
 */
import { spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "@playwright/test";
import { parseCatalog, parseTopology } from "../src/model/parse-topology";
import { decode } from "../src/url/codec";
import { MAP_BASELINE } from "./cartography-baseline";
import { encodePng, openSettled, type SettledView } from "./cartography-page";
import { placeVerdict, visiblePlaces } from "./cartography-places";
import {
  checkMapTargets,
  formatMapReport,
  type InkViewResult,
  type MapResults,
  type PlaceViewResult,
  parseLabelsMark,
} from "./cartography-report";
import {
  emptyTopologyLike,
  INK_DATASET,
  INK_VIEWS,
  type MapView,
  PLACE_VIEWS,
  PLACES_DATASET,
  parseMapArgs,
  viewHash,
} from "./cartography-setup";
import { type Box, INK_THRESHOLD, inkPicture, inkShare } from "./ink";
import { describeBrowser, launchChromium } from "./measure";
import { serveStatic } from "./server";

const REPO = fileURLToPath(new URL("../", import.meta.url));
export const MAP_RESULTS_FILE = join(REPO, "bench/results-map.json");
/** Where the empty dataset is served from (a folder of its own, mounted beside the app). */
const EMPTY_PREFIX = "/bench-map/";
const EMPTY_FILE = "empty.topology.json";

export interface CartographyOptions {
  /** The built app (its index.html and data/). */
  readonly dist: string;
  /** Where to save screenshots and ink pictures; `null`: nowhere. */
  readonly shots: string | null;
  readonly log?: (line: string) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const shift = (b: Box, x: number, y: number): Box => ({
  x0: b.x0 - x,
  y0: b.y0 - y,
  x1: b.x1 - x,
  y1: b.y1 - y,
});

const timing = (page: SettledView) =>
  `ready ${(page.readyMs / 1000).toFixed(1)} s, settled ${(page.settledMs / 1000).toFixed(1)} s`;

/** A dataset of the built app's catalog, read and checked. */
async function readDataset(dist: string, id: string): Promise<{ raw: unknown; file: string }> {
  const catalog = parseCatalog(JSON.parse(await readFile(join(dist, "data/index.json"), "utf8")));
  const entry = catalog.datasets.find((d) => d.id === id);
  if (!entry) throw new Error(`invalid dataset: ${id} is not in ${dist}/data/index.json`);
  const file = join(dist, "data", entry.file);
  return { raw: JSON.parse(await readFile(file, "utf8")), file };
}

/** The ink of one view: the dataset's screenshot against the empty dataset's, at the same date. */
async function measureInk(
  browser: Browser,
  base: string,
  view: MapView,
  save: (name: string, png: Buffer) => Promise<void>,
  log: (line: string) => void,
): Promise<InkViewResult> {
  const hash = viewHash(view, `ds=${INK_DATASET}`);
  const result = { view: view.id, label: view.label, viewport: view.viewport, hash };
  try {
    const data = await openSettled(browser, `${base}${hash}`, view.viewport);
    // The same date as the dataset opened at, whatever its default.
    const date = decode(data.hash).state.date ?? null;
    const emptyHash = viewHash(view, `data=${EMPTY_PREFIX.slice(1)}${EMPTY_FILE}`, date);
    const empty = await openSettled(browser, `${base}${emptyHash}`, view.viewport);
    log(`  ${view.label}: ${INK_DATASET} ${timing(data)}; empty ${timing(empty)}`);
    // The panels of both pages: a sidebar that is longer with data hides more of the empty map.
    const ink = inkShare(data.image, empty.image, {
      area: data.map,
      panels: [...data.panels, ...empty.panels],
      threshold: INK_THRESHOLD,
    });
    await save(`${view.id}-data.png`, data.png);
    await save(`${view.id}-empty.png`, empty.png);
    await save(`${view.id}-ink.png`, encodePng(inkPicture(data.image, ink)));
    return {
      ...result,
      emptyHash,
      ink: ink.share,
      inkPixels: ink.changed,
      mapPixels: ink.counted,
      labels: parseLabelsMark(data.labelsDetail),
    };
  } catch (error) {
    return {
      ...result,
      emptyHash: null,
      ink: null,
      inkPixels: null,
      mapPixels: null,
      labels: null,
      error: messageOf(error),
    };
  }
}

/** Whether every place visible in one view of {@link PLACES_DATASET} has its name. */
async function checkPlaces(
  browser: Browser,
  base: string,
  view: MapView,
  nodes: Parameters<typeof visiblePlaces>[0],
  save: (name: string, png: Buffer) => Promise<void>,
): Promise<PlaceViewResult> {
  const hash = viewHash(view, `ds=${PLACES_DATASET}`);
  try {
    const page = await openSettled(browser, `${base}${hash}`, view.viewport);
    await save(`${view.id}.png`, page.png);
    const camera = decode(page.hash).state.camera;
    if (!camera) throw new Error(`the address has no camera once ready: ${page.hash}`);
    const size = { width: page.map.x1 - page.map.x0, height: page.map.y1 - page.map.y0 };
    const panels = page.panels.map((p) => shift(p, page.map.x0, page.map.y0));
    const visible = visiblePlaces(nodes, camera, size, panels);
    const labels = parseLabelsMark(page.labelsDetail);
    const verdict = placeVerdict(visible, labels?.places ?? null, labels?.placeIds ?? null);
    return {
      view: view.id,
      label: view.label,
      hash,
      visible: visible.map((p) => p.name),
      labels,
      ...verdict,
    };
  } catch (error) {
    const message = messageOf(error);
    return {
      view: view.id,
      label: view.label,
      hash,
      visible: [],
      labels: null,
      status: "n/a",
      detail: message,
      missing: null,
      error: message,
    };
  }
}

/** Serves `options.dist` with an empty dataset beside it and measures every view. */
export async function runCartography(options: CartographyOptions): Promise<MapResults> {
  const log = options.log ?? ((line: string) => console.log(line));
  const inkData = await readDataset(options.dist, INK_DATASET);
  const places = await readDataset(options.dist, PLACES_DATASET);
  const nodes = parseTopology(places.raw, places.file).nodes;
  const empty = emptyTopologyLike(inkData.raw, `${INK_DATASET}-empty`);
  parseTopology(empty, EMPTY_FILE);

  const folder = await mkdtemp(join(tmpdir(), "uplinks-bench-map-"));
  await writeFile(join(folder, EMPTY_FILE), JSON.stringify(empty));
  if (options.shots) await mkdir(options.shots, { recursive: true });
  const save = async (name: string, png: Buffer) => {
    if (options.shots) await writeFile(join(options.shots, name), png);
  };
  const server = await serveStatic([
    { prefix: EMPTY_PREFIX, dir: folder },
    { prefix: "/", dir: options.dist },
  ]);
  const machine = { nproc: availableParallelism(), ...(await describeBrowser()) };
  const browser = await launchChromium();
  try {
    const views: InkViewResult[] = [];
    for (const view of INK_VIEWS) {
      const t = performance.now();
      const result = await measureInk(browser, server.url, view, save, log);
      views.push(result);
      const ink = result.ink === null ? "—" : `${(result.ink * 100).toFixed(1)}%`;
      log(
        `${view.label}: ${result.error ? `FAILED: ${result.error}` : `ink ${ink}, names ${JSON.stringify(result.labels)}`} · ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    const placeResults: PlaceViewResult[] = [];
    for (const view of PLACE_VIEWS) {
      const result = await checkPlaces(browser, server.url, view, nodes, save);
      placeResults.push(result);
      log(`${view.label}: ${result.detail}`);
    }
    const measured = { views, places: placeResults };
    return {
      machine,
      date: new Date().toISOString(),
      threshold: INK_THRESHOLD,
      ...measured,
      targets: checkMapTargets(measured, MAP_BASELINE),
    };
  } finally {
    await browser.close();
    await server.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** True when a view could not be measured (an error, a timeout). */
export const mapRunFailed = (results: MapResults) =>
  results.views.some((v) => v.error) || results.places.some((p) => p.error);

/** Writes bench/results-map.json. */
export async function writeMapResults(results: MapResults, file = MAP_RESULTS_FILE) {
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** The report as `npm run bench` prints it, after its own. */
export function formatCartography(results: MapResults): string {
  return formatMapReport(results, MAP_BASELINE);
}

async function main() {
  const options = parseMapArgs(process.argv.slice(2));
  const dist = options.dist ? resolve(options.dist) : join(REPO, "dist");
  if (options.build) {
    console.log("$ npm run build");
    const built = spawnSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit" });
    if (built.status !== 0) throw new Error(`npm run build exited with ${built.status}`);
  }
  if (!(await stat(join(dist, "index.html")).catch(() => null))) {
    throw new Error(`${join(dist, "index.html")} is missing: build first`);
  }
  const started = performance.now();
  console.log(`cartography of ${dist}`);
  const results = await runCartography({ dist, shots: options.shots });
  await writeMapResults(results);
  console.log(`\n${formatCartography(results)}`);
  console.log(
    `\nwrote ${MAP_RESULTS_FILE} · ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
  );
  if (mapRunFailed(results)) process.exitCode = 1;
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) await main();
