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
import {
  type AccessorFunction,
  type Color,
  CompositeLayer,
  type UpdateParameters,
} from "@deck.gl/core";
import { TripsLayer, type TripsLayerProps } from "@deck.gl/geo-layers";
import type { PathLayerProps } from "@deck.gl/layers";

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

/** How the links of one kind are drawn: a constant, or an accessor where links differ. */
export interface KindStyle<D> {
  readonly getColor: Color | AccessorFunction<D, Color>;
  readonly getWidth: number;
}

type FlowProps<D> = TripsLayerProps<D> & PathLayerProps<D>;

interface FlowPathsByKindProps<D> {
  /** The kind of a datum; each kind is drawn by a layer of its own. */
  readonly kindOf: (d: D) => string;
  /** Every kind's style, in drawing order, whether the data has links of it or not. */
  readonly styles: Readonly<Record<string, KindStyle<D>>>;
  /** What every kind's layer shares (`getColor` and `getWidth` come from `styles`). */
  readonly flow: Omit<FlowProps<D>, "id" | "data" | "getColor" | "getWidth">;
}

/**
 * The links as one `FlowPathLayer` per kind. A link's colour and width depend on its kind alone
 * (but for the focus, which dims some): given as constants, they are two values for a whole layer,
 * where one layer for all would fill and upload them for every vertex, 8 bytes each (30 MB at
 * 100,000 links). The composite's id is the one picking reports (`info.layer`). Only the kinds
 * with links get a layer (they are rebuilt on every animated frame); every kind's layer runs the
 * same shader, so the one kept while there is no data lets the warm-up compile it for all.
 */
// biome-ignore lint/suspicious/noExplicitAny: the data type defaults to any, as deck.gl's layers do
export class FlowPathsByKind<D = any> extends CompositeLayer<
  FlowPathsByKindProps<D> & { data: readonly D[] }
> {
  static override layerName = "FlowPathsByKind";

  declare state: { groups: Map<string, D[]> };

  override updateState({ changeFlags }: UpdateParameters<this>): void {
    if (!changeFlags.dataChanged && this.state.groups) return;
    const groups = new Map<string, D[]>();
    for (const d of this.props.data) {
      const kind = this.props.kindOf(d);
      const group = groups.get(kind);
      if (group) group.push(d);
      else groups.set(kind, [d]);
    }
    this.setState({ groups });
  }

  override renderLayers() {
    const { styles, flow } = this.props;
    const { groups } = this.state;
    const kinds = Object.keys(styles);
    // Without data, one layer still stands, so the warm-up compiles the shader the others share.
    const drawn = groups.size > 0 ? kinds.filter((kind) => groups.has(kind)) : kinds.slice(0, 1);
    return drawn.map((kind) => {
      const style = styles[kind] as KindStyle<D>;
      return new FlowPathLayer<D>(
        this.getSubLayerProps({
          ...flow,
          id: kind,
          data: groups.get(kind) ?? [],
          getColor: style.getColor,
          getWidth: style.getWidth,
        }),
      );
    });
  }
}
