import { describe, expect, it } from "vitest";
import { checkTargets, formatTable, type RunResult, ratio } from "./report";

const run = (page: "app" | "reference", dataset: string, scale: number): RunResult => ({
  page,
  dataset,
  links: 1000,
  readyMs: 1000 * scale,
  frameMsMedian: 200 * scale,
  frameMsP95: 250 * scale,
  scriptMsPerFrame: 10 * scale,
  scrubMs: 400 * scale,
  heapMB: 50 * scale,
  dataBytes: 1_000_000,
});

describe("ratio", () => {
  it("divides the app's figure by the reference's, or gives null when either is missing", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(null, 2)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
  });
});

describe("checkTargets", () => {
  it("passes a figure within its limit, fails one beyond it, and marks unmeasured ones n/a", () => {
    const runs = [run("reference", "gen-1000", 1), run("app", "gen-1000", 1.3)];
    const checks = checkTargets(runs, {
      appInitialJsGzipBytes: 110,
      referenceInitialJsGzipBytes: 100,
    });
    const status = (target: string) => checks.find((c) => c.target === target)?.status;
    expect(status("frameMsMedian at gen-1000 ≤ 1.25× reference")).toBe("FAIL");
    expect(status("readyMs at gen-1000 ≤ 1.5× reference")).toBe("PASS");
    expect(status("frameMsMedian at gen-10000 ≤ 1.25× reference")).toBe("n/a");
    expect(status("app initial JS gzip ≤ 1.2× reference")).toBe("PASS");
    expect(status("dataset file at gen-100000 ≤ 12 MB before HTTP compression")).toBe("n/a");
  });

  it("holds the largest dataset's file to 12 MB as stored, not as sent compressed", () => {
    const large = (fileBytes: number): RunResult => ({
      ...run("app", "gen-100000", 1),
      dataBytes: 10_000_000,
      fileBytes,
    });
    const bundle = { appInitialJsGzipBytes: 1, referenceInitialJsGzipBytes: 1 };
    const target = "dataset file at gen-100000 ≤ 12 MB before HTTP compression";
    const check = (fileBytes: number) =>
      checkTargets([large(fileBytes)], bundle).find((c) => c.target === target);
    expect(check(38_000_000)).toMatchObject({
      status: "FAIL",
      detail: "38.0 MB (10.0 MB as sent, gzip)",
    });
    expect(check(11_000_000)?.status).toBe("PASS");
  });

  it("does not count a failed run", () => {
    const failed: RunResult = { ...run("app", "gen-1000", 1), error: "timed out" };
    const checks = checkTargets([run("reference", "gen-1000", 1), failed], {
      appInitialJsGzipBytes: 1,
      referenceInitialJsGzipBytes: 1,
    });
    expect(checks.find((c) => c.target.startsWith("scrubMs at gen-1000"))?.status).toBe("n/a");
  });
});

describe("checkTargets: level of detail", () => {
  const bundle = { appInitialJsGzipBytes: 1, referenceInitialJsGzipBytes: 1 };
  const status = (checks: ReturnType<typeof checkTargets>, target: string) =>
    checks.find((c) => c.target === target)?.status;

  it("holds the app to a share of the reference's frame, script and scrub, the regional view to its own", () => {
    const runs = [
      run("reference", "gen-10000", 1),
      { ...run("app", "gen-10000", 0.25), scriptMsPerFrame: 10 * 0.6 },
      run("reference", "gen-10000@europe-5", 1),
      run("app", "gen-10000@europe-5", 0.25),
    ];
    const checks = checkTargets(runs, bundle);
    expect(status(checks, "frameMsMedian at gen-10000 ≤ 0.3× reference")).toBe("PASS");
    expect(status(checks, "scrubMs at gen-10000 ≤ 0.3× reference")).toBe("PASS");
    expect(status(checks, "scriptMsPerFrame at gen-10000 ≤ 0.5× reference")).toBe("FAIL");
    expect(status(checks, "frameMsMedian at gen-10000@europe-5 ≤ 0.2× reference")).toBe("FAIL");
    expect(status(checks, "frameMsMedian at gen-100000 ≤ 0.3× reference")).toBe("n/a");
  });

  it("holds readyMs to the ratio before level of detail", () => {
    const runs = (app: number) => [
      { ...run("reference", "gen-100000", 1), readyMs: 4000 },
      { ...run("app", "gen-100000", 1), readyMs: app },
    ];
    const target = "readyMs at gen-100000 ≤ 1.48× reference";
    expect(status(checkTargets(runs(5900), bundle), target)).toBe("PASS");
    expect(status(checkTargets(runs(6000), bundle), target)).toBe("FAIL");
  });

  it("holds each view's pixel difference to 0.5%", () => {
    const checks = checkTargets(
      [
        { ...run("app", "gen-10000", 1), pixelDiff: 0.31 },
        { ...run("app", "gen-10000@europe-5", 1), pixelDiff: 0.7 },
      ],
      bundle,
    );
    expect(status(checks, "pixelDiff at gen-10000 ≤ 0.5%")).toBe("PASS");
    expect(status(checks, "pixelDiff at gen-10000@europe-5 ≤ 0.5%")).toBe("FAIL");
  });
});

describe("formatTable", () => {
  it("has a row per dataset and figure with the app, the reference and their ratio", () => {
    const table = formatTable([run("reference", "gen-1000", 1), run("app", "gen-1000", 2)]);
    const row = table.split("\n").find((line) => line.includes("frameMsMedian"));
    expect(row?.split(/\s{2,}/)).toEqual([
      "gen-1000",
      "1,000",
      "frameMsMedian",
      "400",
      "200",
      "2.00×",
    ]);
  });

  it("adds the app's pixel difference under its dataset", () => {
    const table = formatTable([
      run("reference", "gen-1000", 1),
      { ...run("app", "gen-1000", 1), pixelDiff: 0.314 },
    ]);
    const row = table.split("\n").find((line) => line.includes("pixelDiff"));
    expect(row?.split(/\s{2,}/)).toEqual(["gen-1000", "1,000", "pixelDiff %", "0.31", "—", "—"]);
  });

  it("lists failed runs under the table", () => {
    const failed: RunResult = { ...run("app", "gen-1000", 1), error: "timed out" };
    expect(formatTable([failed])).toContain("failed: gen-1000 app: timed out");
  });
});
