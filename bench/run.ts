/**
 * `npm run bench`: builds the app and the reference page, generates datasets, serves both on
 * 127.0.0.1 and measures each page on each dataset in headless Chromium (load, animated frames,
 * script time, scrubbing, memory, bytes), then the importer (bench/import-caida.ts). Prints a table
 * and the targets, and writes bench/results.json; last, the long session (bench/soak.ts), merged
 * into it as `soak`; then the cartography report (bench/cartography.ts), written to
 * bench/results-map.json. bench/README.md says what each figure means.
 *
 * Flags: `--quick` (north-korea and gen-1000, fewer frames, a 1-minute soak), `--datasets a,b`
 * (ids of embedded datasets, `gen-<N>` for generated ones), `--regional a,b` (the datasets also
 * measured at the regional view), `--no-regional`, `--no-pixel-diff`, `--no-build`,
 * `--no-import`, `--no-soak`, `--no-map`, `--keep-data`.
 */
import { spawnSync } from "node:child_process";
import { copyFile, readFile, rm, stat, writeFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCatalog } from "../scripts/lib/catalog";
import { toDayNumber } from "../src/model/dates";
import { parseCatalog } from "../src/model/parse-topology";
import type { Catalog, CatalogEntry } from "../src/model/schema";
import { initialJs } from "./bundle-size";
import { formatCartography, mapRunFailed, runCartography, writeMapResults } from "./cartography";
import { measurePixelDiff, REGIONAL_VIEW } from "./detail-diff";
import { writeGenerated } from "./generate";
import {
  describeBrowser,
  type Limits,
  launchChromium,
  measurePage,
  type PageSpec,
  readyTime,
} from "./measure";
import {
  checkTargets,
  formatTable,
  type ImportResult,
  type PageName,
  type Results,
  type RunResult,
} from "./report";
import { serveStatic } from "./server";
import { runSoak, writeSoakResult } from "./soak";
import { FULL_SOAK, formatSoak, QUICK_SOAK } from "./soak-report";
import { median } from "./stats";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(REPO, "dist");
const DIST_DATA = join(DIST, "data");
const REFERENCE_DIST = join(REPO, "bench/reference/dist");
const RESULTS_FILE = join(REPO, "bench/results.json");

const FULL_DATASETS = ["north-korea", "world-cables", "gen-1000", "gen-10000", "gen-100000"];
const QUICK_DATASETS = ["north-korea", "gen-1000"];
/** The datasets also measured at the regional view (zoom 5 over Europe), when in the run. */
const REGIONAL_DATASETS = ["world-cables", "gen-10000", "gen-100000"];

const MINUTE = 60_000;
const FULL_LIMITS: Limits = {
  frames: 300,
  frameBudgetMs: 20_000,
  minFrames: 3,
  scrubChanges: 60,
  scrubBudgetMs: MINUTE,
  minScrubs: 3,
  readyTimeoutMs: 20 * MINUTE,
  // One load moves by ±15% on a busy 2-core machine: the median of five, not three.
  readyRuns: 5,
  measureTimeoutMs: 3 * MINUTE,
};

/**
 * How long a page may take to be measured once ready before it counts as stalled: a frame of
 * 100,000 links takes most of a minute with software WebGL, and the figures need a few of them.
 */
const measureTimeoutMs = (links: number) => 3 * MINUTE + links * 10;
const QUICK_LIMITS: Limits = {
  ...FULL_LIMITS,
  frames: 60,
  frameBudgetMs: 8_000,
  scrubChanges: 20,
  scrubBudgetMs: 15_000,
  readyRuns: 3,
};

interface Options {
  readonly quick: boolean;
  readonly datasets: readonly string[];
  readonly build: boolean;
  readonly importBench: boolean;
  readonly soak: boolean;
  readonly map: boolean;
  readonly keepData: boolean;
  /** The datasets measured at the regional view too (level of detail's targets). */
  readonly regional: readonly string[];
  /** Whether to measure the app's pixel difference with whole paths (bench/detail-diff.ts). */
  readonly pixelDiff: boolean;
}

function parseArgs(args: readonly string[]): Options {
  let quick = false;
  let datasets: string[] | null = null;
  let build = true;
  let importBench = true;
  let soak = true;
  let map = true;
  let keepData = false;
  let regional: string[] = REGIONAL_DATASETS;
  let pixelDiff = true;
  const list = (arg: string, i: number) =>
    ((arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[i]) ?? "")
      .split(",")
      .filter(Boolean);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--quick") quick = true;
    else if (arg === "--no-build") build = false;
    else if (arg === "--no-import") importBench = false;
    else if (arg === "--no-soak") soak = false;
    else if (arg === "--no-map") map = false;
    else if (arg === "--keep-data") keepData = true;
    else if (arg === "--no-regional") regional = [];
    else if (arg === "--no-pixel-diff") pixelDiff = false;
    else if (arg === "--regional" || arg.startsWith("--regional=")) {
      regional = list(arg, arg.includes("=") ? i : ++i);
      if (regional.length === 0) throw new Error("invalid --regional: expected a,b,…");
    } else if (arg === "--datasets" || arg.startsWith("--datasets=")) {
      const list = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : args[++i];
      datasets = (list ?? "").split(",").filter(Boolean);
      if (datasets.length === 0) throw new Error("invalid --datasets: expected a,b,…");
    } else throw new Error(`invalid argument: ${arg} (see bench/README.md)`);
  }
  return {
    quick,
    datasets: datasets ?? (quick ? QUICK_DATASETS : FULL_DATASETS),
    build,
    importBench,
    soak,
    map,
    keepData,
    regional,
    pixelDiff,
  };
}

function run(command: string, args: readonly string[]): void {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: REPO, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status}`);
}

/** A dataset as the bench needs it: where its file is and which dates its slider covers. */
interface Dataset {
  readonly id: string;
  readonly file: string;
  readonly links: number;
  readonly timeRange: readonly [string, string];
}

const GENERATED = /^gen-([1-9]\d*)$/;

/**
 * Puts the generated datasets into the built site (dist/data, beside the embedded ones) and lists
 * them in dist/data/index.json, so the app opens them (`#ds=gen-1000`). `ensure` puts them back if
 * something (another build) removed them; `restore` leaves dist/data as the build made it.
 */
async function installDatasets(ids: readonly string[]) {
  const catalogFile = join(DIST_DATA, "index.json");
  const original = await readFile(catalogFile, "utf8");
  const built = parseCatalog(JSON.parse(original), catalogFile);
  const generated: { entry: CatalogEntry; source: string }[] = [];
  for (const id of ids) {
    const match = GENERATED.exec(id);
    if (!match) continue;
    const started = performance.now();
    const { topology, file, bytes } = await writeGenerated(Number(match[1]));
    const entry = buildCatalog([topology], topology.id).datasets[0] as CatalogEntry;
    generated.push({ entry, source: file });
    console.log(
      `generated ${basename(file)}: ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const ours = new Set(generated.map((g) => g.entry.id));
  const catalog: Catalog = {
    ...built,
    datasets: [...built.datasets.filter((d) => !ours.has(d.id)), ...generated.map((g) => g.entry)],
  };
  const catalogText = `${JSON.stringify(parseCatalog(catalog), null, 2)}\n`;

  const datasets = ids.map((id): Dataset => {
    const entry = catalog.datasets.find((d) => d.id === id);
    if (!entry) {
      const known = built.datasets.map((d) => d.id).join(", ");
      throw new Error(`invalid dataset: ${id} (known: ${known}, gen-<N>)`);
    }
    return { id, file: entry.file, links: entry.counts.links, timeRange: entry.timeRange };
  });

  const ensure = async () => {
    for (const { entry, source } of generated) {
      const target = join(DIST_DATA, entry.file);
      const [from, to] = await Promise.all([stat(source), stat(target).catch(() => null)]);
      if (to?.size !== from.size) await copyFile(source, target);
    }
    if ((await readFile(catalogFile, "utf8").catch(() => "")) !== catalogText)
      await writeFile(catalogFile, catalogText);
  };
  const restore = async () => {
    if ((await readFile(catalogFile, "utf8").catch(() => "")) === catalogText)
      await writeFile(catalogFile, original);
    for (const { entry } of generated) await rm(join(DIST_DATA, entry.file), { force: true });
  };
  await ensure();
  return { datasets, ensure, restore };
}

/**
 * Scrub positions as shares of the slider, in golden-ratio order: any first k of them are spread
 * over the whole range, so a run cut short by its time budget still samples all of it.
 */
function scrubFractions(count: number): number[] {
  const golden = (Math.sqrt(5) - 1) / 2;
  return Array.from({ length: count }, (_, i) => Math.round(((0.5 + i * golden) % 1) * 1e4) / 1e4);
}

/** The day numbers a press at `fractions` of the app's slider selects (src/ui/timeline.ts). */
function scrubDays(fractions: readonly number[], timeRange: readonly [string, string]): number[] {
  const min = toDayNumber(`${timeRange[0].slice(0, 4)}-01-01`);
  const max = toDayNumber(timeRange[1]);
  return fractions.map((f) => min + Math.round(f * (max - min)));
}

function runImportBench(): ImportResult {
  console.log("\n$ tsx bench/import-caida.ts");
  const child = spawnSync(
    process.execPath,
    ["--import", import.meta.resolve("tsx"), join(REPO, "bench/import-caida.ts")],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "0" } },
  );
  process.stdout.write(child.stdout ?? "");
  if (child.status !== 0) {
    process.stderr.write(child.stderr ?? "");
    return { error: `bench/import-caida.ts exited with ${child.status}` };
  }
  const line = /^\{"bench":"import-caida".*\}$/m.exec(child.stdout)?.[0];
  if (!line) return { error: "bench/import-caida.ts printed no figures" };
  const { lines, inputMb, ms, peakRssMb } = JSON.parse(line) as ImportResult;
  return {
    ...(lines === undefined ? {} : { lines }),
    ...(inputMb === undefined ? {} : { inputMb }),
    ...(ms === undefined ? {} : { ms }),
    ...(peakRssMb === undefined ? {} : { peakRssMb }),
  };
}

/**
 * Adds each app page's pixel difference with whole paths to its run (bench/detail-diff.ts), in a
 * browser of its own; returns whether one failed.
 */
async function pixelDiffs(
  runs: RunResult[],
  pages: readonly { run: number; url: string }[],
  ensure: () => Promise<void>,
): Promise<boolean> {
  let failed = false;
  const browser = await launchChromium();
  try {
    for (const { run, url } of pages) {
      const result = runs[run] as RunResult;
      if (result.error) continue;
      process.stdout.write(`${result.dataset} · pixel difference with whole paths: `);
      await ensure();
      try {
        const diff = await measurePixelDiff(browser, url);
        runs[run] = { ...result, pixelDiff: diff.percent };
        console.log(`${diff.percent.toFixed(2)}% (${diff.changed} of ${diff.counted} pixels)`);
      } catch (error) {
        failed = true;
        console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } finally {
    await browser.close();
  }
  return failed;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const show = (value: number | null, unit: string) =>
  value === null ? "—" : `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit}`;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const limits = options.quick ? QUICK_LIMITS : FULL_LIMITS;
  const started = performance.now();
  const loadAverage = () => loadavg().map((l) => Math.round(l * 100) / 100);
  // Before the build, so it is other processes' load, not ours.
  const loadBefore = loadAverage();
  if (options.build) {
    run("npm", ["run", "build"]);
    run("npx", ["vite", "build", "--config", "bench/reference/vite.config.ts"]);
  }
  for (const page of [join(DIST, "index.html"), join(REFERENCE_DIST, "index.html")]) {
    if (!(await stat(page).catch(() => null))) throw new Error(`${page} is missing: build first`);
  }

  const installed = await installDatasets(options.datasets);
  const server = await serveStatic([
    { prefix: "/reference/", dir: REFERENCE_DIST },
    { prefix: "/", dir: DIST },
  ]);
  const runs: RunResult[] = [];
  let failed = false;
  try {
    const browser = await describeBrowser();
    const machine = { nproc: availableParallelism(), ...browser };
    console.log(`\nserving ${server.url} · Chromium ${machine.chromium} · ${machine.gl}`);
    const fractions = scrubFractions(limits.scrubChanges);

    /** The pages measured since the last `moreLoads`, whose `readyMs` is not final yet. */
    let loads: { run: number; url: string }[] = [];
    /** Every app page measured, for its pixel difference. */
    const appPages: { run: number; url: string }[] = [];
    const measure = async (
      page: PageName,
      dataset: string,
      links: number,
      spec: Omit<PageSpec, "page" | "fractions">,
    ) => {
      const t = performance.now();
      process.stdout.write(`${dataset} · ${page}: `);
      await installed.ensure();
      if (spec.dataPath) await server.warm(spec.dataPath);
      try {
        const pageLimits = { ...limits, measureTimeoutMs: measureTimeoutMs(links) };
        const attempt = () => measurePage({ ...spec, page, fractions }, pageLimits);
        // Now and then a page stops answering (the GPU process busy, the page silent) for no
        // cause found: measure it once more, in a new browser, and say so.
        const { frames, scrubChanges, ...figures } = await attempt().catch((error: Error) => {
          if (!error.message.startsWith("stalled")) throw error;
          process.stdout.write(`${error.message}; measuring again: `);
          return attempt();
        });
        const fileBytes = spec.dataPath ? (await stat(join(DIST, spec.dataPath))).size : 0;
        const view = dataset.split("@")[1];
        runs.push({
          page,
          dataset,
          ...(view ? { view } : {}),
          links,
          ...figures,
          fileBytes,
          frames,
          scrubChanges,
        });
        loads.push({ run: runs.length - 1, url: spec.url });
        if (page === "app") appPages.push({ run: runs.length - 1, url: spec.url });
        console.log(
          `ready ${show(figures.readyMs, "ms")}, frame ${show(figures.frameMsMedian, "ms")} (${frames} frames), script ${show(figures.scriptMsPerFrame, "ms")}/frame, scrub ${show(figures.scrubMs, "ms")} (${scrubChanges}), heap ${show(figures.heapMB, "MB")} · ${seconds(performance.now() - t)}`,
        );
      } catch (error) {
        failed = true;
        const message = error instanceof Error ? error.message : String(error);
        runs.push({
          page,
          dataset,
          links,
          readyMs: null,
          frameMsMedian: null,
          frameMsP95: null,
          scriptMsPerFrame: null,
          scrubMs: null,
          heapMB: null,
          dataBytes: null,
          error: message,
        });
        console.log(`FAILED after ${seconds(performance.now() - t)}: ${message}`);
      }
    };

    /**
     * Loads each page of `loads` `limits.readyRuns - 1` more times, the pages in turn (reference,
     * app, reference, app…) so that both meet the same moments of a busy machine; each `readyMs`
     * becomes the median of its page's loads. A page that fails a load keeps what it has.
     */
    const moreLoads = async () => {
      const pages = loads.filter(({ run }) => (runs[run]?.readySamples?.length ?? 0) > 0);
      loads = [];
      for (let round = 1; round < limits.readyRuns; round++) {
        for (const { run, url } of pages) {
          const result = runs[run] as RunResult;
          const ms = await readyTime(url, limits.readyTimeoutMs).catch((error: Error) => {
            console.log(
              `${result.dataset} · ${result.page}: a further load failed: ${error.message}`,
            );
            return null;
          });
          if (ms !== null)
            runs[run] = { ...result, readySamples: [...(result.readySamples ?? []), ms] };
        }
      }
      for (const { run } of pages) {
        const result = runs[run] as RunResult;
        const samples = result.readySamples ?? [];
        const readyMs = median(samples);
        runs[run] = { ...result, readyMs };
        console.log(
          `${result.dataset} · ${result.page}: ready ${show(readyMs, "ms")} (median of ${samples.map((ms) => Math.round(ms)).join(", ")})`,
        );
      }
    };

    await measure("reference", "baseline", 0, {
      url: `${server.url}reference/?links=0`,
      dataPath: null,
      days: scrubDays(fractions, ["2006-01-01", "2026-01-01"]),
    });
    await moreLoads();
    for (const dataset of installed.datasets) {
      const dataPath = `/data/${dataset.file}`;
      const days = scrubDays(fractions, dataset.timeRange);
      await measure("reference", dataset.id, dataset.links, {
        url: `${server.url}reference/?data=${encodeURIComponent(`..${dataPath}`)}`,
        dataPath,
        days,
      });
      await measure("app", dataset.id, dataset.links, {
        url: `${server.url}#ds=${dataset.id}&anim=1`,
        dataPath,
        days,
      });
      if (options.regional.includes(dataset.id)) {
        const label = `${dataset.id}@${REGIONAL_VIEW.id}`;
        await measure("reference", label, dataset.links, {
          url: `${server.url}reference/?data=${encodeURIComponent(`..${dataPath}`)}&view=${REGIONAL_VIEW.camera}`,
          dataPath,
          days,
        });
        await measure("app", label, dataset.links, {
          url: `${server.url}#ds=${dataset.id}&anim=1&map=${REGIONAL_VIEW.camera}`,
          dataPath,
          days,
        });
      }
      await moreLoads();
    }
    if (options.pixelDiff) failed = (await pixelDiffs(runs, appPages, installed.ensure)) || failed;

    const [app, reference] = await Promise.all([
      initialJs(join(DIST, "index.html")),
      initialJs(join(REFERENCE_DIST, "index.html")),
    ]);
    const bundle = {
      appInitialJsGzipBytes: app.gzipBytes,
      referenceInitialJsGzipBytes: reference.gzipBytes,
    };
    const importResult = options.importBench ? runImportBench() : undefined;
    if (importResult?.error) failed = true;

    const load = { before: loadBefore, after: loadAverage() };
    const results: Results = {
      machine,
      date: new Date().toISOString(),
      quick: options.quick,
      load,
      runs,
      bundle,
      ...(importResult ? { import: importResult } : {}),
    };
    await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);

    const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;
    console.log(
      `\nUplinks bench${options.quick ? " (--quick)" : ""} · ${machine.nproc} cores · Chromium ${machine.chromium} · ${machine.gl}\n`,
    );
    console.log(formatTable(runs));
    const busiest = Math.max(load.before[0] ?? 0, load.after[0] ?? 0);
    if (busiest > machine.nproc) {
      console.log(
        `\nwarning: the machine was busy (1-minute load average ${busiest} on ${machine.nproc} cores, before ${load.before[0]}, after ${load.after[0]}): other processes' CPU time is in these figures`,
      );
    }
    console.log(
      `\ninitial JS (gzip): app ${kb(app.gzipBytes)} (${app.files.length} files), reference ${kb(reference.gzipBytes)} (${reference.files.length} files), ratio ${(app.gzipBytes / reference.gzipBytes).toFixed(2)}×`,
    );
    if (importResult) {
      console.log(
        importResult.error
          ? `importer: ${importResult.error}`
          : `importer (CAIDA, ${importResult.lines?.toLocaleString("en-US")} lines, ${importResult.inputMb} MB): ${importResult.ms} ms, peak RSS ${importResult.peakRssMb} MB`,
      );
    }
    console.log("\ntargets:");
    for (const check of checkTargets(runs, bundle)) {
      console.log(`  ${check.status.padEnd(4)}  ${check.target}: ${check.detail}`);
    }

    if (options.soak) {
      // Last, and after results.json is written: it takes the longest and measures no other page.
      const soakOptions = options.quick ? QUICK_SOAK : FULL_SOAK;
      console.log(
        `\nlong session (bench/soak.ts): ${soakOptions.minutes} min of looped playback, ${soakOptions.switches} dataset switches`,
      );
      const soak = await runSoak(server.url, { quick: options.quick, ...soakOptions });
      await writeSoakResult(soak, RESULTS_FILE);
      if (soak.error) failed = true;
      console.log(`\n${formatSoak(soak)}`);
    }
    if (options.map) {
      console.log(
        "\ncartography (bench/cartography.ts): world-cables' ink and names, north-korea's names",
      );
      const map = await runCartography({ dist: DIST, shots: null });
      await writeMapResults(map);
      if (mapRunFailed(map)) failed = true;
      console.log(`\n${formatCartography(map)}`);
    }
    console.log(`\nwrote ${RESULTS_FILE} · ${seconds(performance.now() - started)} in all`);
  } finally {
    await server.close();
    if (!options.keepData) await installed.restore();
  }
  if (failed) process.exitCode = 1;
}

await main();
