/** The bench's results: their shape (bench/results.json), the printed table and the targets. */
import type { SoakResult } from "./soak-report";

export type PageName = "app" | "reference";

/** One page on one dataset (bench/README.md describes each figure). */
export interface RunResult {
  readonly page: PageName;
  /**
   * "baseline" (the reference page without links), an embedded dataset id, or `gen-<N>`; a run at
   * a view of its own has the view's id after an `@` (`gen-10000@europe-5`), so the app is
   * compared with the reference at the same view.
   */
  readonly dataset: string;
  /** The view's id for a run at a view of its own (`europe-5`); absent: the dataset's own framing. */
  readonly view?: string;
  readonly links: number;
  /** The median of `readySamples` (bench/measure.ts). */
  readonly readyMs: number | null;
  /** Each timed load's ready time, in ms. */
  readonly readySamples?: readonly number[];
  readonly frameMsMedian: number | null;
  readonly frameMsP95: number | null;
  readonly scriptMsPerFrame: number | null;
  readonly scrubMs: number | null;
  readonly heapMB: number | null;
  readonly dataBytes: number | null;
  /** Bytes of the dataset file as stored, before HTTP compression; 0 for the baseline. */
  readonly fileBytes?: number | null;
  /** Frame deltas sampled and scrubs timed. */
  readonly frames?: number;
  readonly scrubChanges?: number;
  /**
   * The app only: percent of the map's pixels (outside the panels) that differ between the view
   * drawn with level of detail and with whole paths, both still (bench/detail-diff.ts).
   */
  readonly pixelDiff?: number | null;
  /** Why the run has no figures. */
  readonly error?: string;
}

export interface BundleResult {
  readonly appInitialJsGzipBytes: number;
  readonly referenceInitialJsGzipBytes: number;
}

export interface ImportResult {
  readonly lines?: number;
  readonly inputMb?: number;
  readonly ms?: number;
  readonly peakRssMb?: number;
  readonly error?: string;
}

export interface Results {
  readonly machine: { readonly nproc: number; readonly chromium: string; readonly gl: string };
  readonly date: string;
  readonly quick: boolean;
  /** 1, 5 and 15-minute load averages (os.loadavg) before the build and after the last page. */
  readonly load: { readonly before: readonly number[]; readonly after: readonly number[] };
  readonly runs: readonly RunResult[];
  readonly bundle: BundleResult;
  readonly import?: ImportResult;
  /** The long session (bench/soak.ts); absent with --no-soak. */
  readonly soak?: SoakResult;
}

export const FIGURES = [
  "readyMs",
  "frameMsMedian",
  "frameMsP95",
  "scriptMsPerFrame",
  "scrubMs",
  "heapMB",
  "dataBytes",
] as const;
export type Figure = (typeof FIGURES)[number];

/** `app / reference`, or `null` when either is missing or the reference is 0. */
export function ratio(app: number | null | undefined, reference: number | null | undefined) {
  return app == null || reference == null || reference === 0 ? null : app / reference;
}

const findRun = (runs: readonly RunResult[], page: PageName, dataset: string) =>
  runs.find((r) => r.page === page && r.dataset === dataset && !r.error);

function formatValue(figure: Figure, value: number | null | undefined): string {
  if (value == null) return "—";
  if (figure === "dataBytes") return value.toLocaleString("en-US");
  if (figure === "heapMB") return value.toFixed(1);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

const pad = (cells: readonly string[], widths: readonly number[]) =>
  cells.map((c, i) => (i < 3 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");

/** The table: a row per dataset and figure, with the app, the reference and their ratio. */
export function formatTable(runs: readonly RunResult[]): string {
  const datasets = [...new Set(runs.map((r) => r.dataset))];
  const rows: string[][] = [["dataset", "links", "figure", "app", "reference", "ratio"]];
  const notes: string[] = [];
  for (const dataset of datasets) {
    const app = findRun(runs, "app", dataset);
    const reference = findRun(runs, "reference", dataset);
    const links = (app ?? reference ?? runs.find((r) => r.dataset === dataset))?.links ?? 0;
    for (const run of runs.filter((r) => r.dataset === dataset && r.error))
      notes.push(`${dataset} ${run.page}: ${run.error}`);
    for (const figure of FIGURES) {
      const r = ratio(app?.[figure], reference?.[figure]);
      rows.push([
        dataset,
        links.toLocaleString("en-US"),
        figure,
        formatValue(figure, app?.[figure]),
        formatValue(figure, reference?.[figure]),
        r === null ? "—" : `${r.toFixed(2)}×`,
      ]);
    }
    if (app?.pixelDiff != null) {
      rows.push([
        dataset,
        links.toLocaleString("en-US"),
        "pixelDiff %",
        app.pixelDiff.toFixed(2),
        "—",
        "—",
      ]);
    }
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => (row[i] ?? "").length)));
  const lines = rows.map((row) => pad(row, widths ?? []));
  return [...lines, ...notes.map((n) => `failed: ${n}`)].join("\n");
}

export interface TargetCheck {
  readonly target: string;
  readonly status: "PASS" | "FAIL" | "n/a";
  readonly detail: string;
}

/**
 * Level of detail's targets: at these datasets, the app's figure ≤ `limit` × the reference's at
 * the same view (a dataset id with `@europe-5`: the regional view).
 */
export const DETAIL_TARGETS: readonly { dataset: string; figure: Figure; limit: number }[] = [
  ...["gen-10000", "gen-100000"].flatMap((dataset) => [
    { dataset, figure: "frameMsMedian" as const, limit: 0.3 },
    { dataset, figure: "scriptMsPerFrame" as const, limit: 0.5 },
    { dataset, figure: "scrubMs" as const, limit: 0.3 },
    { dataset: `${dataset}@europe-5`, figure: "frameMsMedian" as const, limit: 0.2 },
  ]),
];

/**
 * `readyMs` app ÷ reference before level of detail, which it must not make worse: bench/results.json
 * as committed at 63221d2 (a full run of 2026-11-27: gen-10000 3997 ÷ 3878 ms, gen-100000
 * 6144 ÷ 4151 ms).
 */
export const READY_RATIOS_BEFORE_DETAIL: Readonly<Record<string, number>> = {
  "gen-10000": 3997.0 / 3878.0,
  "gen-100000": 6144.0 / 4151.0,
};

/** The most a view may differ with level of detail, in percent of the map's pixels. */
export const PIXEL_DIFF_LIMIT = 0.5;

/** Datasets whose frame figures are held to the targets. */
export const SCALE_DATASETS = ["gen-1000", "gen-10000", "gen-100000"];
export const DATA_BYTES_LIMIT = 12_000_000;

/** The targets of bench/README.md, each PASS, FAIL or n/a (not measured in this run). */
export function checkTargets(runs: readonly RunResult[], bundle: BundleResult): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const compared = (figure: Figure, dataset: string, limit: number) => {
    const app = findRun(runs, "app", dataset)?.[figure];
    const reference = findRun(runs, "reference", dataset)?.[figure];
    const r = ratio(app, reference);
    checks.push({
      target: `${figure} at ${dataset} ≤ ${limit}× reference`,
      status: r === null ? "n/a" : r <= limit ? "PASS" : "FAIL",
      detail: r === null ? "not measured" : `${r.toFixed(2)}×`,
    });
  };
  for (const dataset of SCALE_DATASETS) {
    compared("frameMsMedian", dataset, 1.25);
    compared("scriptMsPerFrame", dataset, 1.25);
  }
  const withLinks = [...new Set(runs.map((r) => r.dataset))].filter((d) => d !== "baseline");
  for (const dataset of withLinks) compared("scrubMs", dataset, 1.25);
  for (const dataset of withLinks) compared("readyMs", dataset, 1.5);
  for (const { dataset, figure, limit } of DETAIL_TARGETS) compared(figure, dataset, limit);
  for (const [dataset, before] of Object.entries(READY_RATIOS_BEFORE_DETAIL))
    compared("readyMs", dataset, Math.round(before * 100) / 100);
  for (const run of runs.filter((r) => r.page === "app" && r.pixelDiff != null)) {
    const percent = run.pixelDiff as number;
    checks.push({
      target: `pixelDiff at ${run.dataset} ≤ ${PIXEL_DIFF_LIMIT}%`,
      status: percent <= PIXEL_DIFF_LIMIT ? "PASS" : "FAIL",
      detail: `${percent.toFixed(2)}%`,
    });
  }
  const js = ratio(bundle.appInitialJsGzipBytes, bundle.referenceInitialJsGzipBytes);
  checks.push({
    target: "app initial JS gzip ≤ 1.2× reference",
    status: js === null ? "n/a" : js <= 1.2 ? "PASS" : "FAIL",
    detail: js === null ? "not measured" : `${js.toFixed(2)}×`,
  });
  const largest = findRun(runs, "app", "gen-100000");
  const bytes = largest?.fileBytes;
  const sent = largest?.dataBytes;
  checks.push({
    target: `dataset file at gen-100000 ≤ ${DATA_BYTES_LIMIT / 1e6} MB before HTTP compression`,
    status: bytes == null ? "n/a" : bytes <= DATA_BYTES_LIMIT ? "PASS" : "FAIL",
    detail:
      bytes == null
        ? "not measured"
        : `${(bytes / 1e6).toFixed(1)} MB (${sent == null ? "?" : (sent / 1e6).toFixed(1)} MB as sent, gzip)`,
  });
  return checks;
}
