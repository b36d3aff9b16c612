import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayGroups,
  dayWindow,
  type FlowPathLayer,
  FlowPathsByKind,
  type KindStyle,
} from "./flow-path-layer";

interface Datum {
  readonly kind: string;
  readonly days?: readonly [number, number];
}

const styles: Record<string, KindStyle<Datum>> = {
  cable: { getColor: [1, 2, 3, 255], getWidth: 3 },
  fiber: { getColor: [4, 5, 6, 255], getWidth: 2 },
  satellite: { getColor: [7, 8, 9, 255], getWidth: 1 },
};

const composite = (data: readonly Datum[], day?: number, groupDay?: number) =>
  new FlowPathsByKind<Datum>({
    id: "links",
    data,
    kindOf: (d) => d.kind,
    styles,
    flow: {},
    ...(day === undefined ? {} : { day, intervalOf: (d: Datum) => d.days ?? [0, 0] }),
    ...(groupDay === undefined ? {} : { groupDay }),
  });

/** The sublayers the composite renders for `data`, as deck.gl would after updating its state. */
function sublayers(
  data: readonly Datum[],
  day?: number,
  groupDay?: number,
): FlowPathLayer<Datum>[] {
  const layer = composite(data, day, groupDay);
  layer.state = {} as typeof layer.state;
  layer.updateState({ props: layer.props, changeFlags: { dataChanged: true } } as never);
  return layer.renderLayers() as FlowPathLayer<Datum>[];
}

/** The last days of the links in the layers drawn (visible) on `day`. */
const drawnOn = (layers: readonly FlowPathLayer<Datum>[]) =>
  layers
    .filter((l) => l.props.visible)
    .flatMap((l) => (l.props.data as Datum[]).map((d) => d.days?.[1]));

describe("FlowPathsByKind", () => {
  it("draws one layer per kind present, in the styles' order, each with its kind's style", () => {
    const data = [{ kind: "satellite" }, { kind: "cable" }, { kind: "satellite" }];
    const layers = sublayers(data);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-2", "links-satellite-2"]);
    expect(layers.map((l) => (l.props.data as Datum[]).length)).toEqual([1, 2]);
    expect(layers.map((l) => l.props.getColor)).toEqual([
      [1, 2, 3, 255],
      [7, 8, 9, 255],
    ]);
    expect(layers.map((l) => l.props.getWidth)).toEqual([3, 1]);
  });

  it("keeps one empty layer while there is no data, so its shader can be compiled", () => {
    const layers = sublayers([]);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-2"]);
    expect(layers[0]?.props.data).toEqual([]);
  });

  it("leaves out the layers whose links all ended before the day or begin after it", () => {
    // Ended at days 10…40, and still open (100), grouped around day 100.
    const data: Datum[] = [10, 20, 30, 40, 100].map((last) => ({
      kind: "cable",
      days: [last - 5, last],
    }));
    const visibleOn = (day: number) => drawnOn(sublayers(data, day, 100));
    // Whatever is left out, the GPU filter would hide: every link active on the day is drawn.
    for (const day of [0, 7, 10, 25, 40, 41, 96, 100, 120]) {
      const drawn = visibleOn(day);
      for (const d of data) {
        if (d.days && d.days[0] <= day && d.days[1] >= day) expect(drawn).toContain(d.days[1]);
      }
    }
    expect(visibleOn(100)).toEqual([100]);
    expect(visibleOn(120)).toEqual([]);
    expect(visibleOn(35).length).toBeLessThan(data.length);
    expect(sublayers(data).every((l) => l.props.visible !== false)).toBe(true);
  });

  it("draws every link active on any day, wherever the groups were made", () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 2000 }))
      .map(([first, length]): readonly [number, number] => [first, first + length]);
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 1, maxLength: 60 }),
        fc.integer({ min: -100, max: 6000 }),
        fc.integer({ min: -100, max: 6000 }),
        (intervals, groupDay, day) => {
          const data = intervals.map((days, i) => ({ kind: i % 3 ? "cable" : "fiber", days }));
          const drawn = new Set(
            sublayers(data, day, groupDay)
              .filter((l) => l.props.visible)
              .flatMap((l) => l.props.data as Datum[]),
          );
          for (const d of data) {
            const [first, last] = d.days;
            if (first <= day && last >= day) expect(drawn.has(d)).toBe(true);
          }
        },
      ),
    );
  });

  it("draws no more than the links active near the day the groups were made on", () => {
    // A link a day for ten years, each a year long: a small share active on any day.
    const data: Datum[] = Array.from({ length: 3650 }, (_, i) => ({
      kind: "cable",
      days: [i, i + 365],
    }));
    const day = 2000;
    const [from, to] = dayWindow(
      data.map((d) => d.days as [number, number]),
      day,
    );
    const near = data.filter((d) => d.days && d.days[0] <= to && d.days[1] >= from);
    expect(drawnOn(sublayers(data, day, day)).length).toBe(near.length);
    expect(near.length).toBeLessThan(data.length / 8);
  });

  it("makes the groups again once the groups' day leaves their window, not before", () => {
    const data: Datum[] = Array.from({ length: 3650 }, (_, i) => ({
      kind: "cable",
      days: [i, i + 365],
    }));
    const layer = composite(data, 2000, 2000);
    layer.state = {} as typeof layer.state;
    layer.updateState({ props: layer.props, changeFlags: { dataChanged: true } } as never);
    const made = layer.state.groups;
    const update = (groupDay: number) => {
      const props = Object.create(layer.props, {
        day: { value: groupDay },
        groupDay: { value: groupDay },
      });
      layer.updateState({ props, oldProps: layer.props, changeFlags: {} } as never);
    };
    update(2001);
    expect(layer.state.groups).toBe(made);
    update(3000);
    expect(layer.state.groups).not.toBe(made);
  });
});

describe("dayGroups", () => {
  it("groups the links active in the window apart from those before and after, halved", () => {
    const intervals: [number, number][] = [
      [0, 10],
      [0, 20],
      [5, 30],
      [0, 1000],
      [495, 505],
      [600, 700],
      [800, 900],
    ];
    const { groupOf, window } = dayGroups(intervals, 500);
    expect(window[0]).toBeLessThan(500);
    expect(window[1]).toBeGreaterThan(500);
    expect([...groupOf]).toEqual([0, 1, 1, 2, 2, 3, 4]);
  });
});
