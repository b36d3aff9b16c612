import { expect, type Page, test } from "@playwright/test";
import { decodePng, isLinkColoured, openApp } from "./helpers";

/** Link-coloured pixels in a screenshot of the map area. */
async function linkPixels(page: Page): Promise<number> {
  const image = decodePng(await page.locator("#map").screenshot());
  let count = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    const rgb = { r: image.data[i] ?? 0, g: image.data[i + 1] ?? 0, b: image.data[i + 2] ?? 0 };
    if (isLinkColoured(rgb)) count++;
  }
  return count;
}

test("a lost WebGL context shows a notice, and the map comes back in the same view", async ({
  page,
}) => {
  await openApp(page, "map=5/40.5/127&t=2018-01-01&anim=0&sel=link:ttk-khasan");
  const before = page.url();
  await expect.poll(() => linkPixels(page)).toBeGreaterThan(200);
  const lose = await page.evaluateHandle(() => {
    const canvas = document.querySelector("#map canvas") as HTMLCanvasElement;
    const gl = canvas.getContext("webgl2");
    const extension = gl?.getExtension("WEBGL_lose_context");
    if (!extension) throw new Error("no WEBGL_lose_context");
    extension.loseContext();
    return extension;
  });
  const notice = page.getByRole("status").filter({ hasText: "graphics were lost" });
  await expect(notice).toBeVisible();
  await page.evaluate((extension) => extension.restoreContext(), lose);
  await expect(notice).toBeHidden();
  await expect.poll(() => linkPixels(page), { timeout: 30_000 }).toBeGreaterThan(200);
  expect(page.url()).toBe(before);
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    "2018-01-01",
  );
});
