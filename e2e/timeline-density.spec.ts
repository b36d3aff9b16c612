import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { parseTopology } from "../src/model/parse-topology";
import { openApp } from "./helpers";

interface FileLink {
  kind: string;
  active: { from: string; to: string | null }[];
}

/** The links of a dataset, read from its file (plain or compact) as the app reads it. */
const linksOf = (id: string): readonly FileLink[] =>
  parseTopology(JSON.parse(readFileSync(`public/data/${id}.topology.json`, "utf8"))).links;

/**
 * What the strip should say of `links`, worked out here from the file: how many intervals start
 * (appear) and end (retire), and the most links active at once and the first day of it.
 */
function expected(links: readonly FileLink[]) {
  const intervals = links.flatMap((l) => l.active);
  const starts = [...new Set(intervals.map((i) => i.from))].sort();
  let most = 0;
  let mostOn = "";
  for (const day of starts) {
    const n = intervals.filter((i) => i.from <= day && (i.to === null || i.to >= day)).length;
    if (n > most) {
      most = n;
      mostOn = day;
    }
  }
  return {
    appeared: intervals.length,
    retired: intervals.filter((i) => i.to !== null).length,
    most,
    mostOn,
  };
}

const strip = (page: Page) => page.getByRole("img", { name: /^Links active over time/ });

test("the density strip above the timeline says how many links were active, and follows the filters", async ({
  page,
}) => {
  await openApp(page, "anim=0");
  const all = expected(linksOf("north-korea"));
  await expect(strip(page)).toHaveAccessibleName(
    new RegExp(
      `most ${all.most} on ${all.mostOn}, .*; ${all.appeared} appeared, ${all.retired} retired$`,
    ),
  );

  // Without satellite hops, as a person unticks them in the legend.
  await page.getByRole("checkbox", { name: /Satellite/ }).uncheck();
  const ground = expected(linksOf("north-korea").filter((l) => l.kind !== "satellite"));
  expect(ground).not.toEqual(all);
  await expect(strip(page)).toHaveAccessibleName(
    new RegExp(
      `most ${ground.most} on ${ground.mostOn}, .*; ${ground.appeared} appeared, ${ground.retired} retired$`,
    ),
  );
  // The strip is drawn: its pixels are not all blank.
  const png = await strip(page).screenshot();
  const blank = await page.evaluate(
    async (bytes) => {
      const bitmap = await createImageBitmap(
        new Blob([new Uint8Array(bytes)], { type: "image/png" }),
      );
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const first = [data[0], data[1], data[2]];
      for (let i = 0; i < data.length; i += 4) {
        if (Math.abs((data[i] ?? 0) - (first[0] ?? 0)) > 30) return false;
      }
      return true;
    },
    [...png],
  );
  expect(blank).toBe(false);
});

test("the world's cables show their build-out over three decades", async ({ page }) => {
  await openApp(page, "ds=world-cables&anim=0");
  const links = linksOf("world-cables");
  const retired = links.flatMap((l) => l.active).filter((i) => i.to !== null).length;
  await expect(strip(page)).toHaveAccessibleName(new RegExp(`, ${retired} retired$`));
});
