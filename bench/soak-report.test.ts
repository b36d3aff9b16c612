import { describe, expect, it } from "vitest";
import {
  baselineSwitch,
  checkSoak,
  formatSoak,
  heapVerdict,
  parseSoakArgs,
  phaseOf,
  type SoakResult,
  type SoakSample,
  switchTarget,
  withSoak,
} from "./soak-report";

const sample = (heapMB: number, nodes = 1200, listeners = 300, canvases = 1): SoakSample => ({
  heapMB,
  heapAllMB: heapMB * 2,
  jsHeapMB: heapMB,
  nodes,
  listeners,
  canvases,
  workers: 2,
});

const result = (
  playback: [SoakSample | null, SoakSample | null],
  switching: [SoakSample | null, SoakSample | null],
  error?: string,
): SoakResult => ({
  quick: false,
  dataset: "north-korea",
  speed: "1 year/s",
  playback: {
    ...phaseOf(...playback),
    minutes: 10,
    playedMs: 610_000,
    loops: 35,
    loopMsMedian: 17_400,
  },
  switching: {
    ...phaseOf(...switching),
    planned: 50,
    switches: switching[1] ? 50 : 7,
    baselineAfter: 2,
    switchMsMedian: 1_800,
  },
  pageErrors: 0,
  ...(error ? { error } : {}),
});

describe("heapVerdict", () => {
  it("passes growth up to 10% and a smaller heap, fails more growth", () => {
    expect(heapVerdict(20, 22)).toEqual({ ratio: 1.1, status: "PASS" });
    expect(heapVerdict(20, 15).status).toBe("PASS");
    expect(heapVerdict(20, 22.1).status).toBe("FAIL");
    expect(heapVerdict(20, 25, 0.3).status).toBe("PASS");
  });

  it("is n/a when a sample is missing or the baseline is not positive", () => {
    expect(heapVerdict(null, 20)).toEqual({ ratio: null, status: "n/a" });
    expect(heapVerdict(20, undefined)).toEqual({ ratio: null, status: "n/a" });
    expect(heapVerdict(0, 20)).toEqual({ ratio: null, status: "n/a" });
  });
});

describe("switches", () => {
  it("go cuba, crimea, north-korea in turn", () => {
    expect([1, 2, 3, 4, 50].map(switchTarget)).toEqual([
      "cuba",
      "crimea",
      "north-korea",
      "cuba",
      "crimea",
    ]);
  });

  it("take the baseline at the first switch from the 2nd on that opens the last one's dataset", () => {
    expect(baselineSwitch(50)).toBe(2);
    expect(baselineSwitch(6)).toBe(3);
    expect(baselineSwitch(7)).toBe(4);
    // None matches before the last: the 2nd.
    expect(baselineSwitch(3)).toBe(2);
  });
});

describe("parseSoakArgs", () => {
  it("defaults to 10 minutes and 50 switches, --quick to 1 and 6", () => {
    expect(parseSoakArgs([])).toEqual({ quick: false, build: true, minutes: 10, switches: 50 });
    expect(parseSoakArgs(["--quick", "--no-build"])).toEqual({
      quick: true,
      build: false,
      minutes: 1,
      switches: 6,
    });
  });

  it("takes --minutes and --switches over the defaults, with or without =", () => {
    expect(parseSoakArgs(["--quick", "--minutes", "2.5", "--switches=9"])).toMatchObject({
      minutes: 2.5,
      switches: 9,
    });
  });

  it("refuses unknown flags and bad numbers", () => {
    expect(() => parseSoakArgs(["--fast"])).toThrow(/invalid argument/);
    expect(() => parseSoakArgs(["--minutes", "0"])).toThrow(/--minutes/);
    expect(() => parseSoakArgs(["--minutes"])).toThrow(/--minutes/);
    expect(() => parseSoakArgs(["--switches", "2"])).toThrow(/--switches/);
    expect(() => parseSoakArgs(["--switches", "4.5"])).toThrow(/--switches/);
  });
});

describe("checkSoak and formatSoak", () => {
  it("judge each phase's heap and the canvas count", () => {
    const checks = checkSoak(
      result([sample(20), sample(21)], [sample(22, 1250, 310), sample(30, 1900, 600, 2)]),
    );
    expect(checks.map((c) => c.status)).toEqual(["PASS", "FAIL", "FAIL"]);
    expect(checks[0]?.target).toBe(
      "heap after 10 min of looped playback ≤ 1.1× after the first loop",
    );
    expect(checks[0]?.detail).toBe(
      "20.0 → 21.0 MB, 1.050× (DOM nodes 1,200 → 1,200, listeners 300 → 300)",
    );
    expect(checks[1]?.detail).toContain("1.364×");
    expect(checks[1]?.detail).toContain("DOM nodes 1,250 → 1,900, listeners 310 → 600");
    expect(checks[2]).toEqual({
      target: "one canvas after the switches",
      status: "FAIL",
      detail: "2",
    });
  });

  it("print a row per sample, the error and n/a for what a failed run did not measure", () => {
    const text = formatSoak(result([sample(20), sample(21)], [sample(22), null], "switch 8: …"));
    expect(text).toContain("35 loops in 10.2 min (asked 10 min, 17.4 s each)");
    expect(text).toContain("7 of 50 dataset switches");
    expect(text).toMatch(/playback {2}after loop 1 +20\.0 +40\.0 +1,200 +300 +1 +2/);
    expect(text).toMatch(/after loop 35 +21\.0/);
    expect(text).toContain("after switch 2");
    expect(text).not.toContain("after switch 7");
    expect(text).toContain("failed: switch 8: …");
    expect(text).toContain(
      "n/a   heap after 50 dataset switches ≤ 1.1× after switch 2: not measured",
    );
    expect(text).toContain("n/a   one canvas after the switches: not measured");
  });
});

describe("withSoak", () => {
  const soak = result([sample(20), sample(21)], [sample(22), sample(22)]);

  it("sets soak in bench/results.json and keeps the rest", () => {
    const before = { date: "2026-01-01T00:00:00Z", runs: [], soak: { old: true } };
    const after = JSON.parse(withSoak(JSON.stringify(before), soak));
    expect(after).toEqual({ date: before.date, runs: [], soak });
  });

  it("starts a file when there is none or it is not a JSON object", () => {
    expect(JSON.parse(withSoak(null, soak))).toEqual({ soak });
    expect(JSON.parse(withSoak("{ cut sh", soak))).toEqual({ soak });
    expect(JSON.parse(withSoak("[1]", soak))).toEqual({ soak });
  });
});
