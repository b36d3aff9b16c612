import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSettledDay, SETTLE_MS } from "./settled-day";

describe("createSettledDay", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("settles on the last day given once the date has been still for SETTLE_MS", () => {
    const onSettle = vi.fn();
    const settled = createSettledDay(100, onSettle);
    settled.moved(101);
    vi.advanceTimersByTime(SETTLE_MS - 50);
    settled.moved(150);
    vi.advanceTimersByTime(SETTLE_MS - 50);
    // Moving all the while: still the first day.
    expect(settled.current()).toBe(100);
    expect(onSettle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(settled.current()).toBe(150);
    expect(onSettle).toHaveBeenCalledTimes(1);
  });

  it("does not call back when the date comes back to where it settled, nor once disposed", () => {
    const onSettle = vi.fn();
    const settled = createSettledDay(100, onSettle);
    settled.moved(120);
    settled.moved(100);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(onSettle).not.toHaveBeenCalled();
    settled.moved(130);
    settled.dispose();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(settled.current()).toBe(100);
    expect(onSettle).not.toHaveBeenCalled();
  });
});
