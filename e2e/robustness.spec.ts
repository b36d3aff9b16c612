import { expect, test } from "@playwright/test";
import { openApp, readNorthKoreaTopology } from "./helpers";

test("an unknown dataset id gives an alert that names it", async ({ page }) => {
  await page.goto("./#ds=atlantis");
  await expect(page.locator("html")).toHaveAttribute("data-state", "error");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("ds=atlantis: unknown dataset");
  await expect(alert).toContainText("north-korea");
});

test("a broken topology file gives an alert naming the file, the path and the value", async ({
  page,
}) => {
  await page.route("**/data/north-korea.topology.json", async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    doc.links[0].active[0].from = "2017-13-01";
    await route.fulfill({ response, json: doc });
  });
  await page.goto("./");
  await expect(page.locator("html")).toHaveAttribute("data-state", "error");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("data/north-korea.topology.json");
  await expect(alert).toContainText(
    'links[0].active[0].from: not a date (expected YYYY-MM-DD) ("2017-13-01")',
  );
});

test("a malformed t= is named in a dismissible notice and the rest of the address still applies", async ({
  page,
}) => {
  const lastDate = readNorthKoreaTopology().timeRange[1];
  await openApp(page, "t=2017-13-45&sel=link:ttk-khasan&anim=0");
  const notice = page.getByRole("status").filter({ hasText: "t=2017-13-45" });
  await expect(notice).toBeVisible();
  // The date falls back to the dataset's last date; the selection is kept.
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    lastDate,
  );
  await expect(
    page.getByRole("complementary", { name: "TransTeleCom via Tumangang–Khasan" }),
  ).toBeVisible();
  await notice.getByRole("button", { name: "Dismiss notice" }).click();
  await expect(notice).toHaveCount(0);
});

test("another dataset of the catalog opens with ds= in the address", async ({ page }) => {
  const catalog = await (await page.request.get("data/index.json")).json();
  const other = catalog.datasets.find((d: { id: string }) => d.id !== catalog.default);
  test.skip(!other, "the catalog has one dataset");
  await openApp(page, `ds=${other.id}&anim=0`);
  await expect(page).toHaveTitle(`${other.title} · Uplinks`);
  await expect(page.getByText(other.title, { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Active links" }).getByRole("button").first(),
  ).toBeVisible();
});
