/**
 * Measures one page in headless Chromium, from outside: the DOM's `data-state`, requestAnimationFrame
 * in the page (bench/page-harness.js), and the DevTools protocol (script time, heap), as DESIGN §5
 * allows. Each run gets a browser of its own, so no run inherits another's memory or caches.
 */
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../e2e/launch";
import { mean, median, quantile } from "./stats";

const HARNESS = fileURLToPath(new URL("./page-harness.js", import.meta.url));

export const VIEWPORT = { width: 1280, height: 720 };

/** How long each measurement may run. */
export interface Limits {
  /** Animated frames: stop at `frames` frames, or after `frameBudgetMs` once `minFrames` are in. */
  readonly frames: number;
  readonly frameBudgetMs: number;
  readonly minFrames: number;
  /** Scrubs: at most `scrubChanges`, no new one after `scrubBudgetMs` once `minScrubs` are done. */
  readonly scrubChanges: number;
  readonly scrubBudgetMs: number;
  readonly minScrubs: number;
  /** Navigation to `data-state="ready"`. */
  readonly readyTimeoutMs: number;
  /**
   * Loads timed for `readyMs`, each in a browser of its own; the figure is their median. A single
   * load's time moves by a second or more from one run to the next on a busy 2-core machine.
   */
  readonly readyRuns: number;
  /**
   * Once ready, the rest of the page's measurement (memory, frames, scrubs): past this, the page
   * is taken to have stalled, its browser is closed and the run fails, naming the step.
   */
  readonly measureTimeoutMs: number;
}

export interface PageSpec {
  readonly page: "app" | "reference";
  readonly url: string;
  /** The dataset file's URL path (e.g. `/data/gen-1000.topology.json`); `null`: none loaded. */
  readonly dataPath: string | null;
  /** Where each scrub lands, as a share of the slider (the app) … */
  readonly fractions: readonly number[];
  /** … and as a day number (the reference page); the same dates. */
  readonly days: readonly number[];
}

/** The figures of one run; `null` where the browser gave no number. */
export interface Figures {
  /** The ready time of the measured run (bench/run.ts makes it the median of every load's). */
  readonly readyMs: number | null;
  /** Each load's ready time: the measured run's (bench/run.ts adds the further loads). */
  readonly readySamples: number[];
  readonly frameMsMedian: number | null;
  readonly frameMsP95: number | null;
  readonly scriptMsPerFrame: number | null;
  readonly scrubMs: number | null;
  readonly heapMB: number | null;
  readonly dataBytes: number;
  /** Frame deltas sampled and scrubs timed. */
  readonly frames: number;
  readonly scrubChanges: number;
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

/**
 * Waits for `data-state` to become "ready"; throws on "error" (with the page's alert) or when
 * `timeoutMs` passes. Polled with plain evaluations: the app's Content-Security-Policy (no
 * 'unsafe-eval') blocks the string predicates of page.waitForFunction.
 */
async function untilReady(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = "";
  while (state !== "ready" && state !== "error") {
    if (Date.now() > deadline) {
      throw new Error(`not ready after ${timeoutMs / 1000} s (data-state="${state}")`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    state = String(await page.evaluate("document.documentElement.dataset.state"));
  }
  if (state === "error") {
    const alert = await page.evaluate(
      `(document.querySelector('[role="alert"]') ?? document.body).textContent`,
    );
    throw new Error(`the page says data-state="error": ${String(alert).trim().slice(0, 300)}`);
  }
}

/** One more load of `url`, in a browser of its own: navigation start → ready, in ms. */
export async function readyTime(url: string, timeoutMs: number): Promise<number> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript({ path: HARNESS });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "commit" });
    await untilReady(page, timeoutMs);
    const ms = (await page.evaluate("window.__benchHarness.readyAt()")) as number | null;
    if (ms === null || !Number.isFinite(ms)) throw new Error("no ready time on a repeated load");
    return ms;
  } finally {
    await browser.close();
  }
}

/**
 * Launches Chromium as the e2e tests do (e2e/launch.ts: the system browser, software WebGL through
 * llvmpipe); never with `--disable-frame-rate-limit`, which lets frames run ahead of the GPU.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions(), headless: true });
}

/** The browser's version and its WebGL renderer string. */
export async function describeBrowser(): Promise<{ chromium: string; gl: string }> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    await page.addScriptTag({ path: HARNESS });
    const gl = (await page.evaluate("window.__benchHarness.glRenderer()")) as string;
    return { chromium: browser.version(), gl };
  } finally {
    await browser.close();
  }
}

/**
 * Loads `spec.url`, waits for "ready", then measures memory, animated frames and scrubs: every
 * figure, with the ready time of that one load (`readySamples` holds it; see {@link readyTime}
 * for the further loads `readyMs` is the median of).
 */
export async function measurePage(spec: PageSpec, limits: Limits): Promise<Figures> {
  const browser = await launchChromium();
  const problems: string[] = [];
  /** What the run is waiting for, to name it if the page stalls. */
  let step = "loading";
  let stalled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  const watch = (ms: number) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      stalled = true;
      browser.close().catch(() => {});
    }, ms);
  };
  watch(limits.readyTimeoutMs + 30_000);
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.addInitScript({ path: HARNESS });
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(message.text());
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const scriptSeconds = async () =>
      (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration")
        ?.value ?? Number.NaN;

    await page.goto(spec.url, { waitUntil: "commit" });
    await untilReady(page, limits.readyTimeoutMs);
    watch(limits.measureTimeoutMs);
    step = "reading the ready time";
    const readyMs = (await page.evaluate("window.__benchHarness.readyAt()")) as number | null;

    // The body's bytes as sent (gzip), from the resource timing of the page and of its workers
    // (the app downloads in one): Playwright's `response.finished()` now and then never resolved
    // for a file read long before.
    step = "reading the dataset's size";
    let dataBytes = 0;
    if (spec.dataPath) {
      const expression = `performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === ${JSON.stringify(spec.dataPath)}).map((e) => e.encodedBodySize)`;
      const inWorkers = await Promise.all(
        page.workers().map((worker) => worker.evaluate(expression).catch(() => [])),
      );
      const sizes = [await page.evaluate(expression), ...inWorkers].flat() as number[];
      if (sizes.length === 0) throw new Error(`the page did not request ${spec.dataPath}`);
      dataBytes = Math.max(...sizes);
    }

    step = "measuring the heap";
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const heapBytes =
      heap.usedSize + (heap.embedderHeapUsedSize ?? 0) + (heap.backingStorageSize ?? 0);

    step = "animated frames";
    const scriptBefore = await scriptSeconds();
    const deltas = (await page.evaluate(
      `window.__benchHarness.sampleFrames(${JSON.stringify({
        max: limits.frames,
        budgetMs: limits.frameBudgetMs,
        min: limits.minFrames,
      })})`,
    )) as number[];
    const scriptAfter = await scriptSeconds();

    step = "scrubs";
    const scrub = (await page.evaluate(
      `window.__benchHarness.scrub(${JSON.stringify({
        page: spec.page,
        fractions: spec.fractions.slice(0, limits.scrubChanges),
        days: spec.days.slice(0, limits.scrubChanges),
        budgetMs: limits.scrubBudgetMs,
        min: limits.minScrubs,
      })})`,
    )) as { durations: number[]; moved: number };
    if (scrub.moved === 0) throw new Error("no scrub moved the date (the slider did not respond)");

    return {
      readyMs: readyMs === null ? null : finite(readyMs),
      readySamples: readyMs === null ? [] : [readyMs],
      frameMsMedian: finite(median(deltas)),
      frameMsP95: finite(quantile(deltas, 0.95)),
      scriptMsPerFrame: finite(((scriptAfter - scriptBefore) * 1000) / deltas.length),
      scrubMs: finite(mean(scrub.durations)),
      heapMB: finite(heapBytes / 1e6),
      dataBytes,
      frames: deltas.length,
      scrubChanges: scrub.durations.length,
    };
  } catch (error) {
    const message = stalled
      ? `stalled: no answer from the page during ${step}`
      : error instanceof Error
        ? error.message
        : String(error);
    const seen = problems.length > 0 ? ` (page errors: ${problems.slice(-3).join(" | ")})` : "";
    throw new Error(`${message.split("\n")[0]}${seen}`);
  } finally {
    clearTimeout(watchdog);
    await browser.close();
  }
}
