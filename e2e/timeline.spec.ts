import { expect, test } from "@playwright/test";
import { openApp } from "./helpers";

const TTK = /^TransTeleCom via Tumangang–Khasan/;
const UNICOM = /^China Unicom via Sinuiju–Dandong/;

test("the Date slider steps by month, year, Home and End from the keyboard, and the list follows", async ({
  page,
}) => {
  const catalog = await (await page.request.get("data/index.json")).json();
  const entry = catalog.datasets.find((d: { id: string }) => d.id === "north-korea");
  const lastDate: string = entry.timeRange[1];

  await openApp(page, "t=2017-09-15&anim=0");
  const slider = page.getByRole("slider", { name: "Date" });
  const active = page.getByRole("region", { name: "Active links" });
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-09-15");
  await expect(active.getByRole("button", { name: UNICOM })).toBeVisible();
  await expect(active.getByRole("button", { name: TTK })).toHaveCount(0);

  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-10-15");
  await expect(active.getByRole("button", { name: TTK })).toBeVisible();
  await expect(active).toContainText("on 15 Oct 2017");

  await page.keyboard.press("ArrowLeft");
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-09-15");
  await expect(active.getByRole("button", { name: TTK })).toHaveCount(0);

  await page.keyboard.press("PageUp");
  await expect(slider).toHaveAttribute("aria-valuetext", "2018-09-15");
  await expect(active.getByRole("button", { name: TTK })).toBeVisible();
  await page.keyboard.press("PageDown");
  await page.keyboard.press("PageDown");
  await expect(slider).toHaveAttribute("aria-valuetext", "2016-09-15");

  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuetext", "2010-01-01");
  await expect(active).toContainText("No link is active on this date.");
  await expect(active.getByRole("button")).toHaveCount(0);

  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", lastDate);
  await expect(active.getByRole("button", { name: TTK })).toBeVisible();
  await expect(active.getByRole("button", { name: UNICOM })).toBeVisible();
});

test("an event marker sets the date and selects its link; ] and [ step between events", async ({
  page,
}) => {
  await openApp(page, "t=2016-01-01&anim=0");
  const slider = page.getByRole("slider", { name: "Date" });
  await page
    .getByRole("button", { name: "2017-10-01: A second route, through Russia's TransTeleCom" })
    .click();
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-10-01");
  await expect(
    page.getByRole("complementary", { name: "TransTeleCom via Tumangang–Khasan" }),
  ).toBeVisible();

  // Take the focus off the marker, as a click on plain text does, then use the shortcuts.
  await page.getByText("Uplinks", { exact: true }).click();
  await expect(page.locator("body")).toBeFocused();
  await page.keyboard.press("]");
  await expect(slider).toHaveAttribute("aria-valuetext", "2022-01-14");
  await expect(
    page.getByRole("complementary", { name: "China Unicom via Sinuiju–Dandong" }),
  ).toBeVisible();
  await page.keyboard.press("[");
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-10-01");
  await page.keyboard.press("[");
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-09-22");
  await expect(page.getByRole("button", { name: "Previous event" })).toBeEnabled();
  await page.getByRole("button", { name: "Next event" }).click();
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-10-01");
});

test("Play turns into Pause and advances the date; Pause stops it", async ({ page }) => {
  await openApp(page, "t=2012-01-01&anim=0");
  const slider = page.getByRole("slider", { name: "Date" });
  // The slowest speed, so that playing cannot reach the end of the timeline during the test.
  await page.getByRole("combobox", { name: "Speed" }).selectOption({ label: "1 month/s" });
  await page.getByRole("button", { name: "Play" }).click();
  const pause = page.getByRole("button", { name: "Pause" });
  await expect(pause).toBeVisible();
  await expect(pause).toHaveAttribute("aria-pressed", "true");
  await expect
    .poll(async () => Date.parse((await slider.getAttribute("aria-valuetext")) ?? ""))
    .toBeGreaterThan(Date.parse("2012-01-10"));

  await pause.click();
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  const stoppedAt = await slider.getAttribute("aria-valuetext");
  // This one is about time passing: half a second later the date has not moved.
  await page.waitForTimeout(500);
  await expect(slider).toHaveAttribute("aria-valuetext", stoppedAt ?? "");

  // Space on the slider plays and pauses too.
  await slider.focus();
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await page.keyboard.press(" ");
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
});

test("during the 2014-12-22 outage a status names it and China Unicom is marked disrupted", async ({
  page,
}) => {
  await openApp(page, "t=2014-12-22&anim=0");
  const banner = page
    .getByRole("status")
    .filter({ hasText: "North Korea disconnected for about ten hours" });
  await expect(banner).toBeVisible();
  const unicom = page.getByRole("region", { name: "Active links" }).getByRole("button", {
    name: UNICOM,
  });
  await expect(unicom).toContainText("disrupted");

  // A month later it is over.
  await page.getByRole("slider", { name: "Date" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    "2015-01-22",
  );
  await expect(banner).toHaveCount(0);
  await expect(unicom).not.toContainText("disrupted");
});
