import { describe, expect, it } from "vitest";
import {
  DAY_BUCKETS,
  dayBuckets,
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

/** The sublayers the composite renders for `data`, as deck.gl would after updating its state. */
function sublayers(data: readonly Datum[], day?: number): FlowPathLayer<Datum>[] {
  const layer = new FlowPathsByKind<Datum>({
    id: "links",
    data,
    kindOf: (d) => d.kind,
    styles,
    flow: {},
    ...(day === undefined ? {} : { day, intervalOf: (d: Datum) => d.days ?? [0, 0] }),
  });
  layer.state = {} as typeof layer.state;
  layer.updateState({ changeFlags: { dataChanged: true } } as never);
  return layer.renderLayers() as FlowPathLayer<Datum>[];
}

describe("FlowPathsByKind", () => {
  it("draws one layer per kind present, in the styles' order, each with its kind's style", () => {
    const data = [{ kind: "satellite" }, { kind: "cable" }, { kind: "satellite" }];
    const layers = sublayers(data);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-0", "links-satellite-0"]);
    expect(layers.map((l) => (l.props.data as Datum[]).length)).toEqual([1, 2]);
    expect(layers.map((l) => l.props.getColor)).toEqual([
      [1, 2, 3, 255],
      [7, 8, 9, 255],
    ]);
    expect(layers.map((l) => l.props.getWidth)).toEqual([3, 1]);
  });

  it("keeps one empty layer while there is no data, so its shader can be compiled", () => {
    const layers = sublayers([]);
    expect(layers.map((l) => l.id)).toEqual(["links-cable-0"]);
    expect(layers[0]?.props.data).toEqual([]);
  });

  it("leaves out the layers whose links all ended before the day or begin after it", () => {
    // Ended at days 10…40 (quantiles), and still open (100).
    const data: Datum[] = [10, 20, 30, 40, 100].map((last) => ({
      kind: "cable",
      days: [last - 5, last],
    }));
    const visibleOn = (day: number) =>
      sublayers(data, day)
        .filter((l) => l.props.visible)
        .flatMap((l) => (l.props.data as Datum[]).map((d) => d.days?.[1]));
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
});

describe("dayBuckets", () => {
  it("puts the latest last day in the last group and the others in quantiles below it", () => {
    const buckets = dayBuckets([1, 2, 3, 4, 5, 6, 9, 9]);
    expect(buckets.slice(6)).toEqual([DAY_BUCKETS - 1, DAY_BUCKETS - 1]);
    expect(buckets.slice(0, 6)).toEqual([...buckets.slice(0, 6)].sort());
    expect(new Set(buckets.slice(0, 6)).size).toBe(DAY_BUCKETS - 1);
  });
});
