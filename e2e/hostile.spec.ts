/**
 * Hostile and broken data through `data=`: every file of e2e/fixtures/bad (and a few made here,
 * too big to commit) ends in an alert that names the file and the problem, while the dataset
 * shown stays; no script in the data runs, and the page throws nothing.
 *
 * The files are served by the app's own server: they are copied into dist/fixtures/bad, which
 * `vite preview` serves as it finds them. One page is opened once and given each file in turn.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, expect, type Page, type TestInfo, test } from "@playwright/test";

const SOURCE = fileURLToPath(new URL("fixtures/bad/", import.meta.url));
const SERVED = fileURLToPath(new URL("../dist/fixtures/bad/", import.meta.url));
const CATALOG = JSON.parse(
  readFileSync(fileURLToPath(new URL("../public/data/index.json", import.meta.url)), "utf8"),
) as { default: string; datasets: { id: string; title: string }[] };
const DEFAULT_TITLE = CATALOG.datasets.find((d) => d.id === CATALOG.default)?.title ?? "";

/** Files too big to commit, written next to the copies before the tests. */
function writeGeneratedFixtures(): void {
  const base = JSON.parse(readFileSync(`${SOURCE}wrong-version.topology.json`, "utf8"));
  base.version = 1;
  const header = '{"format":"uplinks-topology","version":1,"id":"big","links":';
  // 100,000 levels of nesting (200 KB).
  writeFileSync(
    `${SERVED}deep-nesting.topology.json`,
    `${header}${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
  );
  // ~50 MB of small nested arrays: millions of arrays if it were parsed.
  const item = "[[[0]]],";
  writeFileSync(
    `${SERVED}nested-arrays-50mb.topology.json`,
    `${header}[${item.repeat(6_500_000)}[[[0]]]]}`,
  );
  // A 10 MB name.
  const hugeName = structuredClone(base);
  hugeName.links[0].name = "x".repeat(10_000_000);
  writeFileSync(`${SERVED}huge-name.topology.json`, JSON.stringify(hugeName));
  // 200,000 empty links: millions of problems, were they all listed.
  writeFileSync(
    `${SERVED}many-broken-records.topology.json`,
    JSON.stringify({ ...base, links: Array.from({ length: 200_000 }, () => ({})) }),
  );
  // A path of 10,001 vertices.
  const longPath = structuredClone(base);
  longPath.links[0].path = Array.from({ length: 10_001 }, (_, i) => [124 + i / 10_001, 40]);
  writeFileSync(`${SERVED}too-many-vertices.topology.json`, JSON.stringify(longPath));
}

function serveFixtures(): void {
  mkdirSync(SERVED, { recursive: true });
  for (const file of readdirSync(SOURCE)) copyFileSync(`${SOURCE}${file}`, `${SERVED}${file}`);
  writeGeneratedFixtures();
}

interface Case {
  /** What `data=` says. */
  readonly data: string;
  /** Text the alert must contain, besides the file's name. */
  readonly problem: string;
}

const bad = (file: string, problem: string): Case => ({ data: `fixtures/bad/${file}`, problem });

const CASES: readonly Case[] = [
  bad(
    "script-in-id.topology.json",
    'nodes[0].id: not an id (lowercase letters, digits and -) ("<img src=x onerror=\\"window.__pwned=1\\">")',
  ),
  bad(
    "script-in-kind.topology.json",
    'links[0].kind: not a link kind (terrestrial, submarine, satellite, microwave, peering) ("\\"><script>window.__pwned=1</script>")',
  ),
  bad(
    "javascript-url.topology.json",
    'sources[0].url: not an http(s) URL ("javascript:window.__pwned=1")',
  ),
  bad(
    "javascript-url-spaces.topology.json",
    'sources[0].url: not an http(s) URL ("  JAVASCRIPT:window.__pwned=1")',
  ),
  bad("data-url.topology.json", "sources[0].url: not an http(s) URL"),
  bad("nan-literal.topology.json", "invalid JSON at line 73, column 10: this is not JSON"),
  bad("infinity-literal.topology.json", "invalid JSON at line 82, column 19: this is not JSON"),
  bad("nan-string.topology.json", 'nodes[0].coordinates[0]: expected a longitude ("NaN")'),
  bad("huge-number.topology.json", "links[0].lengthKm: expected number, received -Infinity"),
  bad("off-the-globe.topology.json", "nodes[0].coordinates[0]: longitude is off the globe"),
  bad("dangling-ids.topology.json", 'links[0].to: unknown node id ("atlantis")'),
  bad("cyclic-link.topology.json", 'links[0].to: link ends where it starts ("a")'),
  bad("duplicate-ids.topology.json", 'nodes[2].id: duplicate id ("a")'),
  bad("wrong-version.topology.json", "version: unsupported version (this app reads version 1) (2)"),
  bad("swapped-dates.topology.json", "links[0].active[0].to: interval ends before it starts"),
  bad("bad-date.topology.json", 'events[0].date: not a date (expected YYYY-MM-DD) ("2017-02-30")'),
  bad("unknown-field.topology.json", 'links[0].onclick: unknown field ("window.__pwned=1")'),
  bad(
    "catalog-not-topology.json",
    'format: not an Uplinks document of format "uplinks-topology" ("uplinks-catalog")',
  ),
  bad("array-root.topology.json", "(root): expected a JSON object ([1,2,3])"),
  bad("null.topology.json", "(root): expected a JSON object (null)"),
  bad("truncated.topology.json", "invalid JSON at line 64, column 4"),
  bad("empty.topology.json", "invalid JSON at line 1, column 1: the document is empty"),
  bad("bom-truncated.topology.json", "invalid JSON at line 42, column 7"),
  bad("utf16.topology.json", "is UTF-16 text; a topology is UTF-8 JSON"),
  bad("binary.topology.json", "is not UTF-8 text"),
  bad("html-as-json.topology.json", "this is markup (an HTML or XML page?), not JSON"),
  bad(
    "page.html",
    "is served as text/html;charset=utf-8, not as JSON (a web page: is the address right?)",
  ),
  bad(
    "duplicate-keys.topology.json",
    'not read at line 16, column 39: the key "url" is given twice',
  ),
  bad("proto-key.topology.json", '__proto__: unknown field ({"polluted":true})'),
  bad("deep-nesting.topology.json", "not read at line 1, column 92: nested more than 32 levels"),
  bad("nested-arrays-50mb.topology.json", "a list of more than 1,000,000 items"),
  bad(
    "huge-name.topology.json",
    "links[0].name: name is 10,000,000 characters long; at most 200 are allowed",
  ),
  bad("many-broken-records.topology.json", "links[0].id: required field is missing"),
  bad(
    "too-many-vertices.topology.json",
    "links[0].path: 10,001 vertices; at most 10,000 are allowed",
  ),
  // The app is served as a set of files (`appType: "mpa"`), not a single-page app whose page
  // answers every address: a missing file is a 404. (A host that answers with its page instead is
  // the page.html case above.)
  bad("missing.topology.json", "HTTP 404"),
  {
    data: "javascript:window.__pwned=1",
    problem: "javascript: addresses are not loaded; only paths on this site and https: addresses",
  },
  { data: " JavaScript:window.__pwned=1", problem: "javascript: addresses are not loaded" },
  { data: "data:application/json,{}", problem: "data: addresses are not loaded" },
  { data: "blob:http://127.0.0.1/x", problem: "blob: addresses are not loaded" },
  { data: "file:///etc/passwd", problem: "file: addresses are not loaded" },
  {
    data: "http://example.test/x.topology.json",
    problem: "data from another site is loaded only over https:",
  },
];

test.describe.configure({ mode: "default" });

let page: Page;
const pageErrors: string[] = [];

async function openShared(browser: Browser, testInfo: TestInfo): Promise<void> {
  const { baseURL, viewport } = testInfo.project.use;
  page = await browser.newPage({
    ...(baseURL ? { baseURL } : {}),
    ...(viewport ? { viewport } : {}),
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
  await page.goto("./#anim=0");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
}

test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(120_000);
  serveFixtures();
  await openShared(browser, testInfo);
});

test.afterAll(async () => {
  await page.close();
});

const pwned = (p: Page) => p.evaluate(() => (window as { __pwned?: unknown }).__pwned);

for (const { data, problem } of CASES) {
  test(`data=${data.trim().slice(0, 60)}: an alert names it and says "${problem.slice(0, 50)}"`, async () => {
    test.setTimeout(90_000);
    await page.evaluate(
      (hash) => {
        location.hash = hash;
      },
      `data=${encodeURIComponent(data)}`,
    );
    const named = data.startsWith("fixtures/") ? data : data.trim();
    const alert = page.getByRole("alert").filter({ hasText: named });
    await expect(alert).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText(problem);
    // The dataset shown stays, and the address says so again.
    await expect(page.locator("html")).toHaveAttribute("data-state", "ready");
    await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`);
    expect(await page.evaluate(() => location.hash)).not.toContain("data=");
    expect(await pwned(page)).toBeUndefined();
    expect(await page.evaluate(() => (({}) as { polluted?: unknown }).polluted)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
}

test("a broken file as the first thing opened: the alert stays, and the rest of the page works", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./#data=fixtures/bad/truncated.topology.json");
  await expect(page.locator("html")).toHaveAttribute("data-state", "error");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Could not open fixtures/bad/truncated.topology.json");
  await expect(alert).toContainText("invalid JSON at line 64, column 4");
  // Another address opens as usual.
  await page.evaluate(() => {
    location.hash = "anim=0";
  });
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
  await expect(page).toHaveTitle(`${DEFAULT_TITLE} · Uplinks`);
  expect(errors).toEqual([]);
});

test("markup in a valid file's texts is shown as text, and runs nothing", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("./#data=fixtures/bad/valid-but-hostile-text.topology.json&sel=link:ab&anim=0");
  await expect(page.locator("html")).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
  const img = '<img src=x onerror="window.__pwned=1">';
  const script = '"><script>window.__pwned=1</script>';
  await expect(page).toHaveTitle(`Hostile ${img} · Uplinks`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Hostile ${img}`);
  await expect(page.getByText(`${script} and ${img}`)).toBeVisible();
  // The details of the selected link: its name and source, as text.
  await expect(page.getByRole("complementary", { name: `${img}${script}` })).toBeVisible();
  await expect(page.getByText(script).first()).toBeAttached();
  // The address keeps data=, so the view can be shared.
  expect(await page.evaluate(() => location.hash)).toContain(
    "data=fixtures/bad/valid-but-hostile-text.topology.json",
  );
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(await pwned(page)).toBeUndefined();
  expect(errors).toEqual([]);
});
