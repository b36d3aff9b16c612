import { expect, test } from "@playwright/test";

test("the app loads the default dataset and lists its links with their dates", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).host !== "127.0.0.1:4173") foreign.push(r.url());
  });
  await page.goto("./");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
  await expect(
    page.getByRole("heading", { name: "North Korea's links to the internet" }),
  ).toBeVisible();
  const links = page.getByRole("list", { name: "Links" });
  await expect(
    links.getByRole("listitem").filter({ hasText: "TransTeleCom via Tumangang–Khasan" }),
  ).toContainText("2017-10-01");
  await expect(links.getByRole("listitem").filter({ hasText: "China Unicom" })).toContainText(
    "2010-11-18",
  );
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test("another dataset of the catalog opens with ds= in the address", async ({ page }) => {
  const catalog = await (await page.request.get("data/index.json")).json();
  const other = catalog.datasets.find((d: { id: string }) => d.id !== catalog.default);
  test.skip(!other, "the catalog has one dataset");
  await page.goto(`./#ds=${other.id}`);
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(other.title);
});

test("an unknown dataset id gives an alert that names it", async ({ page }) => {
  await page.goto("./#ds=atlantis");
  await expect(page.locator("html")).toHaveAttribute("data-state", "error");
  await expect(page.getByRole("alert")).toContainText('unknown dataset "atlantis"');
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
