import { expect, test } from "@playwright/test";
import { chromiumLaunchOptions } from "./launch";

// A browser that gives the page no WebGL at all.
test.use({ launchOptions: chromiumLaunchOptions(["--disable-webgl", "--disable-3d-apis"]) });

test("the map-less view says why, and the timeline, the list and details still work", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./#t=2013-01-01&anim=0");
  await expect(page.locator("html")).toHaveAttribute("data-state", "error", { timeout: 45_000 });
  await expect(page.getByRole("alert")).toContainText("no WebGL");
  const list = page.getByRole("region", { name: "Active links" });
  await expect(list.getByRole("button", { name: /Intelsat/ })).toBeVisible();

  const slider = page.getByRole("slider", { name: "Date" });
  await slider.focus();
  await page.keyboard.press("End");
  await expect(slider).not.toHaveAttribute("aria-valuetext", "2013-01-01");
  await expect(list.getByRole("button", { name: /Intelsat/ })).toHaveCount(0);
  await list.getByRole("button", { name: /TransTeleCom/ }).click();
  await expect(
    page.getByRole("complementary", { name: "TransTeleCom via Tumangang–Khasan" }),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
