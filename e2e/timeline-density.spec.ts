import { readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { parseTopology } from "../src/model/parse-topology";
import { openApp } from "./helpers";

interface FileLink {
  readonly kind: string;
  readonly active: readonly { from: string; to: string | null }[];
}

/** A dataset's links and the timeline's range, read from its file as the app reads it. */
function readDataset(id: string) {
  const topology = parseTopology(
    JSON.parse(readFileSync(`public/data/${id}.topology.json`, "utf8")),
  );
  const [from, to] = topology.timeRange;
  return {
    links: topology.links as readonly FileLink[],
    range: [`${from.slice(0, 4)}-01-01`, to] as const,
  };
}

/** What the strip says of the links, as numbers. */
interface Figures {
  first: number;
  most: number;
  mostOn: string;
  last: number;
  appeared: number;
  retired: number;
}

/**
 * The figures the strip should give for `links` over `[min, max]`, worked out here from the file
 * the slow way: links active at each day something starts, and at both ends.
 */
function expected(links: readonly FileLink[], [min, max]: readonly [string, string]): Figures {
  const intervals = links.flatMap((l) => l.active);
  const activeOn = (day: string) =>
    intervals.filter((i) => i.from <= day && (i.to === null || i.to >= day)).length;
  let most = 0;
  let mostOn = "";
  for (const day of [...new Set([min, ...intervals.map((i) => i.from)])].sort()) {
    if (activeOn(day) > most) {
      most = activeOn(day);
      mostOn = day;
    }
  }
  return {
    first: activeOn(min),
    most,
    mostOn,
    last: activeOn(max),
    appeared: intervals.filter((i) => i.from >= min).length,
    retired: intervals.filter((i) => i.to !== null && i.to <= max).length,
  };
}

const strip = (page: Page) => page.getByRole("img", { name: /^Links active over time/ });

/** The figures in the strip's words (undefined when it says something else). */
async function figures(strip: Locator): Promise<Figures | undefined> {
  const label = (await strip.getAttribute("aria-label")) ?? "";
  const n = "([\\d,]+)";
  const m = new RegExp(
    `: ${n} on [\\d-]+, most ${n} on ([\\d-]+), ${n} on [\\d-]+; ${n} appeared, ${n} retired$`,
  ).exec(label);
  if (!m) return undefined;
  const [first, most, mostOn, last, appeared, retired] = m.slice(1) as string[];
  const num = (s = "") => Number(s.replaceAll(",", ""));
  return {
    first: num(first),
    most: num(most),
    mostOn: mostOn ?? "",
    last: num(last),
    appeared: num(appeared),
    retired: num(retired),
  };
}

/** The number beside the "Active links" heading: links active on the date on show. */
const activeCount = async (page: Page) =>
  Number(await page.getByRole("region", { name: "Active links" }).locator(".count").textContent());

test("the density strip says how many links were active over time, and follows the filters", async ({
  page,
}) => {
  await openApp(page, "anim=0");
  const { links, range } = readDataset("north-korea");
  const all = expected(links, range);
  await expect.poll(() => figures(strip(page))).toEqual(all);
  // The app opens on the range's last day: the strip's last figure is the list's count.
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    range[1],
  );
  expect(await activeCount(page)).toBe(all.last);

  // Without satellite hops, as a person unticks them in the legend.
  await page.getByRole("checkbox", { name: /Satellite/ }).uncheck();
  const ground = expected(
    links.filter((l) => l.kind !== "satellite"),
    range,
  );
  expect(ground).not.toEqual(all);
  await expect.poll(() => figures(strip(page))).toEqual(ground);

  // On the day the strip says the most links were active, the list counts as many.
  await page.getByRole("button", { name: new RegExp(`^${ground.mostOn}: `) }).click();
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    ground.mostOn,
  );
  await expect.poll(() => activeCount(page)).toBe(ground.most);
});

/**
 * Of the strip canvas's pixels: the share painted, and the share of those painted in `color`
 * (an `rgb()` or `#rrggbb` CSS colour, read as the page reads it), within a small tolerance.
 */
const paint = (strip: Locator, color: string) =>
  strip.evaluate((canvas: HTMLCanvasElement, color) => {
    const probe = document.createElement("canvas").getContext("2d") as CanvasRenderingContext2D;
    probe.fillStyle = color;
    probe.fillRect(0, 0, 1, 1);
    const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
    const { data } = (canvas.getContext("2d") as CanvasRenderingContext2D).getImageData(
      0,
      0,
      canvas.width,
      canvas.height,
    );
    let painted = 0;
    let inColor = 0;
    for (let i = 0; i < data.length; i += 4) {
      if ((data[i + 3] ?? 0) === 0) continue;
      painted++;
      const near =
        Math.abs((data[i] ?? 0) - (r ?? 0)) < 12 &&
        Math.abs((data[i + 1] ?? 0) - (g ?? 0)) < 12 &&
        Math.abs((data[i + 2] ?? 0) - (b ?? 0)) < 12;
      if (near) inColor++;
    }
    return { painted: painted / (data.length / 4), inColor: inColor / (painted || 1) };
  }, color);

const accent = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--accent"));

test("the world's cables show their build-out over three decades, in the theme's colours", async ({
  page,
}) => {
  await openApp(page, "ds=world-cables&anim=0");
  const { links, range } = readDataset("world-cables");
  await expect.poll(() => figures(strip(page))).toEqual(expected(links, range));

  // The strip is drawn: mostly an area in the track's colour (up to the date on show).
  const dark = await paint(strip(page), await accent(page));
  expect(dark.painted).toBeGreaterThan(0.2);
  expect(dark.inColor).toBeGreaterThan(0.5);

  // It is drawn again in the light theme's colours.
  await page.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  const light = await accent(page);
  await expect.poll(async () => (await paint(strip(page), light)).inColor).toBeGreaterThan(0.5);
});
