/**
 * The cartography report's pure parts: the `uplinks:labels` mark as the page publishes it, the
 * results' shape (bench/results-map.json), the targets and the printed table.
 */
import type { TargetCheck } from "./report";

/** How many names the map placed, from the app's last `uplinks:labels` performance mark. */
export interface LabelCounts {
  /** Place names (a cluster's name, under its busiest place, counts as one). */
  readonly places: number;
  readonly countries: number;
  /** Clusters of places drawn (discs with a count). */
  readonly clusters: number;
  /** The ids of the places named, when the mark gives them; then missing names are named. */
  readonly placeIds?: readonly string[];
}

const isCount = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0;

/**
 * The counts in a mark's `detail` (`{ places, countries, clusters }`, each a whole number ≥ 0,
 * and optionally `placeIds`); `null` when there is no mark or it does not read so.
 */
export function parseLabelsMark(detail: unknown): LabelCounts | null {
  if (typeof detail !== "object" || detail === null) return null;
  const { places, countries, clusters, placeIds } = detail as Record<string, unknown>;
  if (!isCount(places) || !isCount(countries) || !isCount(clusters)) return null;
  const ids =
    Array.isArray(placeIds) && placeIds.every((id) => typeof id === "string")
      ? { placeIds: placeIds as string[] }
      : {};
  return { places, countries, clusters, ...ids };
}

/** Every name the map placed: place names and country names. */
export const labelsPlaced = (labels: LabelCounts | null): number | null =>
  labels === null ? null : labels.places + labels.countries;

/** One view of world-cables: its ink and what the map named there. */
export interface InkViewResult {
  readonly view: string;
  readonly label: string;
  readonly viewport: { readonly width: number; readonly height: number };
  /** The two addresses compared: the dataset's and the empty dataset's. */
  readonly hash: string;
  readonly emptyHash: string | null;
  /** Changed pixels ÷ map pixels outside the panels (0…1). */
  readonly ink: number | null;
  readonly inkPixels: number | null;
  readonly mapPixels: number | null;
  readonly labels: LabelCounts | null;
  /** Why the view has no figures. */
  readonly error?: string;
}

/** One view of north-korea: its visible places and whether each has its name. */
export interface PlaceViewResult {
  readonly view: string;
  readonly label: string;
  readonly hash: string;
  /** The places in view, outside the panels. */
  readonly visible: readonly string[];
  readonly labels: LabelCounts | null;
  readonly status: "PASS" | "FAIL" | "n/a";
  readonly detail: string;
  /** Names of the visible places not named; `null` when the mark cannot say which. */
  readonly missing: readonly string[] | null;
  readonly error?: string;
}

/** bench/results-map.json. */
export interface MapResults {
  readonly machine: { readonly nproc: number; readonly chromium: string; readonly gl: string };
  /** When the run ended. */
  readonly date: string;
  /** The summed RGB difference above which a pixel is ink (bench/ink.ts). */
  readonly threshold: number;
  readonly views: readonly InkViewResult[];
  readonly places: readonly PlaceViewResult[];
  readonly targets: readonly TargetCheck[];
}

/** The figures of an earlier run that the regional view's ink is held to (bench/cartography-baseline.ts). */
export interface MapBaseline {
  /** When it was measured, and on what. */
  readonly date: string;
  readonly build: string;
  readonly views: Readonly<
    Record<
      string,
      {
        readonly ink: number | null;
        /** The pixels ink was counted over (the map outside the panels). */
        readonly mapPixels?: number;
        readonly labels: LabelCounts | null;
      }
    >
  >;
  readonly places: Readonly<Record<string, string>>;
}

/** Ink allowed at the world views. */
export const WORLD_INK_LIMIT = 0.1;
/** Names (place + country) allowed at the 1920×1080 world view. */
export const WORLD_LABEL_LIMIT = 60;
/** The views held to {@link WORLD_INK_LIMIT}, the one held to the baseline, the one counted. */
export const WORLD_INK_VIEWS = ["world-1920", "world-1280"];
export const REGIONAL_VIEW = "europe-1280";
export const LABEL_VIEW = "world-1920";

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const findView = (views: readonly InkViewResult[], id: string) =>
  views.find((v) => v.view === id && !v.error);

/** The targets (bench/README.md), each PASS, FAIL or n/a (not measured, or no baseline). */
export function checkMapTargets(
  results: Pick<MapResults, "views" | "places">,
  baseline: MapBaseline,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const verdict = (value: number | null, limit: number | null) =>
    value === null || limit === null ? "n/a" : value <= limit ? "PASS" : "FAIL";
  for (const id of WORLD_INK_VIEWS) {
    const view = findView(results.views, id);
    const ink = view?.ink ?? null;
    checks.push({
      target: `ink at ${view?.label ?? id} ≤ ${percent(WORLD_INK_LIMIT)}`,
      status: verdict(ink, WORLD_INK_LIMIT),
      detail: ink === null ? "not measured" : percent(ink),
    });
  }
  const regional = findView(results.views, REGIONAL_VIEW);
  const ink = regional?.ink ?? null;
  const before = baseline.views[REGIONAL_VIEW]?.ink ?? null;
  checks.push({
    target: `ink at ${regional?.label ?? REGIONAL_VIEW} ≤ baseline (${before === null ? "none" : percent(before)}, ${baseline.date})`,
    status: verdict(ink, before),
    detail: ink === null ? "not measured" : percent(ink),
  });
  const world = findView(results.views, LABEL_VIEW);
  const placed = labelsPlaced(world?.labels ?? null);
  checks.push({
    target: `names placed at ${world?.label ?? LABEL_VIEW} ≤ ${WORLD_LABEL_LIMIT}`,
    status: verdict(placed, WORLD_LABEL_LIMIT),
    detail:
      placed === null || !world?.labels
        ? "n/a (no uplinks:labels mark)"
        : `${placed} (${world.labels.places} places, ${world.labels.countries} countries)`,
  });
  for (const place of results.places) {
    checks.push({
      target: `${place.label}: every visible place named`,
      status: place.error ? "n/a" : place.status,
      detail: place.error ? `not measured: ${place.error}` : place.detail,
    });
  }
  return checks;
}

const count = (value: number | null | undefined) => (value == null ? "n/a" : String(value));
const shareText = (value: number | null | undefined) => (value == null ? "—" : percent(value));

/**
 * The table (a row per view, with the baseline's figures beside), then the targets, which carry
 * the place checks' verdicts.
 */
export function formatMapReport(results: MapResults, baseline: MapBaseline): string {
  const rows: string[][] = [
    [
      "view",
      "ink",
      "baseline",
      "map shown",
      "baseline",
      "place names",
      "country names",
      "clusters",
      "names",
      "baseline",
    ],
  ];
  const notes: string[] = [];
  for (const view of results.views) {
    const before = baseline.views[view.view];
    const window = view.viewport.width * view.viewport.height;
    const shown = (pixels: number | null | undefined) =>
      shareText(pixels == null ? null : pixels / window);
    rows.push([
      view.label,
      view.error ? "failed" : shareText(view.ink),
      shareText(before?.ink),
      shown(view.mapPixels),
      shown(before?.mapPixels),
      count(view.labels?.places),
      count(view.labels?.countries),
      count(view.labels?.clusters),
      count(labelsPlaced(view.labels)),
      count(labelsPlaced(before?.labels ?? null)),
    ]);
    if (view.error) notes.push(`failed: ${view.label}: ${view.error}`);
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const table = rows.map((r) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "),
  );
  return [
    `ink: pixels that differ from the empty map (|ΔR|+|ΔG|+|ΔB| > ${results.threshold}) ÷ map pixels outside the panels; map shown: those pixels ÷ the window's; names: places + countries`,
    "",
    ...table,
    ...notes,
    "",
    "targets:",
    ...results.targets.map((c) => `  ${c.status.padEnd(4)}  ${c.target}: ${c.detail}`),
  ].join("\n");
}
