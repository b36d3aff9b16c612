/**
 * What the cartography report (`npm run bench:map`, bench/cartography.ts) looks at: its views,
 * its flags, and the empty dataset the ink of a view is measured against. Pure.
 */

/** A browser window size, in CSS pixels (device scale 1: one CSS pixel, one image pixel). */
export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** A view of a dataset: the camera (`map=` of the address) at a window size. */
export interface MapView {
  /** Short id, the key in bench/results-map.json and the baseline. */
  readonly id: string;
  /** How the table names it. */
  readonly label: string;
  readonly viewport: Viewport;
  /** `ZOOM/LAT/LON` for `map=`; `null`: the dataset's opening view. */
  readonly map: string | null;
}

export const DESKTOP: Viewport = { width: 1280, height: 720 };
export const LARGE: Viewport = { width: 1920, height: 1080 };

/** The dataset whose ink is measured. */
export const INK_DATASET = "world-cables";

/** The views of {@link INK_DATASET} whose ink and label counts are measured. */
export const INK_VIEWS: readonly MapView[] = [
  { id: "world-1920", label: "world 1920×1080", viewport: LARGE, map: "1.6/20/10" },
  { id: "world-1280", label: "world 1280×720", viewport: DESKTOP, map: "1/20/10" },
  { id: "europe-1280", label: "Europe 1280×720", viewport: DESKTOP, map: "4/50/5" },
];

/** The dataset whose visible places must all be named. */
export const PLACES_DATASET = "north-korea";

/** The views of {@link PLACES_DATASET} checked. */
export const PLACE_VIEWS: readonly MapView[] = [
  { id: "nk-opening", label: "north-korea opening view", viewport: DESKTOP, map: null },
  { id: "nk-z5", label: "north-korea 5/41/127", viewport: DESKTOP, map: "5/41/127" },
];

/**
 * The address (hash, with its `#`) of a view: no animation (a still picture, the same in both
 * screenshots), the dark theme; `source` is `ds=<id>` or `data=<path>`; `date` (`t=`) when given.
 */
export function viewHash(view: MapView, source: string, date: string | null = null): string {
  const parts = [source];
  if (view.map) parts.push(`map=${view.map}`);
  if (date) parts.push(`t=${date}`);
  parts.push("anim=0", "theme=dark");
  return `#${parts.join("&")}`;
}

/** `npm run bench:map` flags. */
export interface MapOptions {
  /**
   * The built app to serve: `null` is the repository's `dist/`, built first (`npm run build`)
   * unless `build` is false; a folder given with `--dist` is served as it is.
   */
  readonly dist: string | null;
  readonly build: boolean;
  /** Where to save each screenshot and ink picture (`--shots DIR`); `null`: not saved. */
  readonly shots: string | null;
}

/** `--no-build`, `--dist DIR`, `--shots DIR` (bench/README.md). */
export function parseMapArgs(args: readonly string[]): MapOptions {
  let dist: string | null = null;
  let build = true;
  let shots: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => {
      const text = arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (args[++i] ?? "");
      if (text === "") throw new Error(`invalid ${arg.split("=")[0]}: expected a folder`);
      return text;
    };
    if (arg === "--no-build") build = false;
    else if (arg === "--dist" || arg.startsWith("--dist=")) dist = value();
    else if (arg === "--shots" || arg.startsWith("--shots=")) shots = value();
    else throw new Error(`invalid argument: ${arg} (see bench/README.md)`);
  }
  return { dist, build: build && dist === null, shots };
}

/** The header fields an empty dataset copies from the dataset it stands in for. */
const KEPT = ["format", "version", "updated", "boundaries", "license", "timeRange"] as const;

/**
 * A topology with no links, places, networks, events or stories, and otherwise like `topology`
 * (a parsed-or-not topology document): the same time range (so the same date opens), the same
 * license (the same attribution), one of its sources. What the map shows of it is the basemap
 * alone, which the dataset's screenshot is compared with.
 */
export function emptyTopologyLike(topology: unknown, id: string): Record<string, unknown> {
  if (typeof topology !== "object" || topology === null) {
    throw new Error(`invalid topology: ${JSON.stringify(topology)?.slice(0, 80)}`);
  }
  const source = topology as Record<string, unknown>;
  const sources = Array.isArray(source.sources) ? source.sources.slice(0, 1) : [];
  const empty: Record<string, unknown> = {};
  for (const key of KEPT) if (key in source) empty[key] = source[key];
  return {
    ...empty,
    id,
    title: "Basemap only",
    description: "No links and no places: the basemap the bench compares a dataset's view with.",
    sources,
    networks: [],
    nodes: [],
    events: [],
    stories: [],
    links: [],
  };
}
