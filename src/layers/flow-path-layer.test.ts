import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FlowPathLayer,
  FlowPathsByKind,
  groupByLastDay,
  type KindStyle,
  LAST_DAY_GROUPS,
  LINKS_PER_GROUP,
} from "./flow-path-layer";
import { INTERVAL_FILTER } from "./layer-extensions";
import { type PackedRows, wholeRange } from "./packed-paths";

interface Datum {
  readonly kind: string;
  readonly days?: readonly [number, number];
}

const styles: Record<string, KindStyle<Datum>> = {
  cable: { getColor: [1, 2, 3, 255], getWidth: 3 },
  fiber: { getColor: [4, 5, 6, 255], getWidth: 2 },
  satellite: { getColor: [7, 8, 9, 255], getWidth: 1 },
};

const composite = (data: readonly Datum[], day?: number) =>
  new FlowPathsByKind<Datum>({
    id: "links",
    data,
    kindOf: (d) => d.kind,
    styles,
    flow: {},
    ...(day === undefined ? {} : { day, intervalOf: (d: Datum) => d.days ?? [0, 0] }),
  });

/** The composite for `data`, its state updated as deck.gl would. */
function updated(data: readonly Datum[], day?: number) {
  const layer = composite(data, day);
  layer.state = {} as typeof layer.state;
  layer.updateState({ props: layer.props, changeFlags: { dataChanged: true } } as never);
  return layer;
}

/** The sublayers the composite renders for `data` on `day`. */
const sublayers = (data: readonly Datum[], day?: number) =>
  updated(data, day).renderLayers() as FlowPathLayer<Datum>[];

/** The data the layers draw: the first `drawRows` rows of each visible one. */
const drawn = (layers: readonly FlowPathLayer<Datum>[]) =>
  layers
    .filter((l) => l.props.visible)
    .flatMap((l) => (l.props.data as Datum[]).slice(0, l.props.drawRows));

/** Intervals of whole days within ten years, some open-ended (day 1,000,000, as the app's). */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 2000 }), fc.boolean())
  .map(([first, length, open]): readonly [number, number] => [
    first,
    open ? 1_000_000 : first + length,
  ]);

describe("FlowPathsByKind", () => {
  it("draws one layer per kind present, in the styles' order, each with its kind's style", () => {
    const data = [{ kind: "satellite" }, { kind: "cable" }, { kind: "satellite" }];
    const layers = sublayers(data);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-all", "links-satellite-all"]);
    expect(layers.map((l) => (l.props.data as Datum[]).length)).toEqual([1, 2]);
    expect(layers.map((l) => l.props.drawRows)).toEqual([1, 2]);
    expect(layers.map((l) => l.props.getColor)).toEqual([
      [1, 2, 3, 255],
      [7, 8, 9, 255],
    ]);
    expect(layers.map((l) => l.props.getWidth)).toEqual([3, 1]);
  });

  it("hands each layer its rows with their paths packed, when told how to read them", () => {
    const path = (d: Datum) => Float64Array.of(d.days?.[0] ?? 0, 1, 2, 3);
    const layer = new FlowPathsByKind<Datum>({
      id: "links",
      data: [
        { kind: "cable", days: [5, 9] },
        { kind: "fiber", days: [1, 2] },
        { kind: "cable", days: [3, 4] },
      ],
      kindOf: (d) => d.kind,
      styles,
      intervalOf: (d) => d.days ?? [0, 0],
      day: 6,
      rangeOf: (d) => wholeRange(path(d), Float32Array.of(0, 1)),
      flow: {
        positionFormat: "XY",
        extensions: [INTERVAL_FILTER],
        getFilterValue: (d: Datum) => d.days,
      } as never,
    });
    layer.state = {} as typeof layer.state;
    layer.updateState({ props: layer.props, changeFlags: { dataChanged: true } } as never);
    const cables = (layer.renderLayers() as FlowPathLayer<Datum>[])[0];
    const rows = cables?.props.data as PackedRows<Datum>;
    expect(cables?.props._pathType).toBe("open");
    // The cables by first day, and their columns in that order.
    expect(rows.map((d) => d.days)).toEqual([
      [3, 4],
      [5, 9],
    ]);
    expect(Array.from(rows.startIndices)).toEqual([0, 2, 4]);
    expect(Array.from(rows.attributes.getPath.value)).toEqual([3, 1, 2, 3, 5, 1, 2, 3]);
    expect(Array.from(rows.attributes.getFilterValue?.value ?? [])).toEqual([
      3, 4, 3, 4, 5, 9, 5, 9,
    ]);
    // Without `rangeOf`, the rows are handed over as they are.
    const plain = sublayers([{ kind: "cable" }])[0];
    expect(plain?.props.data).not.toHaveProperty("attributes");
    expect(plain?.props._pathType).toBeFalsy();
  });

  it("keeps one empty layer while there is no data, so its shader can be compiled", () => {
    const layers = sublayers([]);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-all"]);
    expect(layers[0]?.props.data).toEqual([]);
    expect(layers[0]?.props.visible).not.toBe(false);
  });

  it("draws exactly the links begun by the day of the groups that have not all ended", () => {
    // Two groups: links ending on days 1…L and L+1…2L (each begun five days before), the later
    // with an open-ended link begun on day L/2.
    const L = LINKS_PER_GROUP;
    const data: Datum[] = [
      ...Array.from({ length: 2 * L }, (_, i): Datum => ({ kind: "cable", days: [i - 4, i + 1] })),
      { kind: "cable", days: [L / 2, 1_000_000] },
    ];
    // Day L/2: the links begun by then, of both groups (those ending by day L/2 + 5, and the open one).
    const early = drawn(sublayers(data, L / 2));
    expect(early).toHaveLength(L / 2 + 5 + 1);
    expect(early.every((d) => (d.days?.[0] ?? 0) <= L / 2)).toBe(true);
    // Day 4L: the earlier group has ended, and is not drawn; the later one is, ended links too.
    expect(drawn(sublayers(data, 4 * L))).toHaveLength(L + 1);
    expect(drawn(sublayers(data, -10))).toEqual([]);
  });

  it("draws every link active on the day, and none begun after it", () => {
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: -100, max: 6000 }),
        (intervals, day) => {
          const data = intervals.map((days, i) => ({ kind: i % 3 ? "cable" : "fiber", days }));
          const shown = new Set(drawn(sublayers(data, day)));
          for (const d of data) {
            const [first, last] = d.days;
            if (first <= day && last >= day) expect(shown.has(d)).toBe(true);
            if (first > day + 0.5) expect(shown.has(d)).toBe(false);
          }
        },
      ),
    );
  });

  it("draws few more links than those active on a day, at a hundred thousand links", () => {
    // A link a day for ten years, each a year long, a third of them open-ended.
    const data: Datum[] = Array.from({ length: 100_000 }, (_, i) => ({
      kind: "cable",
      days: [Math.floor(i / 27), i % 3 ? Math.floor(i / 27) + 365 : 1_000_000],
    }));
    for (const day of [500, 1800, 3650]) {
      const active = data.filter((d) => d.days && d.days[0] <= day && d.days[1] >= day);
      const layers = sublayers(data, day);
      expect(layers.length).toBeLessThanOrEqual(LAST_DAY_GROUPS);
      // Beyond the day's links: the ended ones of the group whose last days span it.
      expect(drawn(layers).length).toBeLessThan(active.length + data.length / LAST_DAY_GROUPS);
    }
  });

  it("moves the date without grouping again: the same data, fewer or more rows", () => {
    const data: Datum[] = Array.from({ length: 3650 }, (_, i) => ({
      kind: "cable",
      days: [i, i + 365],
    }));
    const layer = updated(data, 2000);
    const made = layer.state.groups;
    const rowsOn = (day: number) => {
      const props = Object.create(layer.props, { day: { value: day } });
      layer.updateState({ props, oldProps: layer.props, changeFlags: {} } as never);
      expect(layer.state.groups).toBe(made);
      layer.props = props;
      return (layer.renderLayers() as FlowPathLayer<Datum>[]).map((l) => l.props.drawRows);
    };
    // Each layer's count is its links begun by the day (0 where all have ended): only counts change.
    for (const day of [1000, 3000]) {
      const rows = rowsOn(day);
      made.forEach((group, g) => {
        const begun = (group.data as Datum[]).filter((d) => (d.days?.[0] ?? 0) <= day).length;
        expect(rows[g]).toBe(group.last >= day ? begun : 0);
      });
    }
    expect(rowsOn(1000)).not.toEqual(rowsOn(3000));
  });
});

describe("FlowPathsByKind's hidden layers", () => {
  it("are the layers last made, so deck.gl finds nothing to update in them", () => {
    const data: Datum[] = Array.from({ length: 3650 }, (_, i) => ({
      kind: "cable",
      days: [i, i + 365],
    }));
    const layer = updated(data, 1000);
    const frame = (time: number) => {
      layer.props = Object.create(layer.props, {
        flow: { value: { currentTime: time, filterRange: [[time, time]] } },
      });
      return layer.renderLayers() as FlowPathLayer<Datum>[];
    };
    const [first, second] = [frame(1), frame(2)];
    const hidden = second.filter((l) => l.props.visible === false);
    const shown = second.filter((l) => l.props.visible !== false);
    expect(hidden.length).toBeGreaterThan(0);
    expect(shown.length).toBeGreaterThan(0);
    for (const l of hidden) {
      expect(first).toContain(l);
      expect(l.props.currentTime).toBe(1);
    }
    for (const l of shown) expect(l.props.currentTime).toBe(2);
  });
});

describe("groupByLastDay", () => {
  it("splits the links at quantiles of last days, those that end last in the last group", () => {
    const n = LAST_DAY_GROUPS * LINKS_PER_GROUP * 2;
    const intervals: [number, number][] = [
      ...Array.from({ length: n }, (_, i): [number, number] => [0, i]),
      [5, 1_000_000],
      [9, 1_000_000],
    ];
    const { groupOf, groups } = groupByLastDay(intervals);
    expect(groups).toBe(LAST_DAY_GROUPS);
    expect(groupOf[n]).toBe(LAST_DAY_GROUPS - 1);
    expect(groupOf[n + 1]).toBe(LAST_DAY_GROUPS - 1);
    // Quantiles: as many a group, in order of last day.
    expect([...groupOf.subarray(0, n)].filter((g) => g === 0)).toHaveLength(n / LAST_DAY_GROUPS);
    for (let i = 1; i < n; i++)
      expect(groupOf[i] as number).toBeGreaterThanOrEqual(groupOf[i - 1] as number);
  });

  it("keeps small datasets in one group", () => {
    const { groupOf, groups } = groupByLastDay([
      [0, 10],
      [0, 20],
      [0, 30],
    ]);
    expect(groups).toBe(1);
    expect([...groupOf]).toEqual([0, 0, 0]);
  });
});

describe("FlowPathLayer.draw", () => {
  it("narrows the model's instances to the vertices of the first drawRows rows", () => {
    const layer = new FlowPathLayer({ id: "l", data: [], drawRows: 2 });
    const counts: number[] = [];
    layer.state = {
      model: {
        setInstanceCount: (n: number) => counts.push(n),
        shaderInputs: { setProps: () => {} },
        draw: () => {},
      },
      startIndices: [0, 5, 12, 20],
    } as never;
    try {
      layer.draw({ uniforms: {} } as never);
    } catch {
      // PathLayer's own draw needs a whole context; the count is set before it.
    }
    expect(counts[0]).toBe(12);
  });
});
