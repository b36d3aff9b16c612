import { describe, expect, it } from "vitest";
import { type FlowPathLayer, FlowPathsByKind, type KindStyle } from "./flow-path-layer";

interface Datum {
  readonly kind: string;
}

const styles: Record<string, KindStyle<Datum>> = {
  cable: { getColor: [1, 2, 3, 255], getWidth: 3 },
  fiber: { getColor: [4, 5, 6, 255], getWidth: 2 },
  satellite: { getColor: [7, 8, 9, 255], getWidth: 1 },
};

/** The sublayers the composite renders for `data`, as deck.gl would after updating its state. */
function sublayers(data: readonly Datum[]): FlowPathLayer<Datum>[] {
  const layer = new FlowPathsByKind<Datum>({
    id: "links",
    data,
    kindOf: (d) => d.kind,
    styles,
    flow: {},
  });
  layer.state = {} as typeof layer.state;
  layer.updateState({ changeFlags: { dataChanged: true } } as never);
  return layer.renderLayers() as FlowPathLayer<Datum>[];
}

describe("FlowPathsByKind", () => {
  it("draws one layer per kind present, in the styles' order, each with its kind's style", () => {
    const data = [{ kind: "satellite" }, { kind: "cable" }, { kind: "satellite" }];
    const layers = sublayers(data);
    expect(layers.map((l) => l.id)).toEqual(["links-cable", "links-satellite"]);
    expect(layers.map((l) => (l.props.data as Datum[]).length)).toEqual([1, 2]);
    expect(layers.map((l) => l.props.getColor)).toEqual([
      [1, 2, 3, 255],
      [7, 8, 9, 255],
    ]);
    expect(layers.map((l) => l.props.getWidth)).toEqual([3, 1]);
  });

  it("keeps one empty layer while there is no data, so its shader can be compiled", () => {
    const layers = sublayers([]);
    expect(layers.map((l) => l.id)).toEqual(["links-cable"]);
    expect(layers[0]?.props.data).toEqual([]);
  });
});
