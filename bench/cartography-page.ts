/**
 * One still view of the app for the cartography report: opened in a fresh browser context, waited
 * for until `data-state` is "ready" and the picture and the label counts stop changing, then read
 * from outside (DESIGN §5): a screenshot, the `uplinks:labels` performance mark, the address, and
 * the boxes of the panels over the map.
 */
import type { Browser, Page } from "@playwright/test";
import { PNG } from "pngjs";
import { PANEL_SELECTORS } from "../src/session/panel-selectors";
import type { Viewport } from "./cartography-setup";
import type { Box, RgbaImage } from "./ink";

/** A settled view as read from the page. */
export interface SettledView {
  readonly png: Buffer;
  readonly image: RgbaImage;
  /** The last `uplinks:labels` mark's `detail`; `null` when the page made none. */
  readonly labelsDetail: unknown;
  /** `location.hash` once settled: the camera and date the app reports. */
  readonly hash: string;
  /** The map's element, and the panels over it, in window pixels. */
  readonly map: Box;
  readonly panels: readonly Box[];
  /** Milliseconds from navigation to ready, and to settled. */
  readonly readyMs: number;
  readonly settledMs: number;
}

const READY_TIMEOUT_MS = 3 * 60_000;
const SETTLE_TIMEOUT_MS = 60_000;
const POLL_MS = 200;

const TWO_FRAMES =
  "new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))";

/** The page's state as one JSON-safe value (a string expression: the app's CSP has no eval). */
const READ_STATE = `(() => {
  const box = (r) => ({ x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
  const map = document.getElementById("map");
  const panels = [...document.querySelectorAll(${JSON.stringify(PANEL_SELECTORS.join(", "))})]
    .filter((e) => !e.checkVisibility || e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width >= 1 && r.height >= 1)
    .map(box);
  const marks = performance.getEntriesByName("uplinks:labels");
  return {
    state: String(document.documentElement.dataset.state),
    marks: marks.length,
    detail: marks.length > 0 ? marks[marks.length - 1].detail ?? null : null,
    hash: location.hash,
    map: map ? box(map.getBoundingClientRect()) : null,
    panels,
  };
})()`;

interface PageState {
  readonly state: string;
  readonly marks: number;
  readonly detail: unknown;
  readonly hash: string;
  readonly map: Box | null;
  readonly panels: Box[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function untilReady(page: Page): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const state = String(await page.evaluate("document.documentElement.dataset.state"));
    if (state === "ready") return;
    if (state === "error") {
      const alert = await page.evaluate(
        `(document.querySelector('[role="alert"]') ?? document.body).textContent`,
      );
      throw new Error(`data-state="error": ${String(alert).trim().slice(0, 300)}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000} s (data-state="${state}")`);
    }
    await sleep(POLL_MS);
  }
}

/**
 * Opens `url` at `viewport` in a context of its own (device scale 1, dark colour scheme), waits
 * for "ready", then reads the page after every second animation frame until two reads in a row
 * agree: the same screenshot, the same number of label marks and the same last mark. With
 * `anim=0` nothing moves once the tiles are drawn and the names placed.
 */
export async function openSettled(
  browser: Browser,
  url: string,
  viewport: Viewport,
): Promise<SettledView> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, colorScheme: "dark" });
  const problems: string[] = [];
  try {
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(error.message));
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    await untilReady(page);
    const readyMs = Date.now() - started;
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    let last: { key: string; png: Buffer } | null = null;
    for (;;) {
      await page.evaluate(TWO_FRAMES);
      const state = (await page.evaluate(READ_STATE)) as PageState;
      if (state.state !== "ready") throw new Error(`data-state became "${state.state}"`);
      if (!state.map) throw new Error('no element with id="map"');
      const png = await page.screenshot();
      const key = JSON.stringify([state.marks, state.detail, state.hash]);
      if (last && last.key === key && last.png.equals(png)) {
        const decoded = PNG.sync.read(png);
        return {
          png,
          image: { width: decoded.width, height: decoded.height, data: decoded.data },
          labelsDetail: state.detail,
          hash: state.hash,
          map: state.map,
          panels: state.panels,
          readyMs,
          settledMs: Date.now() - started,
        };
      }
      if (Date.now() > deadline) {
        throw new Error(`the view kept changing for ${SETTLE_TIMEOUT_MS / 1000} s after ready`);
      }
      last = { key, png };
    }
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    const seen = problems.length > 0 ? ` (page errors: ${problems.slice(-3).join(" | ")})` : "";
    throw new Error(`${message}${seen}`);
  } finally {
    await context.close();
  }
}

/** Encodes an RGBA image as PNG. */
export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png);
}
