/**
 * The panels with real numbers: the Active links list grouped (by country, a heading per group
 * with its count; a long grouped list still draws only the rows in view), and the country focus
 * panel of a country on many cables (a sentence naming a few upstreams, a sortable table of all).
 */
import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { openApp } from "./helpers";

const activeLinks = (page: Page) => page.getByRole("region", { name: "Active links" });

/** Links of public/data/`file` active on `date` that touch `country`, by the file. */
function activeTouching(file: string, date: string, country: string): { name: string }[] {
  const path = new URL(`../public/data/${file}`, import.meta.url);
  const topology = JSON.parse(readFileSync(path, "utf8")) as {
    links: {
      name: string;
      countries: string[];
      active: { from: string; to: string | null }[];
    }[];
  };
  return topology.links.filter(
    (l) =>
      l.countries.includes(country) &&
      l.active.some((i) => i.from <= date && (i.to === null || date <= i.to)),
  );
}

/** A pattern for a button whose name starts with `text`. */
const startingWith = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** The texts of the table's first column (the networks' names), in order. */
const networkNames = (table: Locator) =>
  table
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => r.querySelector("th")?.textContent?.trim() ?? ""));

test("grouping the list by country heads each country's links with its name and count", async ({
  page,
}) => {
  const date = "2018-01-01";
  const china = activeTouching("north-korea.topology.json", date, "CN");
  const northKorea = activeTouching("north-korea.topology.json", date, "KP");
  expect(china.length).toBeGreaterThan(0);
  await openApp(page, `t=${date}&anim=0`);
  const list = activeLinks(page);
  const groupBy = list.getByRole("combobox", { name: "Group by" });
  await expect(groupBy).toHaveValue("none");
  await groupBy.selectOption({ label: "Country" });

  const chinaHeading = list.getByRole("heading", { name: `China · ${china.length}` });
  await expect(chinaHeading).toBeVisible();
  await expect(
    list.getByRole("heading", { name: `North Korea · ${northKorea.length}` }),
  ).toBeVisible();
  // A link between two countries is listed under both: the list says so.
  await expect(list).toContainText("listed under each country it touches");
  const unicom = china[0]?.name ?? "";
  await expect(list.getByRole("button", { name: startingWith(unicom) })).toHaveCount(2);

  // A heading's button folds its group away and back; the links stay selectable.
  const toggle = chinaHeading.getByRole("button");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(list.getByRole("button", { name: startingWith(unicom) })).toHaveCount(1);
  await list.getByRole("button", { name: startingWith(unicom) }).click();
  await expect(page).toHaveURL(/sel=link:unicom-sinuiju-dandong/);
  await expect(list.getByRole("button", { name: startingWith(unicom) })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  // The grouping is a view preference: not in the address, kept by this browser.
  expect(page.url()).not.toMatch(/group/i);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await expect(groupBy).toHaveValue("country");
  await expect(list.getByRole("heading", { name: `China · ${china.length}` })).toBeVisible();
});

test("a long grouped list draws only the rows in view, and the arrow keys walk through it", async ({
  page,
}) => {
  await openApp(page, "ds=world-cables&t=2021-06-29&anim=0");
  const list = activeLinks(page);
  await list.getByRole("combobox", { name: "Group by" }).selectOption({ label: "Network" });
  await expect(list).toContainText("listed under each of its networks");
  const items = list.getByRole("listitem");
  const first = items.first();
  await expect(first).toHaveAttribute("aria-posinset", "1");
  // Hundreds of rows (each cable under each of its owners), a few dozen in the DOM.
  expect(Number(await first.getAttribute("aria-setsize"))).toBeGreaterThan(441);
  expect(await items.count()).toBeLessThan(60);

  // From the first heading, ↓ goes to its first link; End to the last row, drawn on the way.
  const heading = first.getByRole("button");
  await expect(heading).toHaveAttribute("aria-expanded", "true");
  await heading.focus();
  await page.keyboard.press("ArrowDown");
  await expect(items.nth(1).getByRole("button")).toBeFocused();
  await page.keyboard.press("End");
  const size = await first.getAttribute("aria-setsize");
  await expect(list.locator(`li[aria-posinset="${size}"]`).getByRole("button")).toBeFocused();
  expect(await items.count()).toBeLessThan(60);
});

test("the country panel of the US names its largest upstreams and sorts all of them in a table", async ({
  page,
}) => {
  await openApp(page, "ds=world-cables&t=2021-06-29&anim=0");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("United States");
  await dialog
    .getByRole("group", { name: "Countries" })
    .getByRole("option", { name: /United States/ })
    .first()
    .click();
  await expect(page).toHaveURL(/[#&]focus=US(&|$)/);
  const panel = page.getByRole("complementary", { name: /United States/ });
  await expect(panel).toBeVisible();

  // The sentence names three upstreams and counts the rest; the table lists them all.
  const summary = panel.getByText(/cross-border links and \d+ foreign upstreams/);
  const sentence = (await summary.textContent()) ?? "";
  const match =
    /and (\d+) foreign upstreams, the largest (.+) \(\d+ links?\), (.+) \(\d+\), (.+) \(\d+\) and (\d+) more\./.exec(
      sentence,
    );
  expect(match, sentence).not.toBeNull();
  const [, total, ...rest] = match ?? [];
  const named = rest.slice(0, 3);
  const more = Number(rest[3]);
  expect(Number(total)).toBe(named.length + more);

  const table = panel.getByRole("table", { name: "Foreign upstreams on this date" });
  await expect(table.locator("tbody tr")).toHaveCount(Number(total));
  // By default the largest come first, as the sentence names them.
  const linksHeader = table.getByRole("columnheader", { name: "Links" });
  await expect(linksHeader).toHaveAttribute("aria-sort", "descending");
  expect((await networkNames(table)).slice(0, 3)).toEqual(named);
  const counts = await table
    .locator("tbody td:last-child")
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  expect(counts).toEqual([...counts].sort((a, b) => b - a));

  // A click on Network sorts by name; Enter on it again (it is a button) turns the order around.
  const networkHeader = table.getByRole("columnheader", { name: "Network" });
  await networkHeader.getByRole("button").click();
  await expect(networkHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(linksHeader).not.toHaveAttribute("aria-sort", /.+/);
  const byName = await networkNames(table);
  const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
  expect(byName).toEqual([...byName].sort(collator.compare));
  await expect(networkHeader.getByRole("button")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(networkHeader).toHaveAttribute("aria-sort", "descending");
  expect(await networkNames(table)).toEqual([...byName].reverse());
});
