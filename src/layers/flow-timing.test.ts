import { describe, expect, it } from "vitest";
import { disruptionPulse, FLOW_PERIOD_S, flowPhase } from "./flow-timing";
import { FLOW_SPAN } from "./link-geometry";

describe("flowPhase", () => {
  it("runs from 0 to 1.5 × FLOW_SPAN once every FLOW_PERIOD_S, then starts again", () => {
    expect(flowPhase(0, true)).toBe(0);
    expect(flowPhase(FLOW_PERIOD_S / 2, true)).toBeCloseTo(0.75 * FLOW_SPAN);
    expect(flowPhase(FLOW_PERIOD_S * 0.999, true)).toBeLessThan(1.5 * FLOW_SPAN);
    expect(flowPhase(FLOW_PERIOD_S * 2.25, true)).toBeCloseTo(flowPhase(FLOW_PERIOD_S / 4, true));
  });

  it("stays at 0 while the flow is still", () => {
    expect(flowPhase(1.7, false)).toBe(0);
  });
});

describe("disruptionPulse", () => {
  it("beats between 0 and 1 once a second", () => {
    expect(disruptionPulse(0, true)).toBeCloseTo(0.5);
    expect(disruptionPulse(0.25, true)).toBeCloseTo(1);
    expect(disruptionPulse(0.75, true)).toBeCloseTo(0);
    expect(disruptionPulse(3.25, true)).toBeCloseTo(1);
  });

  it("holds at full strength while the flow is still", () => {
    expect(disruptionPulse(0.75, false)).toBe(1);
  });
});
