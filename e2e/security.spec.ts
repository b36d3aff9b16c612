/**
 * The page's Content Security Policy, and data from another site: `data=https://…` is fetched
 * only once the person agrees, is labelled with its origin while shown, and a failure or a
 * cancel keeps the dataset shown. The other site is played by `page.route`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";

const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self' blob:; child-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' https:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'";

const CUBA = readFileSync(
  fileURLToPath(new URL("../public/data/cuba.topology.json", import.meta.url)),
  "utf8",
);
const CUBA_TITLE = (JSON.parse(CUBA) as { title: string }).title;
const CATALOG = JSON.parse(
  readFileSync(fileURLToPath(new URL("../public/data/index.json", import.meta.url)), "utf8"),
) as { default: string; datasets: { id: string; title: string }[] };
const DEFAULT_TITLE = CATALOG.datasets.find((d) => d.id === CATALOG.default)?.title ?? "";

const REMOTE = "https://example.test/atlas/cuba.topology.json";
const CORS = { "access-control-allow-origin": "*", "content-type": "application/json" };

async function waitReady(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
}

const setHash = (page: Page, hash: string) =>
  page.evaluate((h) => {
    location.hash = h;
  }, hash);

test("the served page sets the Content Security Policy", async ({ page, request }) => {
  const html = await (await request.get("./")).text();
  expect(html).toContain('http-equiv="Content-Security-Policy"');
  await page.goto("./#anim=0");
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(policy).toBe(CSP);
  expect(policy).not.toContain("unsafe-eval");
});

test("the usual flow breaks no rule of the policy", async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as { __cspViolations?: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective}: ${e.blockedURI}`),
    );
  });
  const consoleViolations: string[] = [];
  page.on("console", (m) => {
    if (m.text().includes("Content Security Policy")) consoleViolations.push(m.text());
  });
  await page.goto("./");
  await waitReady(page);
  // Select a link, play, switch projection and theme, export an image.
  await page.getByRole("region", { name: "Active links" }).getByRole("button").first().click();
  await page.getByRole("button", { name: "Play" }).click();
  await page.getByRole("button", { name: "Pause" }).click();
  await page.getByRole("button", { name: "Globe" }).click();
  await page.getByRole("button", { name: "Light theme" }).click();
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const exportDialog = page.getByRole("dialog", { name: "Export" });
  const downloading = page.waitForEvent("download");
  await exportDialog.getByRole("button", { name: "Download PNG" }).click();
  await downloading;
  await page.keyboard.press("Escape");
  // Another dataset by data=, from this site.
  await setHash(page, "data=data/cuba.topology.json");
  await expect(page).toHaveTitle(`${CUBA_TITLE} · Uplinks`, { timeout: 60_000 });
  await waitReady(page);
  expect(
    await page.evaluate(() => (window as { __cspViolations?: string[] }).__cspViolations),
  ).toEqual([]);
  expect(consoleViolations).toEqual([]);
});

test("data from another site is loaded only once the person agrees, and is labelled", async ({
  page,
}) => {
  test.setTimeout(120_000);
  let requests = 0;
  await page.route("https://example.test/**", (route) => {
    requests++;
    return route.fulfill({ status: 200, headers: CORS, body: CUBA });
  });
  await page.goto("./#anim=0");
  await waitReady(page);

  await setHash(page, `data=${REMOTE}`);
  const question = page.getByRole("alertdialog");
  await expect(question).toContainText(
    "Load data from https://example.test? It was not checked by Uplinks.",
  );
  await expect(question).toContainText(REMOTE);
  await expect(question.getByRole("button", { name: "Cancel" })).toBeFocused();
  // Cancel: nothing is fetched and the dataset shown stays, as does its address.
  await question.getByRole("button", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`);
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
  expect(await page.evaluate(() => location.hash)).not.toContain("data=");
  expect(requests).toBe(0);

  // Load: it opens, with a banner naming its origin, and the address keeps data=.
  await setHash(page, `data=${REMOTE}`);
  await page.getByRole("alertdialog").getByRole("button", { name: "Load" }).click();
  await expect(page).toHaveTitle(`${CUBA_TITLE} · Uplinks`, { timeout: 60_000 });
  await waitReady(page);
  const banner = page.getByRole("note", { name: "Data source" });
  await expect(banner).toContainText("Data from https://example.test — not checked by Uplinks");
  expect(requests).toBe(1);
  expect(await page.evaluate(() => decodeURIComponent(location.hash))).toContain(`data=${REMOTE}`);
  // It never joins the catalog.
  await page.getByRole("button", { name: "Datasets" }).click();
  await expect(page.getByRole("dialog").getByText(REMOTE)).toHaveCount(0);
  await page.keyboard.press("Escape");

  // Back to the catalog's dataset: the banner goes.
  await page.goBack();
  await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`, { timeout: 60_000 });
  await expect(banner).toBeHidden();
});

test("a failed download from another site names the failure and keeps the dataset shown", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.route("https://example.test/missing.json", (route) =>
    route.fulfill({ status: 404, headers: CORS, body: "not here" }),
  );
  // A network error; the browser reports a CORS refusal the same way (`page.route` cannot play
  // one: it adds the CORS headers itself).
  await page.route("https://example.test/unreachable.json", (route) => route.abort("failed"));
  await page.route("https://example.test/page.json", (route) =>
    route.fulfill({
      status: 200,
      headers: { ...CORS, "content-type": "text/html" },
      body: "<p>hi</p>",
    }),
  );
  await page.goto("./#anim=0");
  await waitReady(page);

  const attempt = async (url: string, problem: string) => {
    await setHash(page, `data=${url}`);
    await page.getByRole("alertdialog").getByRole("button", { name: "Load" }).click();
    const alert = page.getByRole("alert").filter({ hasText: url });
    await expect(alert).toContainText(problem, { timeout: 30_000 });
    await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`);
    await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
    expect(await page.evaluate(() => location.hash)).not.toContain("data=");
  };
  await attempt("https://example.test/missing.json", "HTTP 404");
  await attempt(
    "https://example.test/unreachable.json",
    "https://example.test could not be reached, or it does not let other sites read this file (CORS)",
  );
  await attempt(
    "https://example.test/page.json",
    "is served as text/html, not as JSON (a web page: is the address right?)",
  );
});

test("a download in progress can be cancelled, and the dataset shown stays", async ({ page }) => {
  test.setTimeout(120_000);
  // The other site answers only after a long while.
  await page.route("https://example.test/slow.json", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 15_000));
    await route.fulfill({ status: 200, headers: CORS, body: CUBA }).catch(() => {});
  });
  await page.goto("./#anim=0");
  await waitReady(page);
  await setHash(page, "data=https://example.test/slow.json");
  await page.getByRole("alertdialog").getByRole("button", { name: "Load" }).click();
  const loading = page.locator("#loading");
  await expect(loading).toContainText("Loading https://example.test/slow.json");
  await expect(loading.getByRole("progressbar")).toBeVisible();
  await loading.getByRole("button", { name: "Cancel" }).click();
  await expect(loading).toBeHidden();
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
  await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`);
  await expect(page.getByRole("alert")).toHaveCount(0);
  expect(await page.evaluate(() => location.hash)).not.toContain("data=");
  await page.unrouteAll({ behavior: "ignoreErrors" });
});
