import { expect, type Locator, test } from "@playwright/test";
import { mapCanvas, openApp, screenshotPath } from "./helpers";

const TTK = "TransTeleCom via Tumangang–Khasan";

/** The element's box, or a failure naming it. */
async function box(locator: Locator, name: string) {
  const b = await locator.boundingBox();
  if (!b) throw new Error(`${name} has no box`);
  return b;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test.describe("on a phone (390×844)", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the map and the slider fit, and a link chosen from the Links sheet shows its details", async ({
    page,
  }) => {
    await openApp(page, "t=2018-01-01&anim=0");
    await expect(mapCanvas(page)).toBeInViewport({
      ratio: 0.5,
    });

    const slider = page.getByRole("slider", { name: "Date" });
    await expect(slider).toBeInViewport({ ratio: 1 });
    await slider.focus();
    await page.keyboard.press("PageDown");
    await expect(slider).toHaveAttribute("aria-valuetext", "2017-01-01");
    // A tap near the start of the track moves the date there.
    const track = await box(slider, "the slider");
    await page.mouse.click(track.x + 2, track.y + track.height / 2);
    await expect(slider).toHaveAttribute("aria-valuetext", /^2010-/);
    await page.keyboard.press("End");
    await page.screenshot({ path: screenshotPath("phone-start") });

    // Beside the Menu button (the toolbar, folded), "Links" opens the list as a bottom sheet.
    const linksButton = page.getByRole("button", { name: "Links" });
    const active = page.getByRole("region", { name: "Active links" });
    await expect(linksButton).toHaveAttribute("aria-expanded", "false");
    await expect(active).not.toBeInViewport();
    await linksButton.click();
    await expect(linksButton).toHaveAttribute("aria-expanded", "true");
    const item = active.getByRole("button", { name: new RegExp(`^${TTK}`) });
    await expect(item).toBeInViewport();
    await page.screenshot({ path: screenshotPath("phone-links-sheet") });
    await item.click();

    const details = page.getByRole("complementary", { name: TTK });
    await expect(details).toBeVisible();
    await expect(details.getByRole("heading", { name: TTK })).toBeInViewport({ ratio: 1 });
    const close = details.getByRole("button", { name: "Close details" });
    await expect(close).toBeInViewport({ ratio: 1 });
    const sheet = await box(details, "the details sheet");
    expect(sheet.x).toBeGreaterThanOrEqual(0);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath("phone-details") });
    // Nothing covers the sheet: a click on its Close button reaches it.
    await close.click();
    await expect(details).toBeHidden();
  });
});

test.describe("on a large screen (1920×1080)", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("the slider, Active links and the map are visible beside the details panel", async ({
    page,
  }) => {
    await openApp(page, "t=2018-01-01&anim=0&sel=link:ttk-khasan");
    const details = page.getByRole("complementary", { name: TTK });
    await expect(details).toBeVisible();
    const slider = page.getByRole("slider", { name: "Date" });
    const active = page.getByRole("region", { name: "Active links" });
    const canvas = mapCanvas(page);
    await expect(slider).toBeInViewport({ ratio: 1 });
    await expect(active).toBeInViewport({ ratio: 1 });
    await expect(details).toBeInViewport({ ratio: 1 });
    await expect(canvas).toBeInViewport();
    await page.screenshot({ path: screenshotPath("desktop-details") });

    const panel = await box(details, "the details panel");
    expect(overlap(await box(slider, "the slider"), panel), "slider under details").toBe(false);
    expect(overlap(await box(active, "Active links"), panel), "list under details").toBe(false);
    // Most of the map stays in view: the panel takes less than a third of the width.
    expect(panel.width).toBeLessThan(1920 / 3);
  });
});
