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
import { DataFilterExtension } from "@deck.gl/extensions";
import { TripsLayer, type TripsLayerProps } from "@deck.gl/geo-layers";
import type { PathLayerProps } from "@deck.gl/layers";
import { countAtMost, sortByDay } from "./day-window";
import { type PathAccessors, type PathRange, packPaths } from "./packed-paths";

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

/** What `FlowPathLayer` adds to TripsLayer's props. */
export interface FlowRowsProps {
  /**
   * Only the first `drawRows` data rows are drawn (all when not given): the vertex shader runs on
   * the rows' vertices alone, and nothing is uploaded when the count changes.
   */
  readonly drawRows?: number;
}

// biome-ignore lint/suspicious/noExplicitAny: the data type defaults to any, as TripsLayer's does
export class FlowPathLayer<D = any, P extends object = object> extends TripsLayer<
  D,
  P & FlowRowsProps
> {
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

  /**
   * Draws the first `drawRows` rows: the path layer's instances are its vertices, row after row,
   * so they are the instances before the row `drawRows` starts at. deck.gl sets the whole count
   * after each update; this narrows it for the draw (picking draws through here too).
   */
  override draw(params: Parameters<TripsLayer<D, P>["draw"]>[0]): void {
    const rows = this.props.drawRows;
    const { model, startIndices } = this.state as {
      model?: { setInstanceCount(count: number): void };
      startIndices?: ArrayLike<number>;
    };
    const start = rows === undefined ? undefined : startIndices?.[rows];
    if (model && start !== undefined) model.setInstanceCount(start);
    super.draw(params);
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
   * A datum's first and last day, and the day drawn: only the links begun by the day, in the
   * groups whose links have not all ended, are drawn (see `groupByLastDay`). Without them, every
   * link is.
   */
  readonly intervalOf?: (d: D) => readonly [number, number];
  readonly day?: number;
  /**
   * A datum's path as packed (see `packed-paths.ts`); without it, the layers read the flow's
   * `getPath` and `getTimestamps` as deck.gl does, row by row.
   */
  readonly rangeOf?: (d: D) => PathRange;
}

/**
 * Each kind's links are split into groups by their last day, each drawn by a layer of its own and
 * sorted by first day. The GPU filter hides the links of other dates, but only after running the
 * vertex shader on every vertex it is given: on a software GPU, most of a frame. So on a day, a
 * group whose links have all ended is not drawn, and the others draw only their links begun by
 * then (their first rows, see `FlowPathLayer.drawRows`). Moving the date changes a count per
 * layer and uploads nothing; beyond the day's links, what the vertex shader runs on is the links
 * of the group whose last days span the day that have ended already.
 *
 * The links are split at quantiles of the last days of those that end before the latest one, into
 * up to `LAST_DAY_GROUPS` groups of at least `LINKS_PER_GROUP` links: more groups draw fewer ended
 * links but cost a layer each (six groups of 500 made gen-10000's frames a fifth slower than the
 * groups made round the date did; these, as fast). The links that end last (the open-ended ones)
 * join the last group: until its earliest last day, every link of it begun by the day is active,
 * so drawing them together costs no vertex, and it saves a layer, drawn on every frame, on the
 * dates looked at most (each draw costs a third of a millisecond of script, and a world view
 * draws two copies of the world). gen-10000: 55 layers; gen-100000: 64, where the last date draws
 * 0.54 of the vertices and 0.51 are active. Groups of at least 150 links left gen-1000 in one
 * group a kind, and its frames a fifth slower.
 */
export const LAST_DAY_GROUPS = 16;
export const LINKS_PER_GROUP = 40;

/**
 * The data of one kind and one group of last days, by first day: its first days and its latest
 * last day.
 */
interface Group<D> {
  readonly kind: string;
  /** The group's place in its kind, for its layer's id. */
  readonly bucket: number | "all";
  readonly data: D[];
  /** The data's first days, ascending; `null` without intervals (every row drawn). */
  readonly firsts: Float64Array | null;
  readonly last: number;
}

/** The groups of one kind's links (see the groups above), each by first day. */
function kindGroups<D>(
  kind: string,
  items: readonly { d: D; filter: readonly [number, number] }[],
) {
  const { groupOf, groups: count } = groupByLastDay(items.map((x) => x.filter));
  const split: (typeof items)[number][][] = Array.from({ length: count }, () => []);
  items.forEach((x, i) => {
    split[groupOf[i] as number]?.push(x);
  });
  const groups: Group<D>[] = [];
  split.forEach((members, bucket) => {
    if (members.length === 0) return;
    const { sorted, days } = sortByDay(members, 0);
    let last = -Infinity;
    for (const x of members) if (x.filter[1] > last) last = x.filter[1];
    groups.push({ kind, bucket, data: sorted.map((x) => x.d), firsts: days, last });
  });
  return groups;
}

/**
 * Splits `intervals` by last day: each one's group is 0…n−1 (`groups` is n), by quantiles of the
 * last days of those that end before the latest last day; those that end on it are in n−1.
 */
export function groupByLastDay(intervals: readonly (readonly [number, number])[]): {
  readonly groupOf: Uint16Array;
  readonly groups: number;
} {
  let latest = -Infinity;
  for (const interval of intervals) if (interval[1] > latest) latest = interval[1];
  const lasts = new Float64Array(intervals.length);
  let n = 0;
  for (const interval of intervals) if (interval[1] < latest) lasts[n++] = interval[1];
  const sorted = lasts.subarray(0, n).sort();
  const groups = Math.min(LAST_DAY_GROUPS, Math.max(1, Math.floor(n / LINKS_PER_GROUP)));
  const cuts = Float64Array.from(
    { length: groups - 1 },
    (_, i) => sorted[Math.floor(((i + 1) * n) / groups)] as number,
  );
  const groupOf = new Uint16Array(intervals.length);
  intervals.forEach((interval, i) => {
    groupOf[i] = interval[1] < latest ? countAtMost(cuts, interval[1]) : groups - 1;
  });
  return { groupOf, groups };
}

/**
 * How the layers' paths are packed (see `packed-paths.ts`): each datum's by `rangeOf`, `size`
 * numbers a vertex as the flow's `positionFormat` says; without `rangeOf`, `null`, and the rows
 * are handed over as they are. The filter values are packed when a `DataFilterExtension` reads
 * them by a function. All are read when the data changes, as the groups are made: an accessor
 * that changes without the data (by `updateTriggers`) packs nothing again, so what they read must
 * be the data's own (here: a link's path and interval).
 */
function packingOf<D>(
  flow: FlowPathsByKindProps<D>["flow"],
  rangeOf: ((d: D) => PathRange) | undefined,
): PathAccessors<D> | null {
  if (!rangeOf) return null;
  const { getFilterValue } = flow as { getFilterValue?: unknown };
  const filter = flow.extensions?.find((e) => e instanceof DataFilterExtension);
  const filterSize = filter instanceof DataFilterExtension ? (filter.opts.filterSize ?? 0) : 0;
  return {
    getRange: rangeOf,
    size: flow.positionFormat === "XY" ? 2 : 3,
    ...(typeof getFilterValue === "function" && filterSize > 0
      ? {
          getFilterValue: getFilterValue as NonNullable<PathAccessors<D>["getFilterValue"]>,
          filterSize,
        }
      : {}),
  };
}

/** All of `data`, drawn whatever the day (no intervals given). */
const undatedGroup = <D>(kind: string, data: D[]): Group<D> => ({
  kind,
  bucket: "all",
  data,
  firsts: null,
  last: Infinity,
});

/**
 * The links as `FlowPathLayer`s: one per kind and group of last days (see `kindGroups`). A link's
 * colour and width depend on its kind alone (but for the focus, which dims some): given as
 * constants, they are two values for a whole layer, where one layer for all would fill and upload
 * them for every vertex, 8 bytes each (30 MB at 100,000 links). The composite's id is the one
 * picking reports (`info.layer`). Only the groups with links get a layer (those drawn are made
 * anew on every animated frame, the others kept); every layer runs the same shader, so the one
 * kept while there is no data lets the warm-up compile it for all.
 */
// biome-ignore lint/suspicious/noExplicitAny: the data type defaults to any, as deck.gl's layers do
export class FlowPathsByKind<D = any> extends CompositeLayer<
  FlowPathsByKindProps<D> & { data: readonly D[] }
> {
  static override layerName = "FlowPathsByKind";

  declare state: {
    groups: Group<D>[];
    /**
     * The layers of the groups not drawn, as last made: handed back as they are while they stay
     * so (deck.gl then leaves them be, as it does the tiles TileLayer keeps). Made anew, each
     * would be updated on every animated frame for its new props (the flow's time, the filter's
     * range): most of the layers on any date (at gen-10000, all but a few of 55).
     */
    hidden: Map<Group<D>, FlowPathLayer<D>>;
  };

  override updateState({ props, changeFlags }: UpdateParameters<this>): void {
    if (!changeFlags.dataChanged && this.state.groups) return;
    const { data, kindOf, intervalOf, styles } = props;
    const byKind = new Map<string, D[]>();
    for (const d of data) {
      const kind = kindOf(d);
      const list = byKind.get(kind);
      if (list) list.push(d);
      else byKind.set(kind, [d]);
    }
    const groups: Group<D>[] = [];
    for (const kind of Object.keys(styles)) {
      const list = byKind.get(kind);
      if (!list) continue;
      if (!intervalOf) {
        groups.push(undatedGroup(kind, list));
        continue;
      }
      groups.push(
        ...kindGroups(
          kind,
          list.map((d) => ({ d, filter: intervalOf(d) })),
        ),
      );
    }
    const packing = packingOf(props.flow, props.rangeOf);
    if (packing) for (const group of groups) packPaths(group.data, packing);
    this.setState({ groups, hidden: new Map() });
  }

  override renderLayers() {
    const { styles, flow, day } = this.props;
    const { groups, hidden } = this.state;
    const kinds = Object.keys(styles);
    // Without data, one layer still stands, so the warm-up compiles the shader the others share.
    const drawn: Group<D>[] = groups.length > 0 ? groups : [undatedGroup(kinds[0] as string, [])];
    return drawn.map((group) => {
      const style = styles[group.kind] as KindStyle<D>;
      // The links begun by the day (`activeOn`'s bounds); none if all have ended by then.
      const rows =
        day === undefined || !group.firsts
          ? group.data.length
          : group.last >= day - 0.5
            ? countAtMost(group.firsts, day + 0.5)
            : 0;
      const visible = (flow.visible ?? true) && (rows > 0 || group.data.length === 0);
      const kept = visible ? undefined : hidden.get(group);
      if (kept) return kept;
      const layer = new FlowPathLayer<D>(
        this.getSubLayerProps({
          ...flow,
          id: `${group.kind}-${group.bucket}`,
          data: group.data,
          drawRows: rows,
          visible,
          // Packed paths are taken as they are: no copy, no search for closed rings.
          ...("attributes" in group.data ? { _pathType: "open" as const } : {}),
          getColor: style.getColor,
          getWidth: style.getWidth,
        }),
      );
      if (visible) hidden.delete(group);
      else hidden.set(group, layer);
      return layer;
    });
  }
}
