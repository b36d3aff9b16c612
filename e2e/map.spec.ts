import { expect, type Page, test } from "@playwright/test";
import { buildTopology } from "../scripts/lib/build-topology";
import { buildCatalog } from "../scripts/lib/catalog";
import { parseDatasetSource } from "../scripts/lib/load-dataset";
import { BOUNDARIES_NOTE, naturalEarthIndex } from "../scripts/lib/natural-earth";
import {
  anyNear,
  awayFrom,
  type Camera,
  changedPixels,
  decodePng,
  greatCirclePoints,
  isLinkColoured,
  mapParam,
  openApp,
  PLACES,
  type Point,
  pixel,
  pointsOnMap,
  screenPixel,
  screenshotPath,
  watchProblems,
  worldPixel,
} from "./helpers";

/** Looks at North Korea's north-east: the TransTeleCom route from Pyongyang to Rajin. */
const KOREA: Camera = { zoom: 6, lat: 41, lon: 128.5 };
const VIEWPORT = { width: 1280, height: 720 };
/** Places with a dot and a label on or near the Pyongyang–Rajin route. */
const ROUTE_PLACES = [PLACES.pyongyang, PLACES.rajin, PLACES.tumangang, PLACES.khasan];

/** Screen points along the Pyongyang–Rajin great circle where the map shows, away from dots and labels. */
async function routeSamples(page: Page): Promise<Point[]> {
  const along = greatCirclePoints(PLACES.pyongyang, PLACES.rajin, 24).map((p) =>
    screenPixel(p, KOREA, VIEWPORT),
  );
  const places = ROUTE_PLACES.map((p) => screenPixel(p, KOREA, VIEWPORT));
  return pointsOnMap(page, awayFrom(along, places, 24));
}

const linkColouredShare = (image: ReturnType<typeof decodePng>, samples: readonly Point[]) =>
  samples.filter((p) => anyNear(image, p, 3, isLinkColoured)).length / samples.length;

test("Web Mercator helpers put the camera centre mid-viewport and north up", () => {
  expect(worldPixel([0, 0], 0)).toEqual({ x: 256, y: 256 });
  expect(screenPixel([KOREA.lon, KOREA.lat], KOREA, VIEWPORT)).toEqual({ x: 640, y: 360 });
  const rajin = screenPixel(PLACES.rajin, KOREA, VIEWPORT);
  const pyongyang = screenPixel(PLACES.pyongyang, KOREA, VIEWPORT);
  expect(rajin.x).toBeGreaterThan(pyongyang.x);
  expect(rajin.y).toBeLessThan(pyongyang.y);
  // One degree of longitude at zoom 6 is 512 * 64 / 360 pixels wherever it is.
  expect(rajin.x - pyongyang.x).toBeCloseTo(((130.28308 - 125.75432) * 512 * 64) / 360, 6);
  // A point across the antimeridian is taken in the world copy nearest the centre.
  expect(screenPixel([-179, 50], { zoom: 2, lat: 50, lon: 179 }, VIEWPORT).x).toBeCloseTo(
    640 + (2 * 512 * 4) / 360,
    6,
  );
});

test("the app loads without console errors, page errors or requests to other hosts", async ({
  page,
  baseURL,
}) => {
  const problems = watchProblems(page, baseURL ?? "http://127.0.0.1:4173/");
  await openApp(page);
  await expect(page).toHaveTitle("North Korea's links to the internet · Uplinks");
  await expect(
    page.getByText("North Korea's links to the internet", { exact: true }),
  ).toBeVisible();
  const active = page.getByRole("region", { name: "Active links" });
  await expect(
    active.getByRole("button", { name: /TransTeleCom via Tumangang–Khasan/ }),
  ).toContainText("2017-10-01 – today");
  await expect(active.getByRole("button", { name: /China Unicom/ })).toContainText(
    "2010-11-18 – today",
  );
  await expect(page.getByRole("slider", { name: "Date" })).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.pageErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
});

test("on 2018-01-01 TransTeleCom is drawn along Pyongyang–Rajin, stands still with anim=0 and names itself on hover", async ({
  page,
}) => {
  await openApp(page, `${mapParam(KOREA)}&t=2018-01-01&anim=0`);
  const active = page.getByRole("region", { name: "Active links" });
  await expect(active.getByRole("button", { name: /China Unicom/ })).toBeVisible();
  await expect(active.getByRole("button", { name: /TransTeleCom/ })).toBeVisible();

  const samples = await routeSamples(page);
  expect(samples.length, "route points visible on the map").toBeGreaterThanOrEqual(10);
  const first = await page.screenshot({ path: screenshotPath("map-2018-still") });
  expect(linkColouredShare(decodePng(first), samples)).toBeGreaterThanOrEqual(0.8);

  // Nothing moves with the animation off: 500 ms later the route looks the same.
  await page.waitForTimeout(500);
  const second = await page.screenshot();
  expect(changedPixels(decodePng(first), decodePng(second), samples, 6)).toBe(0);

  // The line under the pointer is the link: hovering it shows a tooltip with its name.
  const target = samples[Math.floor(samples.length / 2)];
  if (!target) throw new Error("no visible point on the route");
  await page.mouse.move(target.x - 40, target.y + 40);
  await page.mouse.move(target.x, target.y, { steps: 4 });
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText("TransTeleCom via Tumangang–Khasan");
  await expect(tooltip).toContainText("Terrestrial fibre");
  await page.screenshot({ path: screenshotPath("map-hover") });
  await page.mouse.move(5, 360);
  await expect(tooltip).toBeHidden();
});

test("on 2012-06-01 nothing is drawn along Pyongyang–Rajin and only China Unicom is listed", async ({
  page,
}) => {
  await openApp(page, `${mapParam(KOREA)}&t=2012-06-01&anim=0`);
  const active = page.getByRole("region", { name: "Active links" });
  await expect(active.getByRole("button", { name: /China Unicom/ })).toBeVisible();
  await expect(active.getByRole("button", { name: /TransTeleCom/ })).toHaveCount(0);

  const samples = await routeSamples(page);
  expect(samples.length, "route points visible on the map").toBeGreaterThanOrEqual(10);
  const image = decodePng(await page.screenshot({ path: screenshotPath("map-2012") }));
  expect(linkColouredShare(image, samples)).toBe(0);
});

test("with the animation on, the link's pixels change within 500 ms", async ({ page }) => {
  await openApp(page, `${mapParam(KOREA)}&t=2018-01-01`);
  const samples = await routeSamples(page);
  expect(samples.length).toBeGreaterThanOrEqual(10);
  const first = decodePng(await page.screenshot({ path: screenshotPath("map-2018-anim-a") }));
  await page.waitForTimeout(500);
  const second = decodePng(await page.screenshot({ path: screenshotPath("map-2018-anim-b") }));
  expect(changedPixels(first, second, samples, 6)).toBeGreaterThan(50);
});

test("a link glows wide in the days after it appears, and no longer months later", async ({
  page,
}) => {
  /** Pixels within 8 px of the route tinted by the link colour (the glow is wide and translucent). */
  const tinted = async (date: string) => {
    await openApp(page, `${mapParam(KOREA)}&t=${date}&anim=0`);
    const samples = await routeSamples(page);
    expect(samples.length).toBeGreaterThanOrEqual(10);
    const image = decodePng(await page.screenshot({ path: screenshotPath(`map-glow-${date}`) }));
    const seen = new Set<string>();
    for (const { x, y } of samples) {
      for (let dy = -8; dy <= 8; dy++) {
        for (let dx = -8; dx <= 8; dx++) {
          const { r, g, b } = pixel(image, x + dx, y + dy);
          if (b - r > 60 && g - r > 40) seen.add(`${Math.round(x + dx)},${Math.round(y + dy)}`);
        }
      }
    }
    return seen.size;
  };
  // TransTeleCom appeared on 2017-10-01: four days on it glows; three months on it does not.
  const glowing = await tinted("2017-10-05");
  const settled = await tinted("2018-01-01");
  expect(settled).toBeGreaterThan(0);
  expect(glowing).toBeGreaterThan(settled * 1.4);
});

test("a link across the antimeridian is drawn the short way, over the Bering Sea", async ({
  page,
}) => {
  const id = "bering-test";
  const source = parseDatasetSource(
    `id: ${id}
title: Across the antimeridian
description: One terrestrial link from Vladivostok to Anchorage
updated: 2024-01-01
sources: [{ id: s, title: Test source }]
networks: []
nodes:
  - { id: vladivostok, name: Vladivostok, kind: city, coordinates: [${PLACES.vladivostok.join(", ")}], sources: [s] }
  - { id: anchorage, name: Anchorage, kind: city, coordinates: [${PLACES.anchorage.join(", ")}], sources: [s] }
links:
  - { id: bering, name: Bering test link, kind: terrestrial, from: vladivostok, to: anchorage, active: [{ from: 2020-01-01, to: null }], sources: [s] }
events: []
stories: []
`,
    `${id}.yaml`,
  );
  const topology = buildTopology(source, naturalEarthIndex(), BOUNDARIES_NOTE);
  const catalog = buildCatalog([topology], id);
  await page.route("**/data/index.json", (route) => route.fulfill({ json: catalog }));
  await page.route(`**/data/${id}.topology.json`, (route) => route.fulfill({ json: topology }));

  const camera: Camera = { zoom: 2.5, lat: 55, lon: -170 };
  await openApp(page, `ds=${id}&${mapParam(camera)}&anim=0&t=2021-01-01`);
  await expect(
    page.getByRole("region", { name: "Active links" }).getByRole("button", {
      name: /Bering test link/,
    }),
  ).toBeVisible();

  const image = decodePng(await page.screenshot({ path: screenshotPath("antimeridian") }));
  // Dots, labels and border-crossing rings are drawn over the line: keep clear of them.
  const marks = [
    PLACES.vladivostok,
    PLACES.anchorage,
    ...(topology.links[0]?.crossings ?? []).map((c) => c.at),
  ].map((p) => screenPixel(p, camera, VIEWPORT));
  // Route points within 20° of the antimeridian, on either side of it.
  const near180 = greatCirclePoints(PLACES.vladivostok, PLACES.anchorage, 60).filter(
    ([lon]) => Math.abs(Math.abs(lon) - 180) < 20,
  );
  const west = near180.filter(([lon]) => lon > 0).map((p) => screenPixel(p, camera, VIEWPORT));
  const east = near180.filter(([lon]) => lon < 0).map((p) => screenPixel(p, camera, VIEWPORT));
  for (const side of [west, east]) {
    const samples = await pointsOnMap(page, awayFrom(side, marks, 24));
    expect(samples.length, "route points visible on each side of 180°").toBeGreaterThanOrEqual(3);
    expect(linkColouredShare(image, samples)).toBeGreaterThanOrEqual(0.8);
  }

  // The other way round the world would cross North America between the route's latitudes: scan
  // columns of pixels there, every pixel from 40° N to 66° N.
  const band: Point[] = [];
  const top = screenPixel([-120, 66], camera, VIEWPORT).y;
  const bottom = screenPixel([-120, 40], camera, VIEWPORT).y;
  for (let lon = -135; lon <= -110; lon += 1) {
    const { x } = screenPixel([lon, 50], camera, VIEWPORT);
    for (let y = Math.floor(top); y <= bottom; y++) band.push({ x, y });
  }
  const bandOnMap = await pointsOnMap(page, band);
  expect(bandOnMap.length).toBeGreaterThan(2000);
  expect(bandOnMap.filter((p) => isLinkColoured(pixel(image, p.x, p.y)))).toEqual([]);
});
