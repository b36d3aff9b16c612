/**
 * The long-session check's pure parts (bench/soak.ts drives the browser): its options, the order
 * of the dataset switches, its results' shape (`soak` in bench/results.json), the verdicts and the
 * printed table.
 */

/** Memory after a forced garbage collection (twice), and what the page holds. */
export interface SoakSample {
  /** CDP `Runtime.getHeapUsage` `usedSize`: the used JS heap, in MB of 10⁶ bytes. */
  readonly heapMB: number;
  /** The same + embedder (DOM) heap + ArrayBuffer backing stores (as `heapMB` of the runs). */
  readonly heapAllMB: number;
  /** CDP `Performance.getMetrics` `JSHeapUsedSize` (MB), `Nodes` and `JSEventListeners`. */
  readonly jsHeapMB: number | null;
  readonly nodes: number | null;
  readonly listeners: number | null;
  /** `<canvas>` elements in the document, and the page's dedicated workers (MapLibre's pool). */
  readonly canvases: number;
  readonly workers: number;
}

export type Status = "PASS" | "FAIL" | "n/a";

/** Two samples of one phase and the verdict on the heap between them. */
export interface SoakPhase {
  readonly first: SoakSample | null;
  readonly last: SoakSample | null;
  /** `last.heapMB / first.heapMB`. */
  readonly heapRatio: number | null;
  /** PASS when the heap grew by at most {@link HEAP_TOLERANCE} (a smaller heap passes). */
  readonly status: Status;
}

export interface SoakResult {
  readonly quick: boolean;
  /** The dataset played on loop, and the speed chosen. */
  readonly dataset: string;
  readonly speed: string;
  readonly playback: SoakPhase & {
    /** Asked for (`--minutes`), and how long the loops took in all (ms). */
    readonly minutes: number;
    readonly playedMs: number;
    /** Loops played to the end of the range; `first` is after the first, `last` after the last. */
    readonly loops: number;
    readonly loopMsMedian: number | null;
  };
  readonly switching: SoakPhase & {
    /** Asked for (`--switches`), done, and the switch after which `first` was taken. */
    readonly planned: number;
    readonly switches: number;
    readonly baselineAfter: number;
    /** Hash assigned → `data-state` back to "ready" (ms). */
    readonly switchMsMedian: number | null;
  };
  /** Uncaught errors and console errors in the page. */
  readonly pageErrors: number;
  readonly error?: string;
}

export const HEAP_TOLERANCE = 0.1;
export const PLAYBACK_DATASET = "north-korea";
export const SWITCH_ORDER = ["cuba", "crimea", "north-korea"] as const;
export const FULL_SOAK = { minutes: 10, switches: 50 } as const;
export const QUICK_SOAK = { minutes: 1, switches: 6 } as const;

export interface SoakOptions {
  readonly quick: boolean;
  readonly minutes: number;
  readonly switches: number;
  /** `false` (`--no-build`): never build; otherwise build when dist/ has no index.html. */
  readonly build: boolean;
}

/** `npm run bench:soak` flags: `--quick`, `--no-build`, `--minutes N`, `--switches N`. */
export function parseSoakArgs(args: readonly string[]): SoakOptions {
  let quick = false;
  let build = true;
  let minutes: number | null = null;
  let switches: number | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const value = () => (arg.includes("=") ? arg.slice(arg.indexOf("=") + 1) : (args[++i] ?? ""));
    if (arg === "--quick") quick = true;
    else if (arg === "--no-build") build = false;
    else if (arg === "--minutes" || arg.startsWith("--minutes=")) {
      const text = value();
      minutes = Number(text);
      if (text === "" || !Number.isFinite(minutes) || minutes <= 0)
        throw new Error(`invalid --minutes: ${text} (expected a number > 0)`);
    } else if (arg === "--switches" || arg.startsWith("--switches=")) {
      const text = value();
      switches = Number(text);
      if (!/^\d+$/.test(text) || switches < 3)
        throw new Error(`invalid --switches: ${text} (expected a whole number ≥ 3)`);
    } else throw new Error(`invalid argument: ${arg} (see bench/README.md)`);
  }
  const defaults = quick ? QUICK_SOAK : FULL_SOAK;
  return {
    quick,
    build,
    minutes: minutes ?? defaults.minutes,
    switches: switches ?? defaults.switches,
  };
}

/** The dataset the `n`th switch (1-based) opens: cuba, crimea, north-korea, cuba, … */
export const switchTarget = (n: number): string =>
  SWITCH_ORDER[(n - 1) % SWITCH_ORDER.length] as string;

/**
 * The switch after which the baseline is taken: the first from the 2nd on (caches warm) that
 * opens the same dataset as the last one, so both samples show the same thing. With 50 switches
 * (the last opens crimea) that is the 2nd; with 6 (north-korea), the 3rd.
 */
export function baselineSwitch(switches: number): number {
  const last = switchTarget(switches);
  for (let n = 2; n < switches; n++) if (switchTarget(n) === last) return n;
  return Math.min(2, switches);
}

/** `last / first` and whether it is at most `1 + tolerance`. */
export function heapVerdict(
  first: number | null | undefined,
  last: number | null | undefined,
  tolerance = HEAP_TOLERANCE,
): { ratio: number | null; status: Status } {
  if (first == null || last == null || !(first > 0) || !Number.isFinite(last))
    return { ratio: null, status: "n/a" };
  const ratio = last / first;
  return { ratio, status: ratio <= 1 + tolerance ? "PASS" : "FAIL" };
}

/** A phase from its two samples (either may be missing when the run stopped early). */
export function phaseOf(first: SoakSample | null, last: SoakSample | null): SoakPhase {
  const { ratio, status } = heapVerdict(first?.heapMB, last?.heapMB);
  return { first, last, heapRatio: ratio, status };
}

const mb = (value: number | null | undefined) => (value == null ? "—" : value.toFixed(1));
const count = (value: number | null | undefined) =>
  value == null ? "—" : value.toLocaleString("en-US");
const change = (first: number | null | undefined, last: number | null | undefined) =>
  first == null || last == null ? "—" : `${count(first)} → ${count(last)}`;
const times = (ratio: number | null) => (ratio === null ? "—" : `${ratio.toFixed(3)}×`);
const minutesText = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** The soak's table (a row per sample) and its checks, as printed. */
export function formatSoak(result: SoakResult): string {
  const { playback: p, switching: s } = result;
  const rows: string[][] = [
    [
      "phase",
      "sample",
      "heap MB",
      "+DOM+buffers MB",
      "DOM nodes",
      "listeners",
      "canvases",
      "workers",
    ],
  ];
  const row = (phase: string, label: string, sample: SoakSample | null) => {
    if (!sample) return;
    rows.push([
      phase,
      label,
      mb(sample.heapMB),
      mb(sample.heapAllMB),
      count(sample.nodes),
      count(sample.listeners),
      count(sample.canvases),
      count(sample.workers),
    ]);
  };
  row("playback", "after loop 1", p.first);
  row("playback", `after loop ${p.loops}`, p.last);
  row("switches", `after switch ${s.baselineAfter}`, s.first);
  row("switches", `after switch ${s.switches}`, s.last);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  const table = rows.map((r) =>
    r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  "),
  );

  const loopSeconds =
    p.loopMsMedian === null ? "" : `, ${(p.loopMsMedian / 1000).toFixed(1)} s each`;
  const switchSeconds =
    s.switchMsMedian === null ? "" : `, ${(s.switchMsMedian / 1000).toFixed(1)} s each (median)`;
  const lines = [
    `long session${result.quick ? " (--quick)" : ""}: ${result.dataset} at ${result.speed}, ${p.loops} loops in ${minutesText(p.playedMs)} (asked ${p.minutes} min${loopSeconds}); ${s.switches} of ${s.planned} dataset switches${switchSeconds}; ${result.pageErrors} page errors`,
    "",
    ...table,
  ];
  if (result.error) lines.push(`failed: ${result.error}`);
  lines.push("", "targets:");
  for (const check of checkSoak(result))
    lines.push(`  ${check.status.padEnd(4)}  ${check.target}: ${check.detail}`);
  return lines.join("\n");
}

export interface SoakCheck {
  readonly target: string;
  readonly status: Status;
  readonly detail: string;
}

/** The long-session targets: heap growth of each phase ≤ 10%, and one canvas at the end. */
export function checkSoak(result: SoakResult): SoakCheck[] {
  const { playback: p, switching: s } = result;
  const limit = `≤ ${(1 + HEAP_TOLERANCE).toFixed(1)}×`;
  const detail = (phase: SoakPhase) =>
    phase.heapRatio === null
      ? "not measured"
      : `${mb(phase.first?.heapMB)} → ${mb(phase.last?.heapMB)} MB, ${times(phase.heapRatio)} (DOM nodes ${change(phase.first?.nodes, phase.last?.nodes)}, listeners ${change(phase.first?.listeners, phase.last?.listeners)})`;
  const canvases = s.last?.canvases ?? null;
  return [
    {
      target: `heap after ${p.minutes} min of looped playback ${limit} after the first loop`,
      status: p.status,
      detail: detail(p),
    },
    {
      target: `heap after ${s.planned} dataset switches ${limit} after switch ${s.baselineAfter}`,
      status: s.status,
      detail: detail(s),
    },
    {
      target: "one canvas after the switches",
      status: canvases === null ? "n/a" : canvases === 1 ? "PASS" : "FAIL",
      detail: canvases === null ? "not measured" : String(canvases),
    },
  ];
}

/**
 * bench/results.json's text with `soak` set, the rest kept as it was; a missing (`null`) or
 * unreadable file gives `{ "soak": … }` alone.
 */
export function withSoak(text: string | null, soak: SoakResult): string {
  let results: Record<string, unknown> = {};
  try {
    const parsed: unknown = text === null ? null : JSON.parse(text);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      results = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a run cut short while writing): start afresh.
  }
  return `${JSON.stringify({ ...results, soak }, null, 2)}\n`;
}
