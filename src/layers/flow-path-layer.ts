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
  /**
   * A datum's first and last day, and the day drawn: the layers whose data all lies before or
   * after it are not drawn (see DAY_BUCKETS). Without them, every layer is.
   */
  readonly intervalOf?: (d: D) => readonly [number, number];
  readonly day?: number;
}

/**
 * Each kind's data is split by last day into this many groups (those still open, whose last day
 * is the latest, and quantiles of the others), each drawn by a layer of its own. The GPU filter
 * hides the links of other dates, but only after running the vertex shader on every vertex of
 * them: on a software GPU, most of a frame. A layer whose links have all ended by the date (or
 * not yet begun) is not drawn at all, and it keeps its buffers, so moving the date uploads
 * nothing. At gen-10000's opening date, about half the links are drawn.
 */
export const DAY_BUCKETS = 4;

/** The data of one kind and one group of last days, and their first and last day. */
interface Group<D> {
  readonly kind: string;
  readonly bucket: number;
  readonly data: D[];
  first: number;
  last: number;
}

/**
 * The group of each of `lastDays`: `DAY_BUCKETS - 1` for the latest (still open), quantiles of
 * the others below.
 */
export function dayBuckets(lastDays: readonly number[]): number[] {
  let latest = -Infinity;
  for (const day of lastDays) if (day > latest) latest = day;
  const ended = lastDays.filter((d) => d < latest).sort((a, b) => a - b);
  const cuts: number[] = [];
  for (let k = 1; k < DAY_BUCKETS - 1; k++) {
    const cut = ended[Math.floor((k * ended.length) / (DAY_BUCKETS - 1))];
    if (cut !== undefined) cuts.push(cut);
  }
  return lastDays.map((day) => {
    if (day >= latest) return DAY_BUCKETS - 1;
    let bucket = 0;
    while (bucket < cuts.length && day >= (cuts[bucket] as number)) bucket++;
    return bucket;
  });
}

/**
 * The links as `FlowPathLayer`s: one per kind, and per group of last days (see DAY_BUCKETS). A
 * link's colour and width depend on its kind alone (but for the focus, which dims some): given as
 * constants, they are two values for a whole layer, where one layer for all would fill and upload
 * them for every vertex, 8 bytes each (30 MB at 100,000 links). The composite's id is the one
 * picking reports (`info.layer`). Only the groups with links get a layer (they are rebuilt on
 * every animated frame); every layer runs the same shader, so the one kept while there is no data
 * lets the warm-up compile it for all.
 */
// biome-ignore lint/suspicious/noExplicitAny: the data type defaults to any, as deck.gl's layers do
export class FlowPathsByKind<D = any> extends CompositeLayer<
  FlowPathsByKindProps<D> & { data: readonly D[] }
> {
  static override layerName = "FlowPathsByKind";

  declare state: { groups: Group<D>[] };

  override updateState({ changeFlags }: UpdateParameters<this>): void {
    if (!changeFlags.dataChanged && this.state.groups) return;
    const { data, kindOf, intervalOf, styles } = this.props;
    const buckets = intervalOf ? dayBuckets(data.map((d) => intervalOf(d)[1])) : null;
    const byKey = new Map<string, Group<D>>();
    data.forEach((d, i) => {
      const kind = kindOf(d);
      const bucket = buckets ? (buckets[i] as number) : 0;
      const key = `${kind}-${bucket}`;
      const [first, last] = intervalOf ? intervalOf(d) : [-Infinity, Infinity];
      const group = byKey.get(key);
      if (group) {
        group.data.push(d);
        if (first < group.first) group.first = first;
        if (last > group.last) group.last = last;
      } else byKey.set(key, { kind, bucket, data: [d], first, last });
    });
    const order = Object.keys(styles);
    const groups = [...byKey.values()].sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.bucket - b.bucket,
    );
    this.setState({ groups });
  }

  override renderLayers() {
    const { styles, flow, day } = this.props;
    const { groups } = this.state;
    const kinds = Object.keys(styles);
    // Without data, one layer still stands, so the warm-up compiles the shader the others share.
    const drawn: Group<D>[] =
      groups.length > 0
        ? groups.filter((g) => g.kind in styles)
        : [{ kind: kinds[0] as string, bucket: 0, data: [], first: 0, last: 0 }];
    return drawn.map((group) => {
      const style = styles[group.kind] as KindStyle<D>;
      return new FlowPathLayer<D>(
        this.getSubLayerProps({
          ...flow,
          id: `${group.kind}-${group.bucket}`,
          data: group.data,
          // All ended before the day, or all begin after it: the GPU filter (`activeOn`) would
          // hide them all.
          visible:
            (flow.visible ?? true) &&
            (day === undefined ||
              group.data.length === 0 ||
              (group.first <= day + 0.5 && group.last >= day - 0.5)),
          getColor: style.getColor,
          getWidth: style.getWidth,
        }),
      );
    });
  }
}
