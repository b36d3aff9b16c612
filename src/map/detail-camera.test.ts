import { afterEach, describe, expect, it, vi } from "vitest";
import { computeDetailArrays, type DetailSource } from "../layers/detail/detail-arrays";
import { computeArrays, holds, widen } from "./detail-camera";
import { startDetailWorker } from "./detail-worker-start";

describe("widen", () => {
  it("widens a view by a quarter of its size on each side, within the poles", () => {
    expect(widen([0, 40, 40, 60])).toEqual([-10, 35, 50, 65]);
    expect(widen([0, 70, 40, 88])).toEqual([-10, 65.5, 50, 90]);
  });

  it("spans every longitude when the view is most of the world, and is null when all of it", () => {
    expect(widen([-150, -10, 150, 10])).toEqual([-180, -15, 540, 15]);
    expect(widen([-150, -80, 150, 80])).toBeNull();
  });
});

describe("holds", () => {
  it("holds a view inside it, whole worlds apart or not", () => {
    expect(holds([-10, 35, 50, 65], [0, 40, 40, 60])).toBe(true);
    expect(holds([-10, 35, 50, 65], [360, 40, 400, 60])).toBe(true);
    expect(holds([170, -20, 200, 0], [-175, -10, -165, -5])).toBe(true);
  });

  it("does not hold a view that leaves it on any side", () => {
    expect(holds([-10, 35, 50, 65], [45, 40, 55, 60])).toBe(false);
    expect(holds([-10, 35, 50, 65], [0, 30, 40, 60])).toBe(false);
    expect(holds([-10, 35, 50, 65], [0, 40, 40, 70])).toBe(false);
  });

  it("holds any longitude when it spans them all", () => {
    expect(holds([-180, -15, 540, 15], [100, -10, 300, 10])).toBe(true);
  });
});

describe("computeArrays", () => {
  /** One part of `n` vertices along a wave. */
  const source = (n = 40): DetailSource => {
    const grounds = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      grounds[2 * i] = i;
      grounds[2 * i + 1] = Math.sin(i / 3) * 5;
    }
    return {
      grounds,
      starts: Int32Array.of(0, n),
      pins: new Int32Array(0),
      pinStarts: Int32Array.of(0, 0),
      simplifies: true,
    };
  };

  /** A stand-in for the browser's Worker that records what it is sent. */
  function fakeWorkers() {
    const made: {
      sent: unknown[];
      terminated: boolean;
      onmessage: ((e: { data: unknown }) => void) | null;
      onerror: (() => void) | null;
    }[] = [];
    class FakeWorker {
      sent: unknown[] = [];
      terminated = false;
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: (() => void) | null = null;
      constructor() {
        made.push(this);
      }
      postMessage(message: unknown) {
        this.sent.push(message);
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal("Worker", FakeWorker);
    return made;
  }

  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("computes a small source here, with no worker", async () => {
    const made = fakeWorkers();
    await expect(computeArrays(() => source())).resolves.toEqual(computeDetailArrays(source()));
    expect(made).toHaveLength(0);
  });

  it("computes it in a task of its own, not in the caller's (which goes on to start the map)", async () => {
    vi.useFakeTimers();
    try {
      let settled = false;
      const arrays = computeArrays(() => source()).then(() => {
        settled = true;
      });
      // Every microtask run: a computation done in the caller's task would have settled by now.
      await Promise.resolve();
      await Promise.resolve();
      expect(settled).toBe(false);
      await vi.runAllTimersAsync();
      await arrays;
      expect(settled).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends a larger one to a worker and takes its answer", async () => {
    const made = fakeWorkers();
    const answer = computeDetailArrays(source());
    const arrays = computeArrays(() => source(), 10);
    expect(made).toHaveLength(1);
    const worker = made[0] as (typeof made)[number];
    expect(worker.sent).toHaveLength(1);
    worker.onmessage?.({ data: answer });
    await expect(arrays).resolves.toBe(answer);
    expect(worker.terminated).toBe(true);
  });

  it("takes the worker started ahead, and makes none", async () => {
    const made = fakeWorkers();
    startDetailWorker();
    expect(made).toHaveLength(1);
    const answer = computeDetailArrays(source());
    const arrays = computeArrays(() => source(), 10);
    expect(made).toHaveLength(1);
    expect(made[0]?.sent).toHaveLength(1);
    made[0]?.onmessage?.({ data: answer });
    await expect(arrays).resolves.toBe(answer);
  });

  it("stops the worker started ahead when the source is computed here", async () => {
    const made = fakeWorkers();
    startDetailWorker();
    await computeArrays(() => source());
    expect(made).toHaveLength(1);
    expect(made[0]?.terminated).toBe(true);
    expect(made[0]?.sent).toHaveLength(0);
  });

  it("computes here when the worker fails", async () => {
    const made = fakeWorkers();
    const arrays = computeArrays(() => source(), 10);
    made[0]?.onerror?.();
    await expect(arrays).resolves.toEqual(computeDetailArrays(source()));
  });
});
