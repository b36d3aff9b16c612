/**
 * The world's submarine cables (TeleGeography's map, five snapshots): a real dataset of ~500
 * cables of many parts each, owners without AS numbers, planned and retired cables, a license.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parseTopology } from "../src/model/parse-topology";
import type { Topology } from "../src/model/schema";
import { openApp } from "./helpers";

/** The built dataset, as the app reads it (its link table and compact paths parsed). */
function readWorldCables(): Topology {
  const file = new URL("../dist/data/world-cables.topology.json", import.meta.url);
  return parseTopology(JSON.parse(readFileSync(file, "utf8")), "world-cables.topology.json");
}

const ATTRIBUTION = /TeleGeography/;

test("ds=world-cables opens with its license shown on the map and in the Datasets dialog", async ({
  page,
}) => {
  await openApp(page, "ds=world-cables&anim=0");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("submarine cables");
  const map = page.getByRole("region", { name: "Map" });
  await expect(map.locator(".maplibregl-ctrl-attrib")).toContainText(ATTRIBUTION);

  await page.getByRole("button", { name: "Datasets" }).click();
  const dialog = page.getByRole("dialog", { name: "Datasets" });
  await expect(dialog).toContainText("CC BY-NC-SA 3.0");
});

test("searching “2Africa” finds one cable, whose details list its landings and owners", async ({
  page,
}) => {
  await openApp(page, "ds=world-cables&t=2021-06-29&anim=0");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search" });
  await expect(dialog).toBeVisible();
  await page.keyboard.type("2Africa");
  const links = dialog.getByRole("group", { name: "Links" });
  // One cable, one link: not a link per drawn segment ("2Africa (segment 3 of 27)"), and the best match.
  await expect(links.getByRole("option", { name: /^2Africa / })).toHaveCount(1);
  await expect(links.getByRole("option").first()).toContainText("2Africa");
  await links.getByRole("option", { name: /^2Africa / }).click();
  await expect(page).toHaveURL(/sel=link:2africa/);
  const details = page.getByRole("complementary", { name: "2Africa" });
  await expect(details).toBeVisible();
  for (const landing of ["Genoa, Italy", "Mombasa, Kenya", "Cape Town, South Africa"]) {
    await expect(details).toContainText(landing);
  }
  await expect(details).toContainText("Orange");
  await expect(details).toContainText(/Planned/);
  await expect(details).toContainText(ATTRIBUTION);
});

test("a retired cable is in service before its retirement and absent after it", async ({
  page,
}) => {
  const topology = readWorldCables();
  const tat14 = topology.links.find((l) => l.id === "tat-14");
  if (!tat14) throw new Error("world-cables has no tat-14 link");
  const end = tat14.active[tat14.active.length - 1]?.to;
  if (!end) throw new Error("tat-14 has no end in world-cables");
  const dayAfter = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  /** Links in service on `date`, by the file: what the Active links heading must count. */
  const inService = (date: string) =>
    topology.links.filter((l) =>
      l.active.some((i) => i.from <= date && (i.to === null || date <= i.to)),
    );
  expect(inService(end).map((l) => l.id)).toContain("tat-14");
  expect(inService(dayAfter).map((l) => l.id)).not.toContain("tat-14");

  const details = page.getByRole("complementary", { name: tat14.name });
  const count = page.getByRole("region", { name: "Active links" }).locator(".count");
  for (const [date, status] of [
    [end, "Active on this date"],
    [dayAfter, "Not active on this date"],
  ] as const) {
    await openApp(page, `ds=world-cables&sel=link:tat-14&t=${date}&anim=0`);
    await expect(details).toContainText(status);
    await expect(count).toHaveText(inService(date).length.toLocaleString("en-US"));
  }
});
