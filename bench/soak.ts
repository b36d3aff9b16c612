/**
 * The long-session check: one page of the built app in headless Chromium, played on loop for
 * `minutes` (north-korea at the fastest speed; each time playback stops at the end of the range,
 * Play again, which restarts from the start), then `switches` dataset switches through the address
 * (cuba, crimea, north-korea, …). Memory is taken after forced garbage collections at the start
 * and the end of each phase. bench/README.md ("Long sessions") says what is compared.
 *
 * `runSoak` is the last step of `npm run bench`; `npm run bench:soak` runs it alone
 * (flags: `--quick`, `--no-build`, `--minutes N`, `--switches N`; see {@link parseSoakArgs}).
 */
import { spawnSync } from "node:child_process";
import { readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CDPSession, Page } from "@playwright/test";
import { parseCatalog } from "../src/model/parse-topology";
import { launchChromium, VIEWPORT } from "./measure";
import { serveStatic } from "./server";
import {
  baselineSwitch,
  formatSoak,
  PLAYBACK_DATASET,
  parseSoakArgs,
  phaseOf,
  type SoakResult,
  type SoakSample,
  switchTarget,
  withSoak,
} from "./soak-report";
import { median } from "./stats";

const REPO = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(REPO, "dist");
export const RESULTS_FILE = join(REPO, "bench/results.json");

/** The fastest entry of the "Speed" select (src/state/store.ts SPEEDS). */
const SPEED_LABEL = "1 year/s";
const READY_TIMEOUT_MS = 5 * 60_000;
const LOOP_TIMEOUT_MS = 5 * 60_000;
const SWITCH_TIMEOUT_MS = 2 * 60_000;
const POLL_MS = 200;

/**
 * Counts the root's `data-state` becoming "ready" (from anything else), so a switch waits for the
 * ready that follows its own loading, not the one before it. Added before the page's own scripts.
 */
const READY_COUNTER = `(() => {
  let count = 0;
  new MutationObserver((records) => {
    const root = document.documentElement;
    const mine = records.filter((r) => r.target === root);
    mine.forEach((record, i) => {
      const after = i + 1 < mine.length ? mine[i + 1].oldValue : root.getAttribute("data-state");
      if (after === "ready" && record.oldValue !== "ready") count++;
    });
  }).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state"],
    attributeOldValue: true,
  });
  window.__soakReadyCount = () => count;
})();`;

const PLAYBACK_STATE = `(() => {
  const button = document.querySelector('[aria-label="Timeline"] button[aria-pressed]');
  const slider = document.querySelector('[role="slider"][aria-label="Date"]');
  return {
    playing: button ? button.getAttribute("aria-pressed") === "true" : null,
    now: slider ? Number(slider.getAttribute("aria-valuenow")) : null,
    max: slider ? Number(slider.getAttribute("aria-valuemax")) : null,
  };
})()`;

interface PlaybackState {
  readonly playing: boolean | null;
  readonly now: number | null;
  readonly max: number | null;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Evaluates `expression` every {@link POLL_MS} until `done` accepts its value. Plain evaluations:
 * the app's Content-Security-Policy (no 'unsafe-eval') blocks page.waitForFunction's predicates.
 */
async function poll<T>(
  page: Page,
  expression: string,
  done: (value: T) => boolean,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T;
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not after ${timeoutMs / 1000} s (${JSON.stringify(value)})`);
    }
    await sleep(POLL_MS);
  }
}

async function alertText(page: Page): Promise<string> {
  const text = await page.evaluate(
    `(document.querySelector('[role="alert"]') ?? document.body).textContent`,
  );
  return String(text).trim().slice(0, 300);
}

/** Collects garbage (twice) and reads the heap, the DOM node and listener counts. */
async function sample(page: Page, cdp: CDPSession): Promise<SoakSample> {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => {
    const value = metrics.find((m) => m.name === name)?.value;
    return value === undefined || !Number.isFinite(value) ? null : value;
  };
  const jsHeap = metric("JSHeapUsedSize");
  const canvases = (await page.evaluate(`document.querySelectorAll("canvas").length`)) as number;
  return {
    heapMB: heap.usedSize / 1e6,
    heapAllMB:
      (heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0)) / 1e6,
    jsHeapMB: jsHeap === null ? null : jsHeap / 1e6,
    nodes: metric("Nodes"),
    listeners: metric("JSEventListeners"),
    canvases,
    workers: page.workers().length,
  };
}

/** The catalog of the served app: each dataset's first date (where the slider starts). */
async function catalogOf(serverUrl: string) {
  const response = await fetch(`${serverUrl}data/index.json`);
  if (!response.ok) throw new Error(`${serverUrl}data/index.json: HTTP ${response.status}`);
  return parseCatalog(await response.json(), "data/index.json");
}

export interface SoakRun {
  readonly quick: boolean;
  readonly minutes: number;
  readonly switches: number;
  /** Prints progress (a line per phase and every few loops or switches). */
  readonly log?: (line: string) => void;
}

/**
 * Runs the long session against the app served at `serverUrl`. Never throws: a failure is
 * `error` in the result, beside whatever was measured before it.
 */
export async function runSoak(serverUrl: string, run: SoakRun): Promise<SoakResult> {
  const log = run.log ?? ((line: string) => console.log(line));
  const playback = {
    first: null as SoakSample | null,
    last: null as SoakSample | null,
    loops: 0,
    playedMs: 0,
    loopMs: [] as number[],
  };
  const switching = {
    first: null as SoakSample | null,
    last: null as SoakSample | null,
    switches: 0,
    baselineAfter: baselineSwitch(run.switches),
    switchMs: [] as number[],
  };
  const problems: string[] = [];
  let error: string | undefined;

  const browser = await launchChromium();
  try {
    const catalog = await catalogOf(serverUrl);
    const entry = catalog.datasets.find((d) => d.id === PLAYBACK_DATASET);
    if (!entry) throw new Error(`the catalog has no ${PLAYBACK_DATASET}`);
    // The slider's start (src/ui/timeline.ts timelineRange): where Play restarts from.
    const firstDate = `${entry.timeRange[0].slice(0, 4)}-01-01`;

    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript({ content: READY_COUNTER });
    const page = await context.newPage();
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");

    await page.goto(`${serverUrl}#ds=${PLAYBACK_DATASET}&anim=1&t=${firstDate}`, {
      waitUntil: "commit",
    });
    const state = await poll<string>(
      page,
      "String(document.documentElement.dataset.state)",
      (s) => s === "ready" || s === "error",
      READY_TIMEOUT_MS,
      "data-state ready",
    );
    if (state === "error") throw new Error(`data-state="error": ${await alertText(page)}`);

    // Looped playback.
    await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: SPEED_LABEL });
    const playButton = page.getByRole("button", { name: "Play", exact: true });
    const started = performance.now();
    const minutesMs = run.minutes * 60_000;
    log(`playback: ${PLAYBACK_DATASET} from ${firstDate} at ${SPEED_LABEL}, ${run.minutes} min`);
    for (;;) {
      const loopStarted = performance.now();
      await playButton.click();
      await poll<PlaybackState>(
        page,
        PLAYBACK_STATE,
        (s) => s.playing === true,
        10_000,
        "Play turns into Pause",
      );
      const end = await poll<PlaybackState>(
        page,
        PLAYBACK_STATE,
        (s) => s.playing === false,
        LOOP_TIMEOUT_MS,
        `loop ${playback.loops + 1} plays to the end`,
      );
      if (end.now === null || end.now !== end.max) {
        throw new Error(
          `playback stopped before the end of the range (day ${end.now} of ${end.max})`,
        );
      }
      playback.loops++;
      playback.loopMs.push(performance.now() - loopStarted);
      playback.playedMs = performance.now() - started;
      if (playback.loops === 1) {
        playback.first = await sample(page, cdp);
        log(`  after loop 1: heap ${playback.first.heapMB.toFixed(1)} MB`);
      } else if (playback.loops % 10 === 0) {
        log(`  ${playback.loops} loops, ${(playback.playedMs / 60_000).toFixed(1)} min`);
      }
      if (playback.playedMs >= minutesMs && playback.loops >= 2) break;
    }
    playback.last = await sample(page, cdp);
    log(`  after loop ${playback.loops}: heap ${playback.last.heapMB.toFixed(1)} MB`);

    // Dataset switches through the address, as a link or the dataset picker does (no reload).
    log(`switches: ${run.switches}, baseline after switch ${switching.baselineAfter}`);
    for (let n = 1; n <= run.switches; n++) {
      const id = switchTarget(n);
      const before = (await page.evaluate("window.__soakReadyCount()")) as number;
      const t = performance.now();
      await page.evaluate(`location.hash = ${JSON.stringify(`#ds=${id}&anim=1`)}`);
      const after = await poll<{ count: number; state: string }>(
        page,
        `({ count: window.__soakReadyCount(), state: String(document.documentElement.dataset.state) })`,
        (s) => (s.count > before && s.state === "ready") || s.state === "error",
        SWITCH_TIMEOUT_MS,
        `switch ${n} (${id}) ready`,
      );
      if (after.state === "error") {
        throw new Error(`switch ${n} (${id}): data-state="error": ${await alertText(page)}`);
      }
      switching.switchMs.push(performance.now() - t);
      switching.switches = n;
      if (n === switching.baselineAfter) switching.first = await sample(page, cdp);
      if (n === run.switches) switching.last = await sample(page, cdp);
      else if (n % 10 === 0) log(`  ${n} switches`);
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const seen = problems.length > 0 ? ` (page errors: ${problems.slice(-3).join(" | ")})` : "";
    error = `${message.split("\n")[0]}${seen}`;
  } finally {
    await browser.close();
  }

  const loopMsMedian = median(playback.loopMs);
  const switchMsMedian = median(switching.switchMs);
  const result: SoakResult = {
    quick: run.quick,
    dataset: PLAYBACK_DATASET,
    speed: SPEED_LABEL,
    playback: {
      ...phaseOf(playback.first, playback.last),
      minutes: run.minutes,
      playedMs: Math.round(playback.playedMs),
      loops: playback.loops,
      loopMsMedian: Number.isFinite(loopMsMedian) ? Math.round(loopMsMedian) : null,
    },
    switching: {
      ...phaseOf(switching.first, switching.last),
      planned: run.switches,
      switches: switching.switches,
      baselineAfter: switching.baselineAfter,
      switchMsMedian: Number.isFinite(switchMsMedian) ? Math.round(switchMsMedian) : null,
    },
    pageErrors: problems.length,
    ...(error === undefined ? {} : { error }),
  };
  return result;
}

/** Writes `soak` into bench/results.json, keeping the rest of the file (or starting one). */
export async function writeSoakResult(soak: SoakResult, file = RESULTS_FILE): Promise<void> {
  const text = await readFile(file, "utf8").catch(() => null);
  await writeFile(file, withSoak(text, soak));
}

async function main() {
  const options = parseSoakArgs(process.argv.slice(2));
  const built = await stat(join(DIST, "index.html")).catch(() => null);
  if (!built) {
    if (!options.build) throw new Error(`${join(DIST, "index.html")} is missing: build first`);
    console.log("$ npm run build");
    const result = spawnSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`npm run build exited with ${result.status}`);
  }
  const server = await serveStatic([{ prefix: "/", dir: DIST }]);
  try {
    const started = performance.now();
    console.log(`serving ${server.url}`);
    const soak = await runSoak(server.url, options);
    await writeSoakResult(soak);
    console.log(`\n${formatSoak(soak)}`);
    console.log(
      `\nwrote soak to ${RESULTS_FILE} · ${((performance.now() - started) / 1000).toFixed(1)} s in all`,
    );
    if (soak.error) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) await main();
