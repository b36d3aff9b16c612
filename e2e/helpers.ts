/**
 * Helpers for the end-to-end specs: opening the app and waiting for it, watching for problems,
 * Web Mercator screen positions for an explicit `#map=` camera, and reading screenshot pixels.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type Page } from "@playwright/test";
import { geoInterpolate } from "d3-geo";
import { PNG } from "pngjs";

export type LonLat = readonly [number, number];
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Places of the North Korea dataset the specs draw routes between (`[lon, lat]`). */
export const PLACES = {
  pyongyang: [125.75432, 39.03385],
  rajin: [130.28308, 42.25559],
  tumangang: [130.60255, 42.42168],
  khasan: [130.6456, 42.4283],
  vladivostok: [131.87353, 43.10562],
  anchorage: [-149.90028, 61.21806],
} as const satisfies Record<string, LonLat>;

/**
 * A first frame under software WebGL can take 20 s or more on a busy two-core machine (a cold
 * start in CI, say): waiting for `ready` gets more time than other expectations.
 */
const READY_TIMEOUT_MS = 45_000;

/**
 * Opens the app at `hash` (without the `#`) and waits until it has drawn its first frame (for at
 * most `timeout` ms).
 */
export async function openApp(page: Page, hash = "", timeout = READY_TIMEOUT_MS): Promise<void> {
  await page.goto(hash ? `./#${hash}` : "./");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout });
}

/**
 * Records what should never happen in a healthy page: console errors, uncaught exceptions and
 * requests to any host but the app's own. Debug and warning messages are ignored (luma.gl prints a
 * debug line about uniform blocks under software WebGL). `baseURL` is the app's address.
 */
export function watchProblems(page: Page, baseURL: string) {
  const ownHost = new URL(baseURL).host;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.host !== ownHost) {
      foreignRequests.push(r.url());
    }
  });
  return { consoleErrors, pageErrors, foreignRequests };
}

/** A MapLibre camera as in `#map=ZOOM/LAT/LON` (bearing 0, pitch 0). */
export interface Camera {
  readonly zoom: number;
  readonly lat: number;
  readonly lon: number;
}

/** The `map=` hash parameter of `camera`. */
/** MapLibre's canvas: the first in the map region (deck.gl's own canvases lie over it). */
export const mapCanvas = (page: Page) =>
  page.getByRole("region", { name: "Map" }).locator("canvas").first();

export const mapParam = ({ zoom, lat, lon }: Camera) => `map=${zoom}/${lat}/${lon}`;

/** World pixel coordinates of `[lon, lat]` at `zoom` (MapLibre: 512-px tiles). */
export function worldPixel([lon, lat]: LonLat, zoom: number): Point {
  const worldSize = 512 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return {
    x: ((lon + 180) / 360) * worldSize,
    y: ((1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2) * worldSize,
  };
}

/**
 * Screen (CSS) pixel of `[lon, lat]` for `camera` in a viewport of `width` × `height`. The
 * longitude is taken in the world copy nearest the camera's centre, as a map with world copies
 * draws it.
 */
export function screenPixel(
  point: LonLat,
  camera: Camera,
  viewport: { width: number; height: number },
): Point {
  let lon = point[0];
  while (lon - camera.lon > 180) lon -= 360;
  while (lon - camera.lon < -180) lon += 360;
  const p = worldPixel([lon, point[1]], camera.zoom);
  const c = worldPixel([camera.lon, camera.lat], camera.zoom);
  return { x: p.x - c.x + viewport.width / 2, y: p.y - c.y + viewport.height / 2 };
}

/** `count` points evenly spaced (by angle) along the great circle from `a` to `b`, ends excluded. */
export function greatCirclePoints(a: LonLat, b: LonLat, count: number): LonLat[] {
  const at = geoInterpolate([a[0], a[1]], [b[0], b[1]]);
  return Array.from({ length: count }, (_, i) => at((i + 1) / (count + 1)) as [number, number]);
}

/** A decoded screenshot; `width` and `height` in device pixels. */
export interface Image {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export const decodePng = (buffer: Buffer): Image => PNG.sync.read(buffer);

export interface RGB {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** The colour at `(x, y)` (rounded; out of the image: black). */
export function pixel(image: Image, x: number, y: number): RGB {
  const px = Math.round(x);
  const py = Math.round(y);
  if (px < 0 || py < 0 || px >= image.width || py >= image.height) return { r: 0, g: 0, b: 0 };
  const i = (py * image.width + px) * 4;
  return { r: image.data[i] ?? 0, g: image.data[i + 1] ?? 0, b: image.data[i + 2] ?? 0 };
}

/**
 * The dark theme's terrestrial link colour, rgb(53,208,255), drawn at alpha 235 (with
 * antialiasing at the edges): strongly blue and green, little red. None of the dark basemap's
 * colours (ocean #0b1220, land #1c2636, borders #3b4a5f, coastlines #4b5e78, labels #94a3b8,
 * country labels rgb(125,140,165)) comes close: their blue exceeds their red by 50 at most.
 */
export const isLinkColoured = ({ r, g, b }: RGB): boolean =>
  b > 150 && g > 120 && r < 120 && b - r > 80;

/** True when some pixel within `radius` pixels of `(x, y)` satisfies `test`. */
export function anyNear(
  image: Image,
  { x, y }: Point,
  radius: number,
  test: (c: RGB) => boolean,
): boolean {
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      if (dx * dx + dy * dy <= radius * radius && test(pixel(image, x + dx, y + dy))) return true;
    }
  }
  return false;
}

/** How many pixels within `radius` of any of `points` differ (by more than `tolerance` in a channel). */
export function changedPixels(
  a: Image,
  b: Image,
  points: readonly Point[],
  radius: number,
  tolerance = 8,
): number {
  const seen = new Set<number>();
  let changed = 0;
  for (const { x, y } of points) {
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const px = Math.round(x + dx);
        const py = Math.round(y + dy);
        if (px < 0 || py < 0 || px >= a.width || py >= a.height) continue;
        const key = py * a.width + px;
        if (seen.has(key)) continue;
        seen.add(key);
        const p = pixel(a, px, py);
        const q = pixel(b, px, py);
        if (
          Math.abs(p.r - q.r) > tolerance ||
          Math.abs(p.g - q.g) > tolerance ||
          Math.abs(p.b - q.b) > tolerance
        ) {
          changed++;
        }
      }
    }
  }
  return changed;
}

/**
 * Of `points`, those where the map itself is visible: not under a panel, the toolbar or the
 * timeline (the element on top there is the map's canvas), and at least `margin` pixels inside
 * the viewport.
 */
export async function pointsOnMap(
  page: Page,
  points: readonly Point[],
  margin = 6,
): Promise<Point[]> {
  const visible = await page.evaluate(
    ({ points, margin }) =>
      points.map(
        ({ x, y }) =>
          x >= margin &&
          y >= margin &&
          x <= window.innerWidth - margin &&
          y <= window.innerHeight - margin &&
          document.elementFromPoint(x, y) instanceof HTMLCanvasElement,
      ),
    { points: [...points], margin },
  );
  return points.filter((_, i) => visible[i]);
}

/** Points farther than `distance` pixels from every one of `avoid`. */
export const awayFrom = (points: readonly Point[], avoid: readonly Point[], distance: number) =>
  points.filter((p) => avoid.every((q) => Math.hypot(p.x - q.x, p.y - q.y) > distance));

/** Saves a screenshot under test-results/ (for people to look at; never compared). */
export const screenshotPath = (name: string) => `test-results/screens/${name}.png`;

/** The North Korea topology as served, read from public/ (to take expected names and titles). */
export function readNorthKoreaTopology(): {
  sources: { id: string; title: string }[];
  links: { id: string; name: string; sources: string[]; networks?: number[] }[];
  timeRange: [string, string];
} {
  const file = fileURLToPath(new URL("../public/data/north-korea.topology.json", import.meta.url));
  return JSON.parse(readFileSync(file, "utf8"));
}

/** How many pixels of two same-sized images differ by more than `tolerance` in some channel. */
export function differingPixels(a: Image, b: Image, tolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) return Math.max(a.width * a.height, 1);
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.abs((a.data[i] ?? 0) - (b.data[i] ?? 0)) > tolerance ||
      Math.abs((a.data[i + 1] ?? 0) - (b.data[i + 1] ?? 0)) > tolerance ||
      Math.abs((a.data[i + 2] ?? 0) - (b.data[i + 2] ?? 0)) > tolerance
    ) {
      count++;
    }
  }
  return count;
}

/**
 * A screenshot once the page has stopped changing: taken again until two in a row are identical
 * (the camera may still be settling after `ready`). Saved at `path` when given.
 */
export async function settledScreenshot(
  page: Page,
  path?: string,
  timeout = 20_000,
): Promise<Buffer> {
  const until = Date.now() + timeout;
  let previous = await page.screenshot();
  for (;;) {
    const next = await page.screenshot();
    if (next.equals(previous)) {
      if (path) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, next);
      }
      return next;
    }
    if (Date.now() > until) throw new Error(`the page was still changing after ${timeout} ms`);
    previous = next;
  }
}

/** The parameters of a URL's hash, in order (decoded key and value). */
export function hashParams(url: string): [string, string][] {
  const hash = new URL(url).hash.replace(/^#/, "");
  if (!hash) return [];
  return hash.split("&").map((pair): [string, string] => {
    const eq = pair.indexOf("=");
    const [key, value] = eq === -1 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    return [decodeURIComponent(key), decodeURIComponent(value)];
  });
}
