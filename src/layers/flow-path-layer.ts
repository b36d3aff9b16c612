/**
 * A path layer that draws a link and its animated flow in one pass. deck.gl's TripsLayer draws
 * only the trail and discards the rest of the line, so showing the line and its flow took two
 * layers over the same vertices; on a software GPU, where the cost is per vertex, that doubled
 * every frame. Here the whole line is drawn in its own colour, and the fragments inside the trail
 * are lightened towards white and made opaque, fading out along the trail as TripsLayer's do.
 *
 * With `fadeTrail` false (animation off) no fragment is in a trail: the line is drawn still.
 * Lines drawn at low alpha (links outside a country in focus) carry no flow.
 */
import { TripsLayer } from "@deck.gl/geo-layers";

/** How far the trail's head lightens the line towards white. */
const FLOW_LIGHTEN = 0.35;
/** Lines below this alpha (0…1) are dimmed ones and stay still. */
const FLOW_MIN_ALPHA = 0.5;

/**
 * Replaces TripsLayer's colour step (which discards fragments outside the trail) and keeps its
 * vertex code, which passes each fragment's time along the path (`vTime`).
 */
const FLOW_COLOR = `\
if (trips.fadeTrail && color.a >= ${FLOW_MIN_ALPHA.toFixed(2)}) {
  float behind = trips.currentTime - vTime;
  if (behind >= 0.0 && behind <= trips.trailLength) {
    float head = 1.0 - behind / trips.trailLength;
    color.rgb = mix(color.rgb, mix(color.rgb, vec3(1.0), ${FLOW_LIGHTEN.toFixed(2)}), head);
    color.a = mix(color.a, 1.0, head);
  }
}
`;

// biome-ignore lint/suspicious/noExplicitAny: the data type defaults to any, as TripsLayer's does
export class FlowPathLayer<D = any, P extends object = object> extends TripsLayer<D, P> {
  static override layerName = "FlowPathLayer";

  /**
   * Positions as 32-bit floats, where deck.gl gives longitudes and latitudes two each (a high and
   * a low part): at 100,000 links, that halves the largest buffer and skips converting 3 million
   * vertices at load. A 32-bit longitude is within a metre of the 64-bit one: under a pixel up to
   * zoom 18, past which the basemap has nothing more to show.
   */
  override use64bitPositions(): boolean {
    return false;
  }

  override getShaders() {
    const shaders = super.getShaders();
    // TripsLayer's WGSL (WebGPU) code is left as it is: there the line shows its trail only.
    if (this.context.device.type !== "webgpu")
      shaders.inject = { ...shaders.inject, "fs:DECKGL_FILTER_COLOR": FLOW_COLOR };
    return shaders;
  }
}
