import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { parseTopology } from "../src/model/parse-topology";
import type { Story } from "../src/model/schema";
import { openApp } from "./helpers";

const topologyFile = new URL("../public/data/north-korea.topology.json", import.meta.url);
const northKorea = () =>
  parseTopology(JSON.parse(readFileSync(topologyFile, "utf8")), "north-korea");

test("P presents the story: captions, → and ← move between steps, the date follows, Esc leaves", async ({
  page,
}) => {
  const story = northKorea().stories[0];
  if (!story) throw new Error("the dataset has no story");
  const [first, second] = story.steps;
  if (!first || !second) throw new Error("the story needs two steps");
  await openApp(page, "anim=0");

  await page.keyboard.press("p");
  const panel = page.getByRole("region", { name: first.title });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(first.caption);
  await expect(page).toHaveURL(/present=1/);
  await expect(page).toHaveURL(/step=1/);
  const slider = page.getByRole("slider", { name: "Date" });
  await expect(slider).toHaveAttribute("aria-valuetext", first.date);
  // Chrome is hidden while presenting: no toolbar, no link list.
  await expect(page.getByRole("button", { name: "Copy link" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Active links" })).toBeHidden();

  await page.keyboard.press("ArrowRight");
  const next = page.getByRole("region", { name: second.title });
  await expect(next).toContainText(second.caption);
  await expect(page).toHaveURL(/step=2/);
  // The timeline runs to the step's date.
  await expect(slider).toHaveAttribute("aria-valuetext", second.date);
  await expect(next.getByRole("button", { name: `Step 2: ${second.title}` })).toHaveAttribute(
    "aria-current",
    "step",
  );

  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("region", { name: first.title })).toBeVisible();
  await expect(page).toHaveURL(/step=1/);

  // A number key jumps; the Next button moves on too.
  await page.keyboard.press("3");
  await expect(page).toHaveURL(/step=3/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/step=4/);

  await page.keyboard.press("Escape");
  await expect(page.getByRole("region", { name: story.steps[3]?.title ?? "" })).toBeHidden();
  await expect(page).not.toHaveURL(/present=1/);
  await expect(page.getByRole("button", { name: "Copy link" })).toBeVisible();
});

test("a link with present=1 and step=6 opens the story at that step", async ({ page }) => {
  const story = northKorea().stories[0];
  const sixth = story?.steps[5];
  if (!story || !sixth) throw new Error("the story needs six steps");
  await openApp(page, `story=${story.id}&step=6&present=1&anim=0`);
  await expect(page.getByRole("region", { name: sixth.title })).toContainText(sixth.caption);
  await expect(page.getByRole("slider", { name: "Date" })).toHaveAttribute(
    "aria-valuetext",
    sixth.date,
  );
});

test("recording two steps downloads a story that the dataset's schema accepts", async ({
  page,
}) => {
  await openApp(page, "anim=0&t=2012-06-01");
  await page.getByRole("button", { name: "Record story" }).click();
  const recorder = page.getByRole("region", { name: "Record a story" });
  await recorder.getByRole("textbox", { name: "Story title" }).fill("Two routes");
  await recorder.getByRole("textbox", { name: "Story title" }).press("Tab");
  await recorder.getByRole("textbox", { name: "Step title" }).fill("One route");
  await recorder.getByRole("textbox", { name: "Caption" }).fill("Only China Unicom in 2012.");
  await recorder.getByRole("button", { name: "Add step" }).click();
  await expect(
    recorder.getByRole("list", { name: "Recorded steps" }).getByRole("listitem"),
  ).toHaveCount(1);

  // Change the view: another date and a selection, then record again.
  const slider = page.getByRole("slider", { name: "Date" });
  await slider.focus();
  await page.keyboard.press("End");
  await page
    .getByRole("region", { name: "Active links" })
    .getByRole("button", { name: /TransTeleCom/ })
    .click();
  await recorder.getByRole("textbox", { name: "Step title" }).fill("Two routes");
  await recorder.getByRole("textbox", { name: "Caption" }).fill("TransTeleCom joins in 2017.");
  await recorder.getByRole("button", { name: "Add step" }).click();
  const items = recorder.getByRole("list", { name: "Recorded steps" }).getByRole("listitem");
  await expect(items).toHaveCount(2);

  // Reorder, then back: the first recorded step leads again.
  await recorder.getByRole("button", { name: "Move up step 2" }).click();
  await expect(items.first()).toContainText("Two routes");
  await recorder.getByRole("button", { name: "Move down step 1" }).click();
  await expect(items.first()).toContainText("One route");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    recorder.getByRole("button", { name: "Download JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("uplinks-north-korea-two-routes.json");
  const path = await download.path();
  const story = JSON.parse(readFileSync(path, "utf8")) as Story;
  expect(story.steps.map((s) => s.title)).toEqual(["One route", "Two routes"]);
  expect(story.steps[0]?.date).toBe("2012-06-01");
  expect(story.steps[1]?.select).toBe("link:ttk-khasan");
  // The same check the pipeline and `npm run validate` apply, with the story in the dataset.
  const topology = northKorea();
  const withStory = parseTopology({ ...topology, stories: [...topology.stories, story] }, "story");
  expect(withStory.stories.at(-1)?.id).toBe("two-routes");
});
