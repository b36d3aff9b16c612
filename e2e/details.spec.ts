import { expect, test } from "@playwright/test";
import { openApp, readNorthKoreaTopology, screenshotPath } from "./helpers";

test("choosing a link in Active links opens its details with sources, networks and border crossing", async ({
  page,
}) => {
  const topology = readNorthKoreaTopology();
  const link = topology.links.find((l) => l.id === "ttk-khasan");
  if (!link) throw new Error("the dataset has no ttk-khasan link");
  const titles = new Map(topology.sources.map((s) => [s.id, s.title]));
  const sourceTitles = link.sources.map((id) => titles.get(id) ?? `missing source ${id}`);

  await openApp(page, "t=2018-01-01&anim=0");
  const item = page
    .getByRole("region", { name: "Active links" })
    .getByRole("button", { name: /^TransTeleCom via Tumangang–Khasan/ });
  await expect(item).toHaveAttribute("aria-pressed", "false");
  await item.click();
  await expect(item).toHaveAttribute("aria-pressed", "true");

  const details = page.getByRole("complementary", { name: link.name });
  await expect(details).toBeVisible();
  await expect(details).toContainText("Active on this date");
  for (const title of sourceTitles) await expect(details).toContainText(title);
  await expect(details).toContainText("AS20485");
  await expect(details.getByRole("listitem").filter({ hasText: "KP → RU" })).toContainText(
    "near Tumangang",
  );
  await page.screenshot({ path: screenshotPath("details-ttk") });

  const sourceLinks = details.getByRole("link");
  expect(await sourceLinks.count()).toBeGreaterThan(0);
  for (const a of await sourceLinks.all()) {
    await expect(a).toHaveAttribute("target", "_blank");
    await expect(a).toHaveAttribute("rel", /\bnoopener\b/);
    await expect(a).toHaveAttribute("rel", /\bnoreferrer\b/);
    await expect(a).toHaveAttribute("href", /^https?:\/\//);
  }

  await details.getByRole("button", { name: "Close details" }).click();
  await expect(details).toBeHidden();
  await expect(item).toHaveAttribute("aria-pressed", "false");

  await item.click();
  await expect(details).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(details).toBeHidden();
});
