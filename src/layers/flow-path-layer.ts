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
   * after it are not drawn (see `dayGroups`). Without them, every layer is.
   */
  readonly intervalOf?: (d: D) => readonly [number, number];
  readonly day?: number;
  /**
   * The day the groups are made around (see `dayGroups`): the date once it has stopped moving.
   * When it leaves the window of the groups drawn, they are made again, which uploads every
   * link once; so it should not follow the date while that moves. `day` when not given.
   */
  readonly groupDay?: number;
}

/**
 * The group of the links active within the window round the groups' day, the middle one of the
 * five `dayGroups` makes. Each kind's data is split into those groups, each drawn by a layer of
 * its own. The GPU filter hides the links of other dates, but only after running the vertex
 * shader on every vertex of them: on a software GPU, most of a frame. A layer whose links have
 * all ended by the date, or not yet begun, is not drawn at all, and it keeps its buffers, so
 * moving the date uploads nothing.
 */
const NOW = 2;
/** The window is this share of the range of first days on each side of the day, at least… */
const WINDOW_SHARE = 0.01;
/** … this many days. */
const MIN_WINDOW_DAYS = 7;

/** The data of one kind and one group of days, and their first and last day. */
interface Group<D> {
  readonly kind: string;
  readonly bucket: number;
  readonly data: D[];
  first: number;
  last: number;
}

/** The window of days round `centre` that `dayGroups` draws as one group. */
export function dayWindow(
  intervals: readonly (readonly [number, number])[],
  centre: number,
): readonly [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const interval of intervals) {
    const first = interval[0];
    if (first < min) min = first;
    if (first > max) max = first;
  }
  const half = Math.max(MIN_WINDOW_DAYS, intervals.length > 0 ? (max - min) * WINDOW_SHARE : 0);
  return [centre - half, centre + half];
}

/** The median of `values` (the upper one of an even count). */
function median(values: number[]): number {
  values.sort((a, b) => a - b);
  return values[values.length >> 1] ?? 0;
}

/**
 * The group of each interval, made around the day `centre`: `NOW` (2) for those active at any day
 * of `dayWindow`, 0 and 1 for those that ended before it (by last day: the earlier half in 0),
 * 3 and 4 for those that begin after it (by first day: the later half in 4). While the date is in
 * the window, only the links active near it are drawn, where they are a small share; as the date
 * moves away, the groups on its side are drawn too, half by half, until they are made again.
 */
export function dayGroups(
  intervals: readonly (readonly [number, number])[],
  centre: number,
): { readonly groupOf: Uint8Array; readonly window: readonly [number, number] } {
  const window = dayWindow(intervals, centre);
  const [from, to] = window;
  const groups = new Uint8Array(intervals.length).fill(NOW);
  const lastsBefore: number[] = [];
  const firstsAfter: number[] = [];
  // Indexed, not destructured: no iterator per interval, at 100,000 of them.
  for (const interval of intervals) {
    if (interval[1] < from) lastsBefore.push(interval[1]);
    else if (interval[0] > to) firstsAfter.push(interval[0]);
  }
  const lastCut = median(lastsBefore);
  const firstCut = median(firstsAfter);
  for (let i = 0; i < intervals.length; i++) {
    const interval = intervals[i] as readonly [number, number];
    const first = interval[0];
    const last = interval[1];
    if (last < from) groups[i] = last < lastCut ? 0 : 1;
    else if (first > to) groups[i] = first < firstCut ? 3 : 4;
  }
  return { groupOf: groups, window };
}

/**
 * The links as `FlowPathLayer`s: one per kind, and per group of days (see `dayGroups`). A
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

  declare state: { groups: Group<D>[]; window: readonly [number, number] | null };

  override updateState({ props, changeFlags }: UpdateParameters<this>): void {
    const { window } = this.state;
    const { groupDay } = props;
    const moved =
      window && groupDay !== undefined && (groupDay < window[0] || groupDay > window[1]);
    if (!changeFlags.dataChanged && this.state.groups && !moved) return;
    const { data, kindOf, intervalOf, styles } = props;
    const centre = groupDay ?? props.day;
    const intervals = intervalOf ? data.map(intervalOf) : null;
    const made = intervals && centre !== undefined ? dayGroups(intervals, centre) : null;
    const groupOf = made?.groupOf;
    const byKey = new Map<string, Group<D>>();
    data.forEach((d, i) => {
      const kind = kindOf(d);
      const bucket = groupOf ? (groupOf[i] as number) : NOW;
      const key = `${kind}-${bucket}`;
      const interval = intervals?.[i];
      const first = interval ? interval[0] : -Infinity;
      const last = interval ? interval[1] : Infinity;
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
    // Made again once the groups' day leaves the middle half of the window.
    const [from, to] = made?.window ?? [0, 0];
    const quarter = (to - from) / 4;
    this.setState({ groups, window: made ? [from + quarter, to - quarter] : null });
  }

  override renderLayers() {
    const { styles, flow, day } = this.props;
    const { groups } = this.state;
    const kinds = Object.keys(styles);
    // Without data, one layer still stands, so the warm-up compiles the shader the others share.
    const drawn: Group<D>[] =
      groups.length > 0
        ? groups.filter((g) => g.kind in styles)
        : [{ kind: kinds[0] as string, bucket: NOW, data: [], first: 0, last: 0 }];
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
