import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { greatCircleKm } from "../src/model/route";
import { hashParams, openApp, PLACES, screenPixel } from "./helpers";

/** The map centre the address holds, as `[lon, lat]` (the address follows the camera). */
function centreOf(url: string): [number, number] {
  const map = new Map(hashParams(url)).get("map");
  if (!map) throw new Error(`no map= in ${url}`);
  const [, lat, lon] = map.split("/").map(Number);
  return [lon ?? Number.NaN, lat ?? Number.NaN];
}

const activeLinks = (page: Page) => page.getByRole("region", { name: "Active links" });

async function openSearch(page: Page) {
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Drops `content` on the page as a file named `name`, the way a file manager would. */
async function dropFile(page: Page, name: string, content: string) {
  const transfer = await page.evaluateHandle(
    ({ name, content }) => {
      const data = new DataTransfer();
      data.items.add(new File([content], name, { type: "application/json" }));
      return data;
    },
    { name, content },
  );
  await page.dispatchEvent("body", "dragenter", { dataTransfer: transfer });
  await page.dispatchEvent("body", "dragover", { dataTransfer: transfer });
  await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
}

test("typing “vladivostk” then Enter selects Vladivostok and moves the camera towards it", async ({
  page,
}) => {
  await openApp(page, "map=5/38.5/118&t=2018-01-01&anim=0");
  const before = greatCircleKm(centreOf(page.url()), [...PLACES.vladivostok] as [number, number]);
  const dialog = await openSearch(page);
  const box = dialog.getByRole("combobox");
  await expect(box).toBeFocused();
  await page.keyboard.type("vladivostk");
  await expect(dialog.getByRole("option", { selected: true })).toContainText("Vladivostok");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/sel=node:vladivostok/);
  await expect(page.getByRole("complementary", { name: "Vladivostok" })).toBeVisible();
  await expect
    .poll(() => greatCircleKm(centreOf(page.url()), [...PLACES.vladivostok] as [number, number]), {
      timeout: 20_000,
    })
    .toBeLessThan(before / 3);
});

test("searching AS20485 finds the TransTeleCom link, and choosing it opens its details", async ({
  page,
}) => {
  await openApp(page, "t=2018-01-01&anim=0");
  await page.getByRole("button", { name: "Search" }).click();
  const dialog = page.getByRole("dialog", { name: "Search" });
  await page.keyboard.type("AS20485");
  const links = dialog.getByRole("group", { name: "Links" });
  const option = links.getByRole("option", { name: /TransTeleCom via Tumangang/ });
  await expect(option).toBeVisible();
  await expect(dialog.getByRole("group", { name: "Networks" })).toContainText("AS20485");
  await option.click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/sel=link:ttk-khasan/);
  await expect(
    page.getByRole("complementary", { name: "TransTeleCom via Tumangang–Khasan" }),
  ).toBeVisible();
  // Escape closes an open search without choosing anything.
  await openSearch(page);
  await page.keyboard.type("unicom");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog", { name: "Search" })).toBeHidden();
  await expect(page).toHaveURL(/sel=link:ttk-khasan/);
});

test("unticking Satellite hides the Intelsat link on 2013-01-01, writes f= and survives a reload", async ({
  page,
}) => {
  await openApp(page, "t=2013-01-01&anim=0");
  const list = activeLinks(page);
  await expect(list.getByRole("button", { name: /Intelsat/ })).toBeVisible();
  const satellite = page.getByRole("checkbox", { name: /Satellite/ });
  await expect(satellite).toBeChecked();
  // The legend counts each kind's active links on the date.
  await expect(page.locator(".legend-toggle", { has: satellite })).toContainText("1");
  await satellite.uncheck();
  await expect(list.getByRole("button", { name: /Intelsat/ })).toHaveCount(0);
  await expect(list.getByRole("button", { name: /China Unicom/ })).toBeVisible();
  await expect(list).toContainText("1 more hidden by the filters.");
  await expect(page).toHaveURL(/[#&]f=kind:terrestrial(&|$)/);

  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await expect(page.getByRole("checkbox", { name: /Satellite/ })).not.toBeChecked();
  await expect(activeLinks(page).getByRole("button", { name: /Intelsat/ })).toHaveCount(0);
  // Ticking it again clears the filter from the address.
  await page.getByRole("checkbox", { name: /Satellite/ }).check();
  await expect(activeLinks(page).getByRole("button", { name: /Intelsat/ })).toBeVisible();
  await expect(page).not.toHaveURL(/[#&]f=/);
});

test("clicking North Korea focuses it: the chart, and a summary naming both upstreams on 2018-01-01", async ({
  page,
}) => {
  // Inland North Korea, away from every link and place, at the middle of the map.
  const camera = { zoom: 6, lat: 40.8, lon: 126.6 };
  await openApp(page, `map=${camera.zoom}/${camera.lat}/${camera.lon}&t=2018-01-01&anim=0`);
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  const at = screenPixel([126.6, 40.8], camera, size);
  await page.mouse.click(at.x, at.y);
  await expect(page).toHaveURL(/[#&]focus=KP(&|$)/);
  const panel = page.getByRole("complementary", { name: "North Korea" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("img", { name: /North Korea/ })).toBeVisible();
  const summary = panel.getByText(/North Korea has 2 cross-border links/);
  await expect(summary).toContainText("China Unicom");
  await expect(summary).toContainText("TransTeleCom");

  // Before October 2017 the summary names only one upstream; clicking the chart sets the date.
  const chart = panel.getByRole("img", { name: /North Korea/ });
  const box = await chart.boundingBox();
  if (!box) throw new Error("the chart has no box");
  await page.mouse.click(box.x + box.width * 0.42, box.y + box.height * 0.5);
  const slider = page.getByRole("slider", { name: "Date" });
  await expect(slider).not.toHaveAttribute("aria-valuetext", "2018-01-01");
  const date = (await slider.getAttribute("aria-valuetext")) ?? "";
  expect(date < "2017-10-01").toBe(true);
  const before = panel.getByText(/North Korea has 1 cross-border link and 1 foreign upstream/);
  await expect(before).toContainText("China Unicom");
  await expect(before).not.toContainText("TransTeleCom");

  await panel.getByRole("button", { name: "Close country focus" }).click();
  await expect(panel).toBeHidden();
  await expect(page).not.toHaveURL(/focus=/);
});

test("comparing 2012-06-01 with 2018-01-01 counts TransTeleCom only at B and China Unicom at both", async ({
  page,
}) => {
  await openApp(page, "t=2018-01-01&anim=0");
  await page.getByRole("button", { name: "Compare dates" }).click();
  await page.getByLabel("Date A").fill("2012-06-01");
  await expect(page).toHaveURL(/[#&]cmp=2012-06-01(&|$)/);
  const compared = page.getByRole("list", { name: "Compared links" });
  const onlyB = compared.getByRole("listitem").filter({ hasText: "Only at B" });
  const both = compared.getByRole("listitem").filter({ hasText: "At both dates" });
  await expect(onlyB).toContainText("TransTeleCom via Tumangang–Khasan");
  await expect(onlyB.locator(".legend-count")).toHaveText("1");
  await expect(both).toContainText("China Unicom");
  await expect(both).not.toContainText("TransTeleCom");
  // Intelsat was up in June 2012 and is gone by 2018.
  await expect(compared.getByRole("listitem").filter({ hasText: "Only at A" })).toContainText(
    "Intelsat",
  );
  await page.getByRole("button", { name: "Stop comparing" }).click();
  await expect(page).not.toHaveURL(/cmp=/);
});

test("dropping a valid file opens it; a broken one lists every problem and keeps the dataset", async ({
  page,
}) => {
  await openApp(page, "t=2018-01-01&anim=0");
  const broken = readFileSync("e2e/fixtures/local/broken.topology.json", "utf8");
  await dropFile(page, "broken.topology.json", broken);
  const alert = page.getByRole("alert");
  await expect(alert).toContainText('Could not open "broken.topology.json"');
  await expect(alert).toContainText('sources[0].url: not an http(s) URL ("ftp://');
  await expect(alert).toContainText(
    'events[0].date: not a date (expected YYYY-MM-DD) ("2011-02-30")',
  );
  await expect(alert).toContainText('links[0].to: unknown node id ("santiago")');
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "North Korea's links to the internet",
  );
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready");

  const valid = readFileSync("e2e/fixtures/local/valid.topology.json", "utf8");
  await dropFile(page, "valid.topology.json", valid);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Cuba's links to the internet (local copy)",
  );
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
  await expect(page.getByRole("status").filter({ hasText: "was not uploaded" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

test("the Datasets dialog lists the catalog and opens another dataset", async ({ page }) => {
  await openApp(page, "anim=0");
  await page.getByRole("button", { name: "Datasets" }).click();
  const dialog = page.getByRole("dialog", { name: "Datasets" });
  const catalog = JSON.parse(readFileSync("public/data/index.json", "utf8")) as {
    datasets: { title: string }[];
  };
  // One entry per dataset of the catalog, each a link that opens it (a license's link aside).
  await expect(dialog.getByRole("listitem")).toHaveCount(catalog.datasets.length);
  for (const { title } of catalog.datasets) {
    await expect(dialog.getByRole("link", { name: title })).toBeVisible();
  }
  await expect(dialog.getByRole("link", { name: /North Korea/ })).toHaveAttribute(
    "aria-current",
    "true",
  );
  await dialog.getByRole("link", { name: /Cuba/ }).click();
  await expect(page).toHaveURL(/ds=cuba/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Cuba");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 45_000 });
});

test("Tab reaches every control, ? lists the shortcuts and Escape closes them", async ({
  page,
}) => {
  await openApp(page, "t=2018-01-01&anim=0");
  const names = new Set<string>();
  await page.locator("body").focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "";
      const label = el.getAttribute("aria-label") ?? el.textContent ?? "";
      return `${el.getAttribute("role") ?? el.tagName.toLowerCase()}:${label.trim().replace(/\s+/g, " ")}`;
    });
    names.add(name);
  }
  const reached = [...names].join("\n");
  for (const expected of [
    /button:Datasets/,
    /button:Search/,
    /TransTeleCom via Tumangang/,
    /input:$/m, // the legend's checkboxes (named by their label element)
    /button:Compare dates/,
    /button:Present/,
    /button:Copy link/,
    /button:Export/,
    /button:Keyboard shortcuts/,
    /button:.*Play/,
    /slider:/,
  ]) {
    expect(reached, `${expected} in:\n${reached}`).toMatch(expected);
  }

  await page.locator("body").focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Search places, links, networks, countries and events");
  await expect(help).toContainText("Compare two dates");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});
