/** Where the animation clock puts the flow and the pulse of disrupted links, in a frame. */
import { FLOW_SPAN } from "./link-geometry";

/** Seconds a flow pulse takes to run the length of a link. */
export const FLOW_PERIOD_S = 2.4;

/**
 * The flow's head, in path timestamps (0…FLOW_SPAN along every link), at `time` seconds. It runs
 * on to 1.5 × FLOW_SPAN, past the end of the path, so the trail runs off the link's end before the
 * head starts again. Still (not animated): 0.
 */
export const flowPhase = (time: number, animate: boolean): number =>
  animate ? ((time / FLOW_PERIOD_S) % 1) * FLOW_SPAN * 1.5 : 0;

/** The disrupted links' beat (0…1), once a second; still: 1, drawn at full strength. */
export const disruptionPulse = (time: number, animate: boolean): number =>
  animate ? 0.5 + 0.5 * Math.sin(time * Math.PI * 2) : 1;
