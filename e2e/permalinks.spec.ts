/**
 * Permalinks (DESIGN §4, README "The address"): the view survives a round trip through its
 * address, Back and Forward walk through discrete steps, a pasted address applies without a
 * reload, bad parameters are named in a notice, and the Copy link, Share and embed views.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  decodePng,
  differingPixels,
  hashParams,
  mapCanvas,
  mapParam,
  openApp,
  PLACES,
  pixel,
  type RGB,
  readNorthKoreaTopology,
  screenPixel,
  screenshotPath,
  settledScreenshot,
  watchProblems,
} from "./helpers";

test.describe.configure({ timeout: 150_000 });

const TTK = "TransTeleCom via Tumangang–Khasan";
const UNICOM = "China Unicom via Sinuiju–Dandong";
const VIEWPORT = { width: 1280, height: 720 };
/** Software WebGL on a busy machine can take a while to draw the first frame. */
const READY = { timeout: 60_000 };
/** A point on the brand header: no hover effect, nothing under it reacts to the pointer. */
const NEUTRAL = { x: 200, y: 30 };

const activeLinks = (page: Page) => page.getByRole("region", { name: "Active links" });
const slider = (page: Page) => page.getByRole("slider", { name: "Date" });
/** The details panel, whichever link or node it shows. */
const anyDetails = (page: Page) => page.getByRole("complementary");

/** The names of the buttons listed under Active links (their text), in order. */
const listedLinks = (page: Page) =>
  activeLinks(page)
    .getByRole("button")
    .evaluateAll((buttons) => buttons.map((b) => b.textContent?.trim() ?? ""));

/** The value of `key` in the hash of the page's address (undefined when absent). */
const hashValue = (page: Page, key: string) => hashParams(page.url()).find(([k]) => k === key)?.[1];

/** Opens the app at `hash` and waits for its first frame. */
const open = (page: Page, hash: string) => openApp(page, hash, READY.timeout);
/** Waits for the page to have drawn its first frame. */
const ready = (page: Page) =>
  expect(page.locator("html")).toHaveAttribute("data-state", "ready", READY);

/** A fresh browser context of the same size as the tests', and a page in it. */
async function freshPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    ...(baseURL ? { baseURL } : {}),
  });
  return { context, page: await context.newPage() };
}

test("a view made by panning, zooming, rotating, picking a date and a link reopens the same in a new browser", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  await open(page, "anim=0");
  const map = mapCanvas(page);

  // Choose the link first: choosing one frames it, which (as MapLibre's fitBounds does) resets
  // the bearing, so the rotation comes after.
  await activeLinks(page)
    .getByRole("button", { name: new RegExp(`^${TTK}`) })
    .click();
  await expect(page.getByRole("complementary", { name: TTK })).toBeVisible();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:ttk-khasan");
  await expect.poll(() => hashValue(page, "map")).toBeTruthy();
  const framed = hashValue(page, "map");

  // Pan: drag the map with the mouse, in the clear area between the side panel and the details.
  await page.mouse.move(520, 230);
  await page.mouse.down();
  await page.mouse.move(470, 280, { steps: 10 });
  await page.mouse.up();
  await expect.poll(() => hashValue(page, "map")).not.toBe(framed);
  const panned = hashValue(page, "map");

  // Zoom in with the mouse wheel.
  await page.mouse.move(600, 300);
  await page.mouse.wheel(0, -240);
  await expect
    .poll(() => Number(hashValue(page, "map")?.split("/")[0]))
    .toBeGreaterThan(Number(panned?.split("/")[0]));

  // Rotate: Shift+← on the focused map turns it by 15°.
  await map.focus();
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => hashValue(page, "map")?.split("/")[3]).toBe("-15");

  // Pick a date with the keyboard on the slider.
  await slider(page).focus();
  await page.keyboard.press("PageDown");
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  const lastDate = readNorthKoreaTopology().timeRange[1];
  await expect(slider(page)).not.toHaveAttribute("aria-valuetext", lastDate);
  const date = await slider(page).getAttribute("aria-valuetext");
  if (!date) throw new Error("the slider has no aria-valuetext");
  await expect.poll(() => hashValue(page, "t")).toBe(date);

  // Take the focus off the slider (its ring is not part of the view), as a click on text does.
  await page.getByText("Uplinks", { exact: true }).click();
  await page.mouse.move(NEUTRAL.x, NEUTRAL.y);
  await expect.poll(() => page.url()).toMatch(/[#&]map=[^&]+\/-15\/0(&|$)/);
  const url = page.url();
  expect(url).toContain("map=");
  expect(url).toContain(`t=${date}`);
  expect(url).toContain("sel=link:ttk-khasan");
  const names = await listedLinks(page);
  expect(names.filter((n) => n.startsWith(TTK))).toHaveLength(1);
  const first = await settledScreenshot(page, screenshotPath("permalink-original"));

  const other = await freshPage(browser, baseURL);
  try {
    await other.page.goto(url);
    await ready(other.page);
    await expect(slider(other.page)).toHaveAttribute("aria-valuetext", date);
    await expect(other.page.getByRole("complementary", { name: TTK })).toBeVisible();
    await expect(anyDetails(other.page)).toHaveCount(1);
    expect(await listedLinks(other.page)).toEqual(names);
    await expect(
      activeLinks(other.page).getByRole("button", { name: new RegExp(`^${TTK}`) }),
    ).toHaveAttribute("aria-pressed", "true");
    // Opening the address does not change it (nor push anything).
    await expect.poll(() => other.page.url()).toBe(url);

    await other.page.mouse.move(NEUTRAL.x, NEUTRAL.y);
    const second = await settledScreenshot(other.page, screenshotPath("permalink-reopened"));
    const a = decodePng(first);
    const b = decodePng(second);
    expect(b.width).toBe(a.width);
    const share = differingPixels(a, b, 24) / (a.width * a.height);
    test.info().annotations.push({
      type: "differing pixels",
      description: `${(share * 100).toFixed(3)}% of the reopened view differs from the original`,
    });
    expect(
      share,
      "share of pixels that differ between the view and its reopened link",
    ).toBeLessThan(0.005);
    expect(other.page.url()).toBe(url);
    // Another camera gives another picture: the comparison can tell views apart.
    await mapCanvas(other.page).focus();
    await other.page.keyboard.press("Shift+ArrowRight");
    await expect.poll(() => other.page.url()).not.toBe(url);
    await other.page.mouse.move(NEUTRAL.x, NEUTRAL.y);
    const turned = decodePng(await settledScreenshot(other.page));
    expect(differingPixels(a, turned, 24) / (a.width * a.height)).toBeGreaterThan(0.005);
  } finally {
    await other.context.close();
  }
});

test("Back and Forward walk through the links chosen, and a date change stays in its entry", async ({
  page,
}) => {
  await open(page, "anim=0");
  const unicom = page.getByRole("complementary", { name: UNICOM });
  const ttk = page.getByRole("complementary", { name: TTK });
  await activeLinks(page)
    .getByRole("button", { name: new RegExp(`^${UNICOM}`) })
    .click();
  await expect(unicom).toBeVisible();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:unicom-sinuiju-dandong");
  await activeLinks(page)
    .getByRole("button", { name: new RegExp(`^${TTK}`) })
    .click();
  await expect(ttk).toBeVisible();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:ttk-khasan");

  await page.goBack();
  await expect(unicom).toBeVisible();
  await expect(ttk).toHaveCount(0);
  await expect.poll(() => hashValue(page, "sel")).toBe("link:unicom-sinuiju-dandong");

  await page.goBack();
  await expect(anyDetails(page)).toHaveCount(0);
  await expect.poll(() => hashValue(page, "sel")).toBeUndefined();
  // Still the app's own entry, not the page before it.
  expect(page.url()).toContain("ds=north-korea");

  await page.goForward();
  await expect(unicom).toBeVisible();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:unicom-sinuiju-dandong");
  await expect(
    activeLinks(page).getByRole("button", { name: new RegExp(`^${UNICOM}`) }),
  ).toHaveAttribute("aria-pressed", "true");
});

test("a date change just before choosing a link is kept when going Back", async ({ page }) => {
  const lastDate = readNorthKoreaTopology().timeRange[1];
  await open(page, "t=2018-01-01&anim=0");
  await expect.poll(() => hashValue(page, "t")).toBe("2018-01-01");
  await slider(page).focus();
  await page.keyboard.press("End");
  await expect(slider(page)).toHaveAttribute("aria-valuetext", lastDate);
  // At once, within the 300 ms the address waits before writing a continuous change.
  await activeLinks(page)
    .getByRole("button", { name: new RegExp(`^${UNICOM}`) })
    .click();
  await expect(page.getByRole("complementary", { name: UNICOM })).toBeVisible();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:unicom-sinuiju-dandong");
  expect(hashValue(page, "t")).toBe(lastDate);

  await page.goBack();
  await expect(anyDetails(page)).toHaveCount(0);
  await expect.poll(() => hashValue(page, "sel")).toBeUndefined();
  await expect(slider(page)).toHaveAttribute("aria-valuetext", lastDate);
  expect(hashValue(page, "t")).toBe(lastDate);
});

test("an address pasted into the page applies without a reload, another dataset included", async ({
  page,
  baseURL,
}) => {
  const problems = watchProblems(page, baseURL ?? "http://127.0.0.1:4173/");
  await open(page, "anim=0");
  await expect(anyDetails(page)).toHaveCount(0);
  await page.evaluate(() => {
    (window as unknown as { marker?: number }).marker = 1;
  });
  const marker = () =>
    page.evaluate(() => (window as unknown as { marker?: number }).marker ?? null);

  await page.evaluate(() => {
    location.hash = "#t=2017-10-15&sel=link:ttk-khasan&anim=0";
  });
  await expect(slider(page)).toHaveAttribute("aria-valuetext", "2017-10-15");
  await expect(page.getByRole("complementary", { name: TTK })).toBeVisible();
  await expect(activeLinks(page)).toContainText("on 15 Oct 2017");
  expect(await marker()).toBe(1);

  await page.evaluate(() => {
    location.hash = "#ds=cuba&anim=0";
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cuba's links to the internet");
  await ready(page);
  await expect(page).toHaveTitle("Cuba's links to the internet · Uplinks");
  await expect(activeLinks(page).getByRole("button").first()).toBeVisible();
  await expect(anyDetails(page)).toHaveCount(0);
  await expect.poll(() => hashValue(page, "ds")).toBe("cuba");
  expect(await marker()).toBe(1);
  await page.screenshot({ path: screenshotPath("permalink-pasted-cuba") });
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
});

test("bad parameters are each named in a dismissible notice and the rest of the address applies", async ({
  page,
}) => {
  const lastDate = readNorthKoreaTopology().timeRange[1];
  await open(page, "t=2017-13-45&sel=link:nope&map=5/91/0&theme=light&anim=0");
  const notice = page.getByRole("status").filter({ hasText: "t=2017-13-45" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("t=2017-13-45: not a date");
  await expect(notice).toContainText('sel=link:nope: no link "nope"');
  await expect(notice).toContainText("map=5/91/0: latitude is outside");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(page.getByRole("button", { name: "Light theme" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expect(slider(page)).toHaveAttribute("aria-valuetext", lastDate);
  await expect(anyDetails(page)).toHaveCount(0);
  await page.screenshot({ path: screenshotPath("permalink-bad-notice") });
  // The address is rewritten to what is shown: the bad values are gone, the good one stays.
  await expect.poll(() => hashValue(page, "map")).not.toBe("5/91/0");
  expect(hashValue(page, "t")).toBe(lastDate);
  expect(hashValue(page, "sel")).toBeUndefined();
  expect(hashValue(page, "theme")).toBe("light");

  await notice.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(notice).toHaveCount(0);
});

test("an unknown parameter is named in the notice and kept in the address", async ({ page }) => {
  await open(page, "foo=bar&anim=0");
  const notice = page.getByRole("status").filter({ hasText: "foo=bar" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("not a parameter this version knows");
  await expect.poll(() => hashValue(page, "ds")).toBe("north-korea");
  expect(hashValue(page, "foo")).toBe("bar");

  // A discrete change (a new history entry) keeps it too.
  await activeLinks(page)
    .getByRole("button", { name: new RegExp(`^${TTK}`) })
    .click();
  await expect.poll(() => hashValue(page, "sel")).toBe("link:ttk-khasan");
  expect(hashValue(page, "foo")).toBe("bar");
});

test("a link made with an older version of the dataset says the dataset has been updated since", async ({
  page,
}) => {
  await open(page, "v=2001-01-01&anim=0");
  const notice = page.getByRole("status").filter({ hasText: "v=2001-01-01" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("has been updated since");
  await notice.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(notice).toHaveCount(0);
});

test("Copy link puts the current address on the clipboard and says so", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(baseURL ?? "http://127.0.0.1:4173/").origin,
  });
  await open(page, "t=2018-01-01&sel=link:ttk-khasan&anim=0");
  await expect.poll(() => hashValue(page, "map")).toBeTruthy();
  const url = page.url();
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("button", { name: "Link copied ✓" })).toBeVisible();
  await page.screenshot({ path: screenshotPath("permalink-copied") });
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  // The confirmation goes away and the button is itself again.
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
});

test("when the browser refuses to copy, Copy link shows the link selected with a hint", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await freshPage(browser, baseURL);
  try {
    // Chromium lets a page write to the clipboard after a click even without a grant: refuse.
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () =>
        Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
    });
    await open(page, "anim=0");
    await expect.poll(() => hashValue(page, "map")).toBeTruthy();
    const url = page.url();

    await page.getByRole("button", { name: "Copy link" }).click();
    const dialog = page.getByRole("dialog", { name: "Share this view" });
    await expect(dialog).toBeVisible();
    const field = dialog.getByRole("textbox", { name: "Link to this view" });
    await expect(field).toBeFocused();
    await expect(field).toHaveValue(url);
    const selection = await field.evaluate((el) => {
      const input = el as HTMLInputElement;
      return { start: input.selectionStart, end: input.selectionEnd, length: input.value.length };
    });
    expect(selection.length).toBeGreaterThan(0);
    expect(selection).toEqual({ start: 0, end: selection.length, length: selection.length });
    await expect(dialog).toContainText("press Ctrl+C");
    await expect(page.getByRole("button", { name: "Link copied ✓" })).toHaveCount(0);
    await page.screenshot({ path: screenshotPath("permalink-copy-refused") });
  } finally {
    await context.close();
  }
});

test("Share opens a dialog with the link and an iframe snippet; Escape closes it", async ({
  page,
}) => {
  await open(page, "t=2018-01-01&anim=0");
  await expect.poll(() => hashValue(page, "map")).toBeTruthy();
  const share = page.getByRole("button", { name: "Share" });
  await expect(share).toHaveAttribute("aria-expanded", "false");
  await share.click();
  const dialog = page.getByRole("dialog", { name: "Share this view" });
  await expect(dialog).toBeVisible();
  await expect(share).toHaveAttribute("aria-expanded", "true");
  await expect(dialog.getByRole("textbox", { name: "Link to this view" })).toHaveValue(page.url());
  const code = await dialog.getByRole("textbox", { name: "Embed code" }).inputValue();
  expect(code).toContain("<iframe");
  expect(code).toContain("embed=1");
  // The iframe shows this very view, embedded.
  const src = /src="([^"]*)"/.exec(code)?.[1]?.replace(/&quot;/g, '"');
  if (!src) throw new Error(`no src in ${code}`);
  expect(new URL(src).origin + new URL(src).pathname).toBe(
    new URL(page.url()).origin + new URL(page.url()).pathname,
  );
  expect(hashParams(src).filter(([k]) => k !== "embed")).toEqual(hashParams(page.url()));
  expect(hashParams(src)).toContainEqual(["embed", "1"]);
  await page.screenshot({ path: screenshotPath("permalink-share") });

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(share).toBeFocused();
  await expect(share).toHaveAttribute("aria-expanded", "false");
});

test("embed=1 shows the map, the Date slider and the attribution only, and links to the full view", async ({
  page,
}) => {
  // As the Share dialog's snippet has it: a camera, a date, a selection.
  await open(page, "map=5.50/41.000/128.500&t=2018-01-01&sel=link:ttk-khasan&embed=1&anim=0");
  await expect(mapCanvas(page)).toBeVisible();
  await expect(slider(page)).toBeVisible();
  await expect(slider(page)).toHaveAttribute("aria-valuetext", "2018-01-01");
  await expect(activeLinks(page)).toBeHidden();
  await expect(page.getByRole("button", { name: "Copy link" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Share" })).toBeHidden();
  await expect(page.getByText("Legend", { exact: true })).toBeHidden();
  await expect(page.getByRole("complementary", { name: TTK })).toBeHidden();
  await expect(page.getByText("Natural Earth")).toBeVisible();
  await page.screenshot({ path: screenshotPath("permalink-embed") });

  await expect.poll(() => hashValue(page, "ds")).toBe("north-korea");
  const embedUrl = page.url();
  expect(hashValue(page, "embed")).toBe("1");
  expect(hashValue(page, "map")).toBe("5.50/41.000/128.500");
  const link = page.getByRole("link", { name: /open in Uplinks/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("target", "_blank");
  const popupOpened = page.waitForEvent("popup");
  await link.click();
  const popup = await popupOpened;
  try {
    const href = await link.getAttribute("href");
    if (!href) throw new Error("the link has no href");
    // The same view, not embedded.
    expect(hashParams(href)).toEqual(hashParams(embedUrl).filter(([k]) => k !== "embed"));
    await ready(popup);
    await expect.poll(() => hashParams(popup.url())).toEqual(hashParams(href));
    await expect(activeLinks(popup)).toBeVisible();
    await expect(popup.getByRole("button", { name: "Copy link" })).toBeVisible();
    await expect(slider(popup)).toHaveAttribute("aria-valuetext", "2018-01-01");
    await expect(popup.getByRole("complementary", { name: TTK })).toBeVisible();
  } finally {
    await popup.close();
  }
});

// Regressions of bugs found and fixed.

test("embedded, the attribution can be read: the compact timeline does not cover it", async ({
  page,
}) => {
  await open(page, "embed=1&anim=0");
  const attribution = page.getByText("Boundaries: Natural Earth");
  await expect(attribution).toBeVisible();
  const box = await attribution.boundingBox();
  if (!box) throw new Error("the attribution has no box");
  const y = Math.round(box.y + box.height * 0.75);
  const covered = await page.evaluate(
    (points) =>
      points
        .map(({ x, y }) => ({ x, y, on: document.elementFromPoint(x, y) }))
        .filter(({ on }) => !on?.closest(".maplibregl-ctrl-attrib"))
        .map(({ x, y, on }) => `(${x}, ${y}): ${on?.tagName.toLowerCase()}.${on?.className}`),
    [0.1, 0.5, 0.9].map((f) => ({ x: Math.round(box.x + box.width * f), y })),
  );
  expect(covered, "points of the attribution text under another element").toEqual([]);
});

test("embedded with a selection and no map=, the view still frames the dataset", async ({
  page,
}) => {
  await open(page, "embed=1&sel=link:ttk-khasan&anim=0");
  await expect.poll(() => hashValue(page, "map")).toBeTruthy();
  const [zoom = 0, lat = 0, lon = 0] = (hashValue(page, "map") ?? "").split("/").map(Number);
  expect(zoom).toBeGreaterThan(3);
  expect(lat).toBeGreaterThan(33);
  expect(lat).toBeLessThan(46);
  expect(lon).toBeGreaterThan(115);
  expect(lon).toBeLessThan(135);
});

test("Back from a dataset opened by a pasted address returns to the dataset before it", async ({
  page,
}) => {
  await open(page, "anim=0");
  await page.evaluate(() => {
    location.hash = "#t=2017-10-15&sel=link:ttk-khasan&anim=0";
  });
  await expect(page.getByRole("complementary", { name: TTK })).toBeVisible();
  await page.evaluate(() => {
    location.hash = "#ds=cuba&anim=0";
  });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cuba's links to the internet");
  await ready(page);

  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "North Korea's links to the internet",
  );
  await ready(page);
  await expect(slider(page)).toHaveAttribute("aria-valuetext", "2017-10-15");
  await expect(page.getByRole("complementary", { name: TTK })).toBeVisible();
});

test("a permalink's camera shows while its dataset is still downloading, not the whole world first", async ({
  page,
}) => {
  // The dataset is held back until the map has been looked at.
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/data/north-korea.topology.json", async (route) => {
    await held;
    await route.continue();
  });
  // Over the Yellow Sea, with Pyongyang up and to the right: the world view has the Sahara here.
  const camera = { zoom: 6, lat: 37.5, lon: 123.5 };
  await page.goto(`./#${mapParam(camera)}&anim=0`);
  await expect(page.locator("html")).toHaveAttribute("data-state", "loading");
  const ocean = { r: 0x0b, g: 0x12, b: 0x20 };
  const land = { r: 0x1c, g: 0x26, b: 0x36 };
  const near = (a: RGB, b: RGB) =>
    Math.abs(a.r - b.r) <= 4 && Math.abs(a.g - b.g) <= 4 && Math.abs(a.b - b.b) <= 4;
  // MapLibre's own canvas (it keeps its drawing buffer), under the "Opening …" message.
  const drawn = async () => {
    const { url, width, height } = await mapCanvas(page).evaluate((canvas: HTMLCanvasElement) => ({
      url: canvas.toDataURL(),
      width: canvas.width,
      height: canvas.height,
    }));
    const image = decodePng(Buffer.from(url.split(",")[1] ?? "", "base64"));
    const city = screenPixel(PLACES.pyongyang, camera, { width, height });
    return {
      centreIsSea: near(pixel(image, width / 2, height / 2), ocean),
      pyongyangIsLand: near(pixel(image, city.x, city.y), land),
    };
  };
  await expect
    .poll(drawn, { timeout: 60_000 })
    .toEqual({ centreIsSea: true, pyongyangIsLand: true });
  expect(await page.locator("html").getAttribute("data-state")).toBe("loading");

  release();
  await ready(page);
  // The dataset opens at that same view.
  expect(hashValue(page, "map")?.split("/").map(Number)).toEqual([6, 37.5, 123.5]);
});
