import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterFrame } from "./after-frame";

/** A window whose frames come only when the test draws one. */
function fakeWindow() {
  let callbacks = new Map<number, FrameRequestCallback>();
  let next = 1;
  const win = {
    requestAnimationFrame: (cb: FrameRequestCallback) => {
      callbacks.set(next, cb);
      return next++;
    },
    cancelAnimationFrame: (id: number) => void callbacks.delete(id),
    setTimeout: (cb: () => void, ms?: number) => setTimeout(cb, ms) as unknown as number,
    clearTimeout: (id: number | undefined) => clearTimeout(id),
  } as unknown as Window;
  const drawFrame = () => {
    const due = callbacks;
    callbacks = new Map();
    for (const cb of due.values()) cb(performance.now());
  };
  return { win, drawFrame, pending: () => callbacks.size };
}

describe("afterFrame", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("resolves after the next frame and the tasks queued before it, not in the frame", async () => {
    const { win, drawFrame } = fakeWindow();
    const order: string[] = [];
    afterFrame(win).then(() => order.push("resumed"));
    await vi.advanceTimersByTimeAsync(50);
    expect(order).toEqual([]);
    drawFrame();
    // The frame's other callbacks run before the waiting work.
    order.push("frame done");
    await Promise.resolve();
    expect(order).toEqual(["frame done"]);
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(["frame done", "resumed"]);
  });

  it("resolves after the timeout when no frame comes, and then ignores the frame", async () => {
    const { win, pending } = fakeWindow();
    let resumed = 0;
    afterFrame(win, 100).then(() => resumed++);
    await vi.advanceTimersByTimeAsync(99);
    expect(resumed).toBe(0);
    await vi.advanceTimersByTimeAsync(2);
    expect(resumed).toBe(1);
    expect(pending()).toBe(0);
  });
});
