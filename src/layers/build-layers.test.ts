import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import { LINK_KINDS } from "../model/schema";
import { validTopologyInput } from "../model/test-fixtures";
import {
  BASE_WIDTH_PX,
  createLayerBuilder,
  type LayerGroups,
  type LayerInput,
} from "./build-layers";
import { buildLinkGeometry, KIND_WIDTH } from "./link-geometry";
import { DATA_PALETTES } from "./palette";

const geometry = buildLinkGeometry(parseTopology(validTopologyInput()));

// The app hands the builder a new list, set or map only when its contents change: so do these.
const none = { countryLabels: [], disrupted: new Set<string>(), labelSides: new Map() } as const;
const activeNodes = new Set(["a", "b"]);

const input = (time: number, more: Partial<LayerInput> = {}): LayerInput => ({
  geometry,
  ...none,
  day: 15_000,
  fadeDays: 30,
  selection: null,
  activeNodes,
  theme: "dark",
  projection: "mercator",
  animate: true,
  time,
  shown: null,
  focusLinks: null,
  compare: null,
  ...more,
});

const byId = ({ under, flow, over }: LayerGroups) =>
  new Map([...under, ...flow, ...over].map((l) => [l.id, l]));
const ids = (layers: readonly { id: string }[]) => layers.map((l) => l.id);

describe("createLayerBuilder", () => {
  it("smooths the edges of the flow's lines in the shader only when asked (its surface is single-sampled)", () => {
    const smoothing = (groups: LayerGroups) => {
      const links = byId(groups).get("links") as unknown as { props: { flow: object } };
      const disrupted = byId(groups).get("links-disrupted") as unknown as { props: object };
      return [links.props.flow, disrupted.props].map(
        (props) => (props as { antialiasing?: boolean }).antialiasing,
      );
    };
    expect(smoothing(createLayerBuilder()(input(1)))).toEqual([false, false]);
    expect(smoothing(createLayerBuilder()(input(1, { smoothEdges: true })))).toEqual([true, true]);
    // The compared links are drawn on the same surface.
    const compare = { onlyA: new Set<string>(), onlyB: new Set<string>(), both: new Set<string>() };
    const compared = createLayerBuilder()(input(1, { smoothEdges: true, compare })).flow;
    expect(compared.map((l) => (l.props as { antialiasing?: boolean }).antialiasing)).toEqual(
      compared.map(() => true),
    );
  });

  it("while the flow animates, builds only the links layer anew; every other layer is the same instance", () => {
    const build = createLayerBuilder();
    const first = byId(build(input(1)));
    const next = byId(build(input(1.5)));
    expect([...next.keys()]).toEqual([...first.keys()]);
    const rebuilt = [...next].filter(([id, layer]) => first.get(id) !== layer).map(([id]) => id);
    expect(rebuilt).toEqual(["links"]);
    const phase = (layers: Map<string, unknown>) =>
      (layers.get("links") as { props: { flow: { currentTime: number } } }).props.flow.currentTime;
    expect(phase(next)).not.toBe(phase(first));
  });

  it("draws the links by kind: colour and width constant per kind, an accessor only to dim for a focus", () => {
    type Styles = Record<string, { getColor: unknown; getWidth: number }>;
    const stylesOf = (groups: LayerGroups) =>
      (byId(groups).get("links") as unknown as { props: { styles: Styles } }).props.styles;
    const plain = stylesOf(createLayerBuilder()(input(1)));
    expect(Object.keys(plain)).toEqual([...LINK_KINDS]);
    for (const kind of LINK_KINDS) {
      expect(plain[kind]?.getColor).toEqual([...DATA_PALETTES.dark.links[kind], 190]);
      expect(plain[kind]?.getWidth).toBe(KIND_WIDTH[kind] * BASE_WIDTH_PX);
    }
    const focused = stylesOf(createLayerBuilder()(input(1, { focusLinks: new Set(["x"]) })));
    const color = focused.terrestrial?.getColor as (d: { link: { id: string } }) => number[];
    expect(color({ link: { id: "x" } })[3]).toBe(190);
    expect(color({ link: { id: "y" } })[3]).toBeLessThan(190);
  });

  it("puts every layer that changes from frame to frame of the flow in the flow stack, and only those", () => {
    const build = createLayerBuilder();
    const disrupted = new Set([geometry.segments[0]?.link.id ?? ""]);
    const first = build(input(1, { disrupted }));
    const next = build(input(1.3, { disrupted }));
    const changed = (stack: keyof LayerGroups) =>
      next[stack].filter((layer, i) => first[stack][i] !== layer).map((l) => l.id);
    expect(changed("flow")).toEqual(ids(next.flow));
    expect(ids(next.flow)).toEqual(["links", "links-disrupted"]);
    expect(changed("under")).toEqual([]);
    expect(changed("over")).toEqual([]);
    // Bottom to top: names of countries and the selection's casing below the links; points above.
    expect(ids(next.under)).toEqual([
      "country-labels",
      "links-selected-casing",
      "links-ghost",
      "links-dashed",
      "links-appearing",
    ]);
    expect(ids(next.over)).toEqual([
      "links-planned",
      "bundles",
      "links-hovered",
      "crossings",
      "clusters",
      "nodes",
      "cluster-counts",
      "node-labels",
    ]);
  });

  it("with the flow still, builds no layer anew while nothing it draws from changes", () => {
    const build = createLayerBuilder();
    const first = byId(build(input(1, { animate: false })));
    const next = byId(build(input(2, { animate: false })));
    expect([...next].filter(([id, layer]) => first.get(id) !== layer)).toEqual([]);
  });

  it("builds a layer anew when what it draws from changes", () => {
    const build = createLayerBuilder();
    const first = byId(build(input(1)));
    const light = byId(build(input(1, { theme: "light" })));
    for (const id of ["country-labels", "nodes", "node-labels", "links-ghost", "crossings"]) {
      expect(light.get(id), id).not.toBe(first.get(id));
    }
    const later = byId(build(input(1, { theme: "light", day: 15_001 })));
    expect(later.get("crossings")).not.toBe(light.get("crossings"));
    expect(later.get("nodes")).toBe(light.get("nodes"));
    const selected = byId(
      build(input(1, { theme: "light", day: 15_001, selection: { kind: "node", id: "a" } })),
    );
    expect(selected.get("nodes")).not.toBe(later.get("nodes"));
    expect(selected.get("node-labels")).toBe(later.get("node-labels"));
  });

  it("for the warm-up, builds every layer without the links, each drawn (so its shaders compile)", () => {
    type Shown = { props: { data: readonly unknown[]; visible?: boolean } };
    const linkLayers = [
      "links",
      "links-dashed",
      "links-ghost",
      "links-appearing",
      "links-planned",
      "bundles",
      "links-hovered",
      "crossings",
    ];
    const look = (warmUp: boolean) => {
      const layers = byId(createLayerBuilder()(input(1, { warmUp })));
      return Object.fromEntries(
        linkLayers.map((id) => {
          const { data, visible = true } = (layers.get(id) as unknown as Shown).props;
          return [id, { rows: data.length, visible }];
        }),
      );
    };
    const drawn = look(false);
    // The fixture draws solid links and crossings; the other layers have nothing on this day.
    expect(drawn.links?.rows).toBeGreaterThan(0);
    expect(drawn.crossings?.rows).toBeGreaterThan(0);
    expect(drawn["links-ghost"]?.visible).toBe(false);
    for (const id of linkLayers) expect(look(true)[id], id).toEqual({ rows: 0, visible: true });
  });

  it("on hover, builds anew the hover's highlight and the places, and no link layer", () => {
    const build = createLayerBuilder();
    const first = byId(build(input(1, { animate: false })));
    const hovered = byId(build(input(1, { animate: false, hoveredLink: "ab" })));
    const rebuilt = [...hovered].filter(([id, layer]) => first.get(id) !== layer).map(([id]) => id);
    expect(rebuilt).toEqual(["links-hovered", "nodes"]);
    type Drawn = { props: { data: readonly { link: { id: string } }[]; pickable: boolean } };
    const highlight = hovered.get("links-hovered") as unknown as Drawn;
    expect(highlight.props.data.map((d) => d.link.id)).toEqual(["ab"]);
    expect(highlight.props.pickable).toBe(false);
  });
});
