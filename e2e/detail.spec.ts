/**
 * Level of detail, on the world's submarine cables (enough vertices to need it): the map draws the
 * cables in view, simplified for the zoom. Zooming in keeps a selected cable drawn and selected,
 * and a cable brought into view by a pan is drawn — both found by the pointer, which picks what
 * the GPU drew.
 */
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { isSoftwareRenderer } from "../src/map/software-renderer";
import { parseTopology } from "../src/model/parse-topology";
import { pathParts } from "../src/model/path-coordinates";
import type { Link } from "../src/model/schema";
import { isActiveOn, openingDate } from "../src/state/selectors";
import { type Camera, hashParams, type LonLat, mapParam, openApp, worldPixel } from "./helpers";

const VIEWPORT = { width: 1280, height: 720 };
/** The zoom of the regional views: the world's cables are drawn at a finer level there. */
const REGION_ZOOM = 5;
/** How far (CSS pixels) the pointer's point must be from any other cable and any place. */
const CLEARANCE_PX = 14;

const topology = parseTopology(
  JSON.parse(
    readFileSync(new URL("../dist/data/world-cables.topology.json", import.meta.url), "utf8"),
  ),
  "world-cables",
);

/** Degrees as an address writes them (it refuses more decimals than a camera needs). */
const round = (degrees: number) => Math.round(degrees * 1e4) / 1e4;

/** Distance from p to the segment a–b. */
function toSegment(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(
    0,
    Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)),
  );
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * A cable in service on the date the app opens on, and a vertex of it clear of every other such
 * cable and of every place.
 */
function clearCable(): { link: Link; point: LonLat } {
  const date = openingDate(topology);
  const inService = topology.links.filter((l) => isActiveOn(l.active, date));
  const pixel = (p: LonLat) => worldPixel(p, REGION_ZOOM);
  const others = (link: Link) =>
    inService
      .filter((l) => l !== link)
      .flatMap((l) => pathParts(l))
      .map((part) => {
        const points = [];
        for (let i = 0; i + 1 < part.length; i += 2)
          points.push(pixel([part[i] as number, part[i + 1] as number]));
        return points;
      });
  const places = topology.nodes.map((n) => pixel(n.coordinates));
  for (const link of inService) {
    const parts = pathParts(link);
    const part = parts[0];
    // One part, short (at most 10° across, so a view 35° away holds none of it) and away from
    // the edges of Web Mercator's square world.
    if (!part || parts.length !== 1 || part.length < 10) continue;
    const lons = part.filter((_, i) => i % 2 === 0);
    const lats = part.filter((_, i) => i % 2 === 1);
    if (Math.max(...lons) - Math.min(...lons) > 10 || Math.max(...lats) - Math.min(...lats) > 10)
      continue;
    const n = part.length >> 1;
    const middle = n >> 1;
    const point: LonLat = [part[2 * middle] as number, part[2 * middle + 1] as number];
    if (Math.abs(point[1]) > 60 || Math.abs(point[0]) > 150) continue;
    const at = pixel(point);
    if (places.some((p) => Math.hypot(p.x - at.x, p.y - at.y) < 3 * CLEARANCE_PX)) continue;
    const clear = others(link).every((line) =>
      line.every((b, i) => i === 0 || toSegment(at, line[i - 1] as typeof b, b) >= CLEARANCE_PX),
    );
    if (clear) return { link, point };
  }
  throw new Error("no cable clear of the others");
}

/** The camera in the address. */
function cameraOf(page: Page): Camera {
  const [zoom, lat, lon] = (new Map(hashParams(page.url())).get("map") ?? "")
    .split("/")
    .map(Number);
  return { zoom: zoom ?? 0, lat: lat ?? 0, lon: lon ?? 0 };
}

/** The screen pixel of `point` for the camera in the address. */
function onScreen(page: Page, point: LonLat) {
  const camera = cameraOf(page);
  const p = worldPixel(point, camera.zoom);
  const c = worldPixel([camera.lon, camera.lat], camera.zoom);
  return { x: p.x - c.x + VIEWPORT.width / 2, y: p.y - c.y + VIEWPORT.height / 2 };
}

/** Moves the pointer onto `point` and expects the tooltip to name `link`. */
async function expectDrawnAt(page: Page, point: LonLat, link: Link) {
  const at = onScreen(page, point);
  await page.mouse.move(at.x - 30, at.y + 30);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(link.name);
}

test.describe("level of detail", () => {
  test.beforeEach(async ({ page }) => {
    await page.setViewportSize(VIEWPORT);
  });

  test("zooming from a world view into a region keeps a selected cable drawn and selected", async ({
    page,
  }) => {
    const { link, point } = clearCable();
    const world: Camera = { zoom: 1.6, lat: round(point[1]), lon: round(point[0]) };
    await openApp(page, `ds=world-cables&${mapParam(world)}&anim=0&sel=link:${link.id}`);
    const details = page.getByRole("complementary", { name: link.name });
    await expect(details).toBeVisible();

    // Zoom in with the keyboard, as a reader would, about the cable's point at the centre.
    await page.locator("canvas.maplibregl-canvas").focus();
    for (let i = 0; i < 8 && cameraOf(page).zoom < REGION_ZOOM - 0.01; i++) {
      const before = cameraOf(page).zoom;
      await page.keyboard.press("Equal");
      await expect.poll(() => cameraOf(page).zoom).toBeGreaterThan(before);
    }
    expect(cameraOf(page).zoom).toBeGreaterThanOrEqual(REGION_ZOOM - 0.01);
    await expect(page).toHaveURL(new RegExp(`sel=link:${link.id}`));
    await expect(details).toBeVisible();
    await expectDrawnAt(page, point, link);
  });

  test("a cable brought into view by a pan is drawn", async ({ page }) => {
    const { link, point } = clearCable();
    // Far enough west that the cable is outside the view and the margin drawn round it.
    const start: Camera = { zoom: REGION_ZOOM, lat: round(point[1]), lon: round(point[0] - 35) };
    await openApp(page, `ds=world-cables&${mapParam(start)}&anim=0`);

    // Drag the map west (the view moves east) until the cable's point is near the centre,
    // pausing before each release so that the map does not glide on.
    const target = worldPixel(point, REGION_ZOOM).x - worldPixel([start.lon, 0], REGION_ZOOM).x;
    const steps = Math.ceil(target / 400);
    for (let i = 0; i < steps; i++) {
      const by = target / steps;
      await page.mouse.move(840, 420);
      await page.mouse.down();
      await page.mouse.move(840 - by, 420, { steps: 12 });
      await page.waitForTimeout(300);
      await page.mouse.up();
      await page.waitForTimeout(300);
    }
    await expect.poll(() => Math.abs(cameraOf(page).lon - point[0])).toBeLessThan(3);
    await expectDrawnAt(page, point, link);
  });

  test("where WebGL draws on the CPU, only the flow's surface gives up multisampling", async ({
    page,
  }) => {
    await openApp(page, "ds=north-korea&anim=1");
    const canvases = await page
      .getByRole("region", { name: "Map" })
      .locator("canvas")
      .evaluateAll((elements) =>
        elements.map((canvas) => {
          // Every canvas of the map has a WebGL2 context by now: this returns it.
          const gl = (canvas as HTMLCanvasElement).getContext("webgl2");
          const info = gl?.getExtension("WEBGL_debug_renderer_info");
          return {
            antialias: gl?.getContextAttributes()?.antialias ?? null,
            renderer: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "",
          };
        }),
      );
    // MapLibre's, then the flow's, then the one over it.
    expect(canvases).toHaveLength(3);
    const software = isSoftwareRenderer(canvases[0]?.renderer ?? "");
    expect(canvases.map((c) => c.antialias)).toEqual([true, !software, true]);
  });
});
