/**
 * Cartography at scale, on the world's submarine cables: places that would overlap merge into
 * clusters at a world view; a cluster says what it holds, and zooming in splits it.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createPlaceClusters, type PlaceCluster } from "../src/layers/place-clusters";
import { parseTopology } from "../src/model/parse-topology";
import { type Camera, hashParams, mapParam, openApp, screenPixel } from "./helpers";

const VIEWPORT = { width: 1280, height: 720 };
/** The Atlantic and Europe at a world view: clear of the sidebar (left) and the legend (right). */
const CAMERA: Camera = { zoom: 2, lat: 35, lon: -10 };

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The clusters the app draws at `zoom`, from the built file (the same clustering code). */
function clustersAt(zoom: number): readonly PlaceCluster[] {
  const file = new URL("../dist/data/world-cables.topology.json", import.meta.url);
  const topology = parseTopology(JSON.parse(readFileSync(file, "utf8")), "world-cables");
  const places = topology.nodes
    .filter((node) => node.kind !== "waypoint")
    .map((node) => ({ node, degree: 0 }));
  return createPlaceClusters(places).level(zoom).clusters;
}

test("a cluster of places lists what it holds; choosing one selects it; Zoom in splits the cluster", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORT);
  // The largest cluster in the middle of the map, clear of the panels.
  const [cluster, at] =
    clustersAt(CAMERA.zoom)
      .map((c) => [c, screenPixel([c.position[0], c.position[1]], CAMERA, VIEWPORT)] as const)
      .filter(([, p]) => p.x > 420 && p.x < 940 && p.y > 120 && p.y < 520)
      .sort(([a], [b]) => b.members.length - a.members.length)[0] ?? [];
  if (!cluster || !at) throw new Error("no cluster in view");
  expect(cluster.members.length).toBeGreaterThan(3);

  await openApp(page, `ds=world-cables&${mapParam(CAMERA)}&anim=0`);
  await page.mouse.click(at.x, at.y);
  const panel = page.getByRole("complementary", { name: `${cluster.members.length} places` });
  await expect(panel).toBeVisible();
  const items = panel.getByRole("listitem");
  await expect(items).toHaveCount(cluster.members.length);
  for (const member of cluster.members.slice(0, 3)) {
    await expect(
      panel.getByRole("button", { name: new RegExp(`^${escapeRegExp(member.node.name)}`) }),
    ).toBeVisible();
  }

  // Zoom in: the map zooms to where the cluster splits, and the panel, stale now, closes.
  await panel.getByRole("button", { name: "Zoom in" }).click();
  await expect(panel).toBeHidden();
  await expect
    .poll(() => Number(new Map(hashParams(page.url())).get("map")?.split("/")[0]))
    .toBeGreaterThanOrEqual(cluster.expansionZoom - 0.01);

  // Back at the world view (a fresh load: the same page would glide back, not jump), a place
  // chosen from the cluster's list is selected, its details open.
  await page.goto("about:blank");
  await openApp(page, `ds=world-cables&${mapParam(CAMERA)}&anim=0`);
  await page.mouse.click(at.x, at.y);
  const first = cluster.members[0]?.node;
  if (!first) throw new Error("empty cluster");
  await panel.getByRole("button", { name: new RegExp(`^${escapeRegExp(first.name)}`) }).click();
  await expect(page).toHaveURL(new RegExp(`sel=node:${first.id}`));
  await expect(page.getByRole("complementary", { name: first.name })).toBeVisible();
  await expect(panel).toBeHidden();
});
