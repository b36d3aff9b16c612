import { expect, test } from "@playwright/test";
import { encodeGenerated, generateTopology } from "../bench/generate";

/** The 10,000-link benchmark dataset (seeded, so the same every run), as its file holds it. */
const body = JSON.stringify(encodeGenerated(generateTopology({ links: 10_000 })));

test("the generated 10,000-link dataset opens, and scrubbing changes the active-link count", async ({
  page,
}) => {
  // Software WebGL draws 10,000 paths slowly: the first frame may take a while.
  test.setTimeout(240_000);
  await page.route("**/scale/gen-10000.topology.json", (route) =>
    route.fulfill({ body, contentType: "application/json" }),
  );
  await page.goto("./#data=scale/gen-10000.topology.json&anim=0&t=2010-01-01");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 180_000 });
  // A world-wide dataset fills the map's width with one world, not two or three side by side.
  const width = page.viewportSize()?.width ?? 1280;
  await expect
    .poll(() => Number(/[#&]map=([\d.]+)\//.exec(page.url())?.[1] ?? 0))
    .toBeGreaterThanOrEqual(Math.log2(width / 512) - 0.01);
  const region = page.getByRole("region", { name: "Active links" });
  const count = region.locator(".count");
  const before = Number(await count.textContent());
  expect(before).toBeGreaterThan(150);
  // A long list holds only the rows in view.
  expect(await region.getByRole("listitem").count()).toBeLessThan(60);

  const slider = page.getByRole("slider", { name: "Date" });
  await slider.focus();
  await page.keyboard.press("End");
  await expect(slider).not.toHaveAttribute("aria-valuetext", "2010-01-01", { timeout: 60_000 });
  await expect
    .poll(async () => Number(await count.textContent()), { timeout: 60_000 })
    .not.toBe(before);
  // The rows drawn follow the list as it scrolls.
  const first = region.getByRole("listitem").first();
  await expect(first).toHaveAttribute("aria-posinset", "1");
  await page.locator("#sidebar").evaluate((sidebar) => {
    sidebar.scrollTop = 3000;
  });
  await expect
    .poll(async () => Number(await first.getAttribute("aria-posinset")))
    .toBeGreaterThan(20);
});
