/**
 * On a phone (390×844): the toolbar is one Menu button, the details and the link list are bottom
 * sheets, story mode's caption is a card above the timeline, and nothing lies over anything else.
 */
import { expect, type Page, test } from "@playwright/test";
import { hashParams, openApp, PLACES, screenPixel, screenshotPath } from "./helpers";

test.use({ viewport: { width: 390, height: 844 } });

const TTK = "TransTeleCom via Tumangang–Khasan";

/** A control on screen: what it is (role and name, to read in a failure) and its box. */
interface Shown {
  readonly what: string;
  readonly layer: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The controls a person sees (buttons, the slider, headings, the date, the banner, the sheets),
 * each with the floating layer it belongs to: the panel, bar or map control that holds it (its
 * nearest fixed-position ancestor). Controls inside one panel are that panel's own layout; those
 * of two layers must never overlap.
 */
function shownControls(page: Page): Promise<Shown[]> {
  return page.evaluate(() => {
    const selector =
      'button, summary, select, [role="slider"], h1, h2, time, [role="status"], aside, [role="menu"]';
    const layers: Element[] = [];
    const layerOf = (el: Element) => {
      let at: Element | null = el;
      while (at && getComputedStyle(at).position !== "fixed" && !at.matches(".maplibregl-ctrl"))
        at = at.parentElement;
      const layer = at ?? document.body;
      if (!layers.includes(layer)) layers.push(layer);
      return layers.indexOf(layer);
    };
    const shown: Shown[] = [];
    for (const el of document.querySelectorAll(selector)) {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // What shows of it: its box within the viewport and the panels that scroll it.
      let [left, top, right, bottom] = [0, 0, innerWidth, innerHeight];
      for (let at: Element | null = el; at; at = at.parentElement) {
        const style = getComputedStyle(at);
        if (at !== el && style.overflowX === "visible" && style.overflowY === "visible") continue;
        const r = at.getBoundingClientRect();
        [left, top] = [Math.max(left, r.left), Math.max(top, r.top)];
        [right, bottom] = [Math.min(right, r.right), Math.min(bottom, r.bottom)];
      }
      const r = { x: left, y: top, width: right - left, height: bottom - top };
      // Visually hidden live regions (1 px) are for screen readers only.
      if (r.width < 4 || r.height < 4) continue;
      // Its name, near enough: the label, or the text without the symbols hidden from it.
      const text = el.cloneNode(true) as Element;
      for (const hidden of text.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
      const name =
        el.getAttribute("aria-label") ?? (text.textContent ?? "").trim().replace(/\s+/g, " ");
      shown.push({
        what: `${el.getAttribute("role") ?? el.tagName.toLowerCase()} "${name.slice(0, 40)}"`,
        layer: layerOf(el),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      });
    }
    return shown;
  });
}

/** The pairs of controls of different layers whose boxes overlap (by more than half a pixel). */
function overlaps(controls: readonly Shown[]): string[] {
  const pairs: string[] = [];
  for (const [i, a] of controls.entries()) {
    for (const b of controls.slice(i + 1)) {
      if (a.layer === b.layer) continue;
      const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (w > 0.5 && h > 0.5) pairs.push(`${a.what} × ${b.what}`);
    }
  }
  return pairs;
}

/** The share of the screen where the map itself shows (sampled every 6 px). */
function mapShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    let onMap = 0;
    let all = 0;
    for (let y = 3; y < innerHeight; y += 6) {
      for (let x = 3; x < innerWidth; x += 6) {
        all++;
        if (document.elementFromPoint(x, y) instanceof HTMLCanvasElement) onMap++;
      }
    }
    return onMap / all;
  });
}

const whats = (controls: readonly Shown[]) => controls.map((c) => c.what).join("\n");

test("with a link selected, no two controls overlap and the map keeps over a third of the screen", async ({
  page,
}) => {
  await openApp(page, "t=2017-10-01&sel=link:ttk-khasan&anim=0");
  const details = page.getByRole("complementary", { name: TTK });
  await expect(details).toBeVisible();
  const banner = page.getByRole("status").filter({ hasText: "A second route" });
  await expect(banner).toBeVisible();

  const controls = await shownControls(page);
  // The check covers every part of the layout, not an empty page.
  for (const expected of [
    /^h1 "North Korea/m,
    /^button "Datasets"/m,
    /^button "Links"/m,
    /^button "Menu"/m,
    /^summary "Legend"/m,
    /^status "Activation/m,
    /^aside /m,
    /^button "Expand details"/m,
    /^slider /m,
    /^time "1 Oct 2017"/m,
    /^button "Play"/m,
  ]) {
    expect(whats(controls), `${expected} among the controls`).toMatch(expected);
  }
  expect(overlaps(controls)).toEqual([]);

  // A bottom sheet: half the screen at most, clear of the timeline.
  const sheet = await details.boundingBox();
  const slider = await page.getByRole("slider", { name: "Date" }).boundingBox();
  if (!sheet || !slider) throw new Error("no sheet or slider box");
  expect(sheet.height).toBeLessThanOrEqual(844 / 2);
  expect(sheet.y + sheet.height).toBeLessThan(slider.y);
  expect(await mapShare(page)).toBeGreaterThanOrEqual(0.35);
  await page.screenshot({ path: screenshotPath("phone-selected") });
});

test("the details sheet's handle expands it to the full height and collapses it again", async ({
  page,
}) => {
  await openApp(page, "t=2017-10-01&sel=link:ttk-khasan&anim=0");
  const details = page.getByRole("complementary", { name: TTK });
  const handle = details.getByRole("button", { name: "Expand details" });
  await expect(handle).toHaveAttribute("aria-expanded", "false");
  const half = await details.boundingBox();
  await handle.click();
  const collapse = details.getByRole("button", { name: "Collapse details" });
  await expect(collapse).toHaveAttribute("aria-expanded", "true");
  await expect
    .poll(async () => (await details.boundingBox())?.height ?? 0)
    .toBeGreaterThan(844 * 0.6);
  // Expanded, the sheet still leaves the title, the buttons and the timeline in view.
  await expect(page.getByRole("button", { name: "Menu" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("slider", { name: "Date" })).toBeInViewport({ ratio: 1 });
  expect(overlaps(await shownControls(page))).toEqual([]);
  await page.screenshot({ path: screenshotPath("phone-sheet-expanded") });
  await collapse.click();
  await expect(details.getByRole("button", { name: "Expand details" })).toBeVisible();
  expect((await details.boundingBox())?.height).toBe(half?.height);
});

test("a link chosen from the Links sheet is framed above the details sheet, below the banner", async ({
  page,
}) => {
  await openApp(page, "t=2017-10-01&anim=0");
  const links = page.getByRole("button", { name: "Links" });
  await links.click();
  await expect(links).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("button", { name: "Expand list" })).toBeVisible();
  await page
    .getByRole("region", { name: "Active links" })
    .getByRole("button", { name: new RegExp(`^${TTK}`) })
    .click();
  const details = page.getByRole("complementary", { name: TTK });
  await expect(details).toBeVisible();
  const sheet = await details.boundingBox();
  const banner = await page.getByRole("status").filter({ hasText: "A second route" }).boundingBox();
  if (!sheet || !banner) throw new Error("no sheet or banner box");

  // Where the link's places are drawn, from the camera the address says.
  const outside = async () => {
    const map = hashParams(page.url()).find(([key]) => key === "map")?.[1];
    const [zoom, lat, lon] = (map ?? "").split("/").map(Number);
    if (zoom === undefined || lat === undefined || lon === undefined) return ["no camera"];
    const places = ["pyongyang", "rajin", "tumangang", "khasan", "vladivostok"] as const;
    return places.filter((name) => {
      const p = screenPixel(PLACES[name], { zoom, lat, lon }, { width: 390, height: 844 });
      return p.x < 0 || p.x > 390 || p.y < banner.y + banner.height || p.y > sheet.y;
    });
  };
  await expect.poll(outside).toEqual([]);
  await page.screenshot({ path: screenshotPath("phone-framed") });
});

test("the toolbar is one Menu button, and its menu works by keyboard", async ({ page }) => {
  await openApp(page, "anim=0");
  const menuButton = page.getByRole("button", { name: "Menu" });
  await expect(menuButton).toHaveAttribute("aria-haspopup", "menu");
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");
  // Folded away: the toolbar's buttons are not on screen.
  await expect(page.getByText("Copy link", { exact: true })).toBeHidden();

  await menuButton.focus();
  await page.keyboard.press("Enter");
  await expect(menuButton).toHaveAttribute("aria-expanded", "true");
  const menu = page.getByRole("menu", { name: "Menu" });
  await expect(menu).toBeVisible();
  for (const name of ["Present", "Record story", "Copy link", "Share", "Export"]) {
    await expect(menu.getByRole("menuitem", { name })).toBeVisible();
  }
  await expect(menu.getByRole("menuitem", { name: "Keyboard shortcuts" })).toBeVisible();
  await expect(menu.getByRole("menuitem").first()).toBeFocused();
  await page.screenshot({ path: screenshotPath("phone-menu") });

  const globe = menu.getByRole("menuitemcheckbox", { name: "Globe" });
  await expect(globe).toHaveAttribute("aria-checked", "false");
  for (let i = 0; i < 12 && !(await globe.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(globe).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(globe).toHaveAttribute("aria-checked", "true");
  await expect(page).toHaveURL(/proj=globe/);
  // A toggle leaves the menu open, for another choice.
  await expect(menu).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  await expect(menuButton).toHaveAttribute("aria-expanded", "false");

  // ↑ opens on the last item; Tab leaves the menu, closed.
  await page.keyboard.press("ArrowUp");
  await expect(menu.getByRole("menuitem", { name: "Keyboard shortcuts" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toBeHidden();
  await expect(menuButton).not.toBeFocused();

  // An item that does something else closes the menu: the help dialog opens, and on closing
  // gives focus back to the Menu button (its own button is folded away).
  await menuButton.click();
  await menu.getByRole("menuitem", { name: "Keyboard shortcuts" }).click();
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(menu).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(menuButton).toBeFocused();
});

test("presenting on a phone, the caption is a card above the timeline; the date, the slider and the banner are clear of it", async ({
  page,
}) => {
  await openApp(page, "story=second-route&step=5&present=1&anim=0");
  const card = page.getByRole("region", { name: "1 October 2017, a second route" });
  await expect(card).toBeVisible();
  const slider = page.getByRole("slider", { name: "Date" });
  await expect(slider).toHaveAttribute("aria-valuetext", "2017-10-01");
  const date = page.getByText("1 Oct 2017", { exact: true });
  await expect(date).toBeInViewport({ ratio: 1 });
  await expect(slider).toBeInViewport({ ratio: 1 });
  await expect(card.getByRole("button", { name: "Next" })).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole("status").filter({ hasText: "A second route" })).toBeInViewport({
    ratio: 1,
  });

  const box = await card.boundingBox();
  const track = await slider.boundingBox();
  if (!box || !track) throw new Error("no card or slider box");
  expect(box.width).toBeGreaterThan(390 - 20);
  expect(box.height).toBeLessThanOrEqual(844 * 0.42);
  expect(box.y + box.height).toBeLessThan(track.y);
  const controls = await shownControls(page);
  for (const expected of [
    /^time "1 Oct 2017"/m,
    /^slider /m,
    /^status "Activation/m,
    /^h2 "1 Oct/m,
  ]) {
    expect(whats(controls), `${expected} among the controls`).toMatch(expected);
  }
  expect(overlaps(controls)).toEqual([]);
  await page.screenshot({ path: screenshotPath("phone-present") });
});
