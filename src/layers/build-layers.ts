/**
 * (geometry, view state, clock) → deck.gl layers. Data arrays and accessors are stable, so the
 * date, the flow phase and the pulse only change uniforms: moving the slider rebuilds no buffer.
 */
import type { Layer } from "@deck.gl/core";
import {
  DataFilterExtension,
  type DataFilterExtensionProps,
  PathStyleExtension,
  type PathStyleExtensionProps,
} from "@deck.gl/extensions";
import { PathLayer, ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import type { CountryLabel } from "../map/basemap";
import { LINK_KINDS } from "../model/schema";
import type { ProjectionName, Selection, ThemeName } from "../state/store";
import { createDayWindow } from "./day-window";
import { FlowPathsByKind } from "./flow-path-layer";
import type { LabelSide } from "./label-placement";
import {
  type CrossingMarker,
  FLOW_SPAN,
  KIND_WIDTH,
  type LinkGeometry,
  type LinkSegment,
  type NodeMarker,
  OPEN_END_DAY,
} from "./link-geometry";
import { DATA_PALETTES, type RGB } from "./palette";

/** Seconds a flow pulse takes to run the length of a link. */
export const FLOW_PERIOD_S = 2.4;
/** Link width in pixels at KIND_WIDTH 1. */
export const BASE_WIDTH_PX = 3.5;

export interface LayerInput {
  readonly geometry: LinkGeometry;
  readonly countryLabels: readonly CountryLabel[];
  /** The current date as a day number. */
  readonly day: number;
  /** How long (days) a link glows after it appears and lingers as a ghost after it retires. */
  readonly fadeDays: number;
  readonly selection: Selection | null;
  /** Links disrupted by an outage or attack in progress; a new set only when it changes. */
  readonly disrupted: ReadonlySet<string>;
  /** Nodes on at least one active link; a new set only when it changes. */
  readonly activeNodes: ReadonlySet<string>;
  readonly theme: ThemeName;
  readonly projection: ProjectionName;
  /** Which node labels to draw, and on which side of their point; a new map only when it changes. */
  readonly labelSides: ReadonlyMap<string, LabelSide>;
  /** Flow animation on (false: links drawn still). */
  readonly animate: boolean;
  /** Seconds on the animation clock. */
  readonly time: number;
  /** Ids of the links the filters let through; `null`: all. A new set only when it changes. */
  readonly shown: ReadonlySet<string> | null;
  /** Country focus: ids of the country's cross-border links, drawn bright; the rest dim. */
  readonly focusLinks: ReadonlySet<string> | null;
  /** Compare mode: link ids by class; replaces the time-filtered links when set. */
  readonly compare: CompareSets | null;
  /**
   * Every layer, without the links, for the map to compile their shaders before its first frame
   * (`warmUp` in map-view), while the GPU is idle. A layer compiled after a large draw waits (in
   * a synchronous WebGL call) for that draw to finish: on software WebGL at 100k links, half a
   * minute.
   */
  readonly warmUp?: boolean;
}

/** Link ids active only at date A, only at date B, and at both. */
export interface CompareSets {
  readonly onlyA: ReadonlySet<string>;
  readonly onlyB: ReadonlySet<string>;
  readonly both: ReadonlySet<string>;
}

// Props that are objects are compared by identity from one frame to the next: a new object would
// make deck.gl update the layer (and a text layer rebuild its sublayers) on every frame.
const FLAT = {};
const OVER_GLOBE = { depthCompare: "always" as const, depthWriteEnabled: false };
const TEXT_OVER_GLOBE = { ...OVER_GLOBE, cullMode: "none" as const };
const LABEL_FONT = { sdf: true, fontSize: 48, buffer: 6 };

/** Pixels a node's radius grows by per square root of its number of links, in a small dataset. */
const DEGREE_SCALE = 2;
/** The most a node's radius grows by its number of links, in pixels. */
const MAX_DEGREE_GROWTH = 8;

/**
 * How much a node's radius grows per square root of its number of links: 2 px, or less where
 * the busiest node would grow by more than 8 px. In a dataset of thousands of links, hubs would
 * otherwise be discs of 20 px and more that hide the map and the links around them.
 */
export function nodeDegreeScale(nodes: readonly { degree: number }[]): number {
  const most = nodes.reduce((max, n) => Math.max(max, n.degree), 0);
  return most > 0 ? Math.min(DEGREE_SCALE, MAX_DEGREE_GROWTH / Math.sqrt(most)) : DEGREE_SCALE;
}

/** Alpha of links outside the country in focus: there, but out of the way. */
const DIMMED_ALPHA = 45;

// One extension instance per configuration, created once (deck.gl compares them by identity).
const INTERVAL_FILTER = new DataFilterExtension({ filterSize: 2 });
const EDGE_FILTER = new DataFilterExtension({ filterSize: 1 });
/** Satellite hops (and compare mode's links gone since date A) are dashed. */
const DASHES = new PathStyleExtension({ dash: true });

const withAlpha = ([r, g, b]: RGB, a: number): [number, number, number, number] => [r, g, b, a];

/** GPU filter props that show records whose interval contains `day`. */
const activeOn = (day: number) => ({
  extensions: [INTERVAL_FILTER],
  getFilterValue: (d: { filter: readonly [number, number] }) => d.filter as [number, number],
  filterRange: [
    [-OPEN_END_DAY, day + 0.5],
    [day - 0.5, OPEN_END_DAY],
  ] as [number, number][],
});

/** The same filter with a range that passes everything (compare mode draws both dates). */
const anyDay = () => ({
  ...activeOn(0),
  filterRange: [
    [-OPEN_END_DAY - 1, OPEN_END_DAY + 1],
    [-OPEN_END_DAY - 1, OPEN_END_DAY + 1],
  ] as [number, number][],
});

/**
 * The layers in three stacks, bottom to top, each drawn on a surface of its own (src/map): `flow`
 * holds the layers that change while the flow animates (and compare mode's links), so an animation
 * frame redraws them alone; `under` is drawn into the basemap, below them; `over` above them.
 */
export interface LayerGroups {
  readonly under: Layer[];
  readonly flow: Layer[];
  readonly over: Layer[];
}

/**
 * Builds the layers. Keeps small caches keyed by input identity, so callers may call it every
 * frame: derived data (the disrupted segments, say) is recomputed only when its input changes.
 */
export function createLayerBuilder() {
  let disruptedFor: ReadonlySet<string> | undefined;
  let disruptedSegments: LinkSegment[] = [];
  let selectedFor: string | undefined;
  let selectedSegments: readonly LinkSegment[] = [];
  let labelledFor: ReadonlyMap<string, LabelSide> | undefined;
  let labelled: readonly NodeMarker[] = [];
  let shownFor: ReadonlySet<string> | null | undefined;
  let segments: readonly LinkSegment[] = [];
  /** The shown segments drawn solid, and the satellite hops drawn dashed (a layer of their own). */
  let solid: readonly LinkSegment[] = [];
  let dashed: readonly LinkSegment[] = [];
  let appearing = createDayWindow<LinkSegment>([], 0, 1);
  let retiring = createDayWindow<LinkSegment>([], 1, 1);
  let crossings: readonly CrossingMarker[] = [];
  let comparedFor: CompareSets | null | undefined;
  let compared: { onlyA: LinkSegment[]; onlyB: LinkSegment[]; both: LinkSegment[] } = {
    onlyA: [],
    onlyB: [],
    both: [],
  };
  let comparedCrossings: readonly CrossingMarker[] = [];
  /**
   * The layer last built for an id, with what it was built from. While the flow animates, only
   * the links layer changes from frame to frame: handing deck.gl the same instance of every other
   * layer spares it comparing each one's props again, on every frame.
   */
  const kept = new Map<string, { deps: readonly unknown[]; layer: Layer }>();
  const keep = (id: string, deps: readonly unknown[], build: () => Layer): Layer => {
    const last = kept.get(id);
    if (last?.deps.every((d, i) => Object.is(d, deps[i]))) return last.layer;
    const layer = build();
    kept.set(id, { deps, layer });
    return layer;
  };

  let degreesFor: readonly NodeMarker[] | undefined;
  let degreeScale = DEGREE_SCALE;

  return function buildLayers(input: LayerInput): LayerGroups {
    const { geometry, day, theme, animate, time, fadeDays } = input;
    if (degreesFor !== geometry.nodes) {
      degreesFor = geometry.nodes;
      degreeScale = nodeDegreeScale(geometry.nodes);
    }
    const palette = DATA_PALETTES[theme];
    const linkColor = (d: LinkSegment) => palette.links[d.link.kind];
    const linkWidth = (d: LinkSegment) => KIND_WIDTH[d.link.kind];
    const { shown, focusLinks } = input;
    /** Full alpha for links in the country in focus (or all, with no focus); dim for the rest. */
    const focusAlpha = (d: { link: { id: string } }, alpha: number) =>
      !focusLinks || focusLinks.has(d.link.id) ? alpha : Math.min(alpha, DIMMED_ALPHA);

    if (shownFor !== shown) {
      shownFor = shown;
      segments = shown ? geometry.segments.filter((d) => shown.has(d.link.id)) : geometry.segments;
      crossings = shown
        ? geometry.crossings.filter((d) => shown.has(d.link.id))
        : geometry.crossings;
      solid = segments.filter((d) => d.link.kind !== "satellite");
      dashed = segments.filter((d) => d.link.kind === "satellite");
      appearing = createDayWindow(segments, 0, fadeDays);
      retiring = createDayWindow(segments, 1, fadeDays);
      disruptedFor = undefined;
      selectedFor = undefined;
    }
    if (disruptedFor !== input.disrupted) {
      disruptedFor = input.disrupted;
      disruptedSegments = segments.filter((s) => input.disrupted.has(s.link.id));
    }
    const selectedLink = input.selection?.kind === "link" ? input.selection.id : "";
    if (selectedFor !== selectedLink) {
      selectedFor = selectedLink;
      selectedSegments =
        selectedLink && (!shown || shown.has(selectedLink))
          ? (geometry.segmentsByLink.get(selectedLink) ?? [])
          : [];
    }
    if (comparedFor !== input.compare) {
      comparedFor = input.compare;
      const sets = input.compare;
      // One drawing per link: a link with several intervals has one segment per interval.
      const firstOf = (ids: ReadonlySet<string> | undefined) =>
        [...(ids ?? [])].flatMap((id) => geometry.segmentsByLink.get(id)?.slice(0, 1) ?? []);
      compared = {
        onlyA: firstOf(sets?.onlyA),
        onlyB: firstOf(sets?.onlyB),
        both: firstOf(sets?.both),
      };
      const inCompare = (id: string) =>
        Boolean(sets && (sets.onlyA.has(id) || sets.onlyB.has(id) || sets.both.has(id)));
      const seen = new Set<string>();
      comparedCrossings = geometry.crossings.filter((c) => {
        const key = `${c.link.id}@${c.position.join(",")}`;
        if (!inCompare(c.link.id) || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    const sides = input.labelSides;
    if (labelledFor !== sides) {
      labelledFor = sides;
      labelled = geometry.nodes.filter((d) => sides.has(d.node.id));
    }
    const selectedNode = input.selection?.kind === "node" ? input.selection.id : "";
    // On the globe, lines lie on the sphere's surface and would z-fight with it: draw them over it.
    const globe = input.projection === "globe";
    const parameters = globe ? OVER_GLOBE : FLAT;
    // deck.gl's GlobeView culls back faces by default, and text quads face away: draw both faces.
    const textParameters = globe ? TEXT_OVER_GLOBE : FLAT;
    const pulse = animate ? 0.5 + 0.5 * Math.sin(time * Math.PI * 2) : 1;

    const under: Layer[] = [
      keep(
        "country-labels",
        [input.countryLabels, theme, textParameters],
        () =>
          new TextLayer<CountryLabel>({
            id: "country-labels",
            parameters: textParameters,
            data: input.countryLabels,
            getPosition: (d) => d.position as [number, number],
            getText: (d) => d.name.toUpperCase(),
            getSize: (d) => Math.max(10, Math.min(15, 9 + Math.log10(1 + d.area * 4000) * 2.2)),
            getColor: withAlpha(palette.countryLabel, 200),
            fontFamily: "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
            fontWeight: 600,
            characterSet: "auto",
            updateTriggers: { getColor: theme },
          }),
      ),
    ];
    // The set of layers stays the same: a layer added later would compile its shaders while the
    // GPU is busy (see `warmUp`). Layers with nothing to draw are hidden, which costs no drawing.
    const flow: Layer[] = [];
    const links = <T>(data: readonly T[]) => (input.warmUp ? [] : data);
    const shows = (data: readonly unknown[]) => Boolean(input.warmUp) || data.length > 0;
    under.push(
      keep(
        "links-selected-casing",
        [selectedSegments, parameters, theme, input.compare, day, input.warmUp],
        () =>
          new PathLayer<LinkSegment>({
            id: "links-selected-casing",
            parameters,
            data: links(selectedSegments),
            visible: shows(selectedSegments),
            getPath: (d) => d.path,
            getColor: withAlpha(palette.selected, 230),
            getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX + 6,
            widthUnits: "pixels",
            capRounded: true,
            jointRounded: true,
            ...(input.compare ? anyDay() : activeOn(day)),
            updateTriggers: { getColor: theme },
          }),
      ),
    );

    if (input.compare) {
      // Three styles that differ in more than colour: gone (dashed), new (wide), kept (thin).
      const compareLayer = (
        id: string,
        data: readonly LinkSegment[],
        color: RGB,
        width: number,
        dashed: boolean,
      ) =>
        new PathLayer<LinkSegment, PathStyleExtensionProps<LinkSegment>>({
          id,
          parameters,
          data: links(data),
          getPath: (d) => d.path,
          getColor: (d) => withAlpha(color, focusAlpha(d, 240)),
          getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * width,
          widthUnits: "pixels",
          widthMinPixels: 1.5,
          capRounded: !dashed,
          jointRounded: true,
          getDashArray: [4, 2.5],
          dashJustified: true,
          extensions: dashed ? [DASHES] : [],
          pickable: true,
          autoHighlight: true,
          highlightColor: [255, 255, 255, 90],
          updateTriggers: { getColor: [theme, focusLinks] },
        });
      flow.push(
        compareLayer("compare-both", compared.both, palette.compare.both, 0.8, false),
        compareLayer("compare-only-a", compared.onlyA, palette.compare.onlyA, 1.1, true),
        compareLayer("compare-only-b", compared.onlyB, palette.compare.onlyB, 1.4, false),
      );
    } else {
      const phase = animate ? ((time / FLOW_PERIOD_S) % 1) * FLOW_SPAN * 1.5 : 0;
      /** Active links are drawn a little translucent while they animate, so the flow stands out. */
      const alpha = animate ? 190 : 235;
      /** What the links active on the date share, drawn solid or dashed. */
      const activeLinkProps = {
        parameters,
        getPath: (d: LinkSegment) => d.path,
        getColor: (d: LinkSegment) => withAlpha(linkColor(d), focusAlpha(d, alpha)),
        getWidth: (d: LinkSegment) => linkWidth(d) * BASE_WIDTH_PX,
        widthUnits: "pixels" as const,
        widthMinPixels: 1.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90] as [number, number, number, number],
        ...activeOn(day),
        updateTriggers: { getColor: [theme, animate, focusLinks] },
      };
      // Solid links carry their flow in the same pass. Satellite hops stay still: the flow's
      // attributes and the dashes' together pass WebGL's limit of 16 vertex attributes.
      const solidLayer = keep(
        "links",
        [solid, parameters, theme, animate, focusLinks, day, input.warmUp, phase],
        () => {
          const { getColor: _color, getWidth: _width, ...shared } = activeLinkProps;
          return new FlowPathsByKind<LinkSegment>({
            id: "links",
            data: links(solid),
            pickable: true,
            kindOf: (d) => d.link.kind,
            styles: Object.fromEntries(
              LINK_KINDS.map((kind) => {
                const color = palette.links[kind];
                return [
                  kind,
                  {
                    getColor: focusLinks
                      ? (d: LinkSegment) => withAlpha(color, focusAlpha(d, alpha))
                      : withAlpha(color, alpha),
                    getWidth: KIND_WIDTH[kind] * BASE_WIDTH_PX,
                  },
                ];
              }),
            ),
            flow: {
              ...shared,
              // The stored coordinates as they are: no satellite arcs here, so no heights.
              getPath: (d: LinkSegment) => d.ground,
              positionFormat: "XY",
              getTimestamps: (d: LinkSegment) => d.timestamps,
              capRounded: true,
              jointRounded: true,
              fadeTrail: animate,
              trailLength: FLOW_SPAN * 0.45,
              currentTime: phase,
            },
          });
        },
      );
      const dashedLayer = keep(
        "links-dashed",
        [dashed, parameters, theme, animate, focusLinks, day, input.warmUp],
        () =>
          new PathLayer<LinkSegment, PathStyleExtensionProps<LinkSegment>>({
            ...activeLinkProps,
            id: "links-dashed",
            data: links(dashed),
            visible: shows(dashed),
            extensions: [INTERVAL_FILTER, DASHES],
            getDashArray: [3, 2],
            dashJustified: true,
          }),
      );
      const ghosts = retiring(day - fadeDays, day);
      const glowing = appearing(day - fadeDays, day + 0.5);
      under.push(
        keep(
          "links-ghost",
          [ghosts, parameters, theme, focusLinks, day, fadeDays, input.warmUp],
          () =>
            new PathLayer<LinkSegment, DataFilterExtensionProps<LinkSegment>>({
              id: "links-ghost",
              parameters,
              data: links(ghosts),
              visible: shows(ghosts),
              getPath: (d) => d.path,
              getColor: (d) => withAlpha(palette.nodeIdle, focusAlpha(d, 200)),
              getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 0.6,
              widthUnits: "pixels",
              extensions: [EDGE_FILTER],
              // Recently retired: the end lies within the last `fadeDays`; fades as the date moves on.
              getFilterValue: (d) => d.filter[1],
              filterRange: [day - fadeDays, day - 0.5],
              filterSoftRange: [day - 0.5, day - 0.5],
              updateTriggers: { getColor: [theme, focusLinks] },
            }),
        ),
        dashedLayer,
        keep(
          "links-appearing",
          [glowing, parameters, theme, focusLinks, day, fadeDays, input.warmUp],
          () =>
            new PathLayer<LinkSegment, DataFilterExtensionProps<LinkSegment>>({
              id: "links-appearing",
              parameters,
              data: links(glowing),
              visible: shows(glowing),
              getPath: (d) => d.path,
              getColor: (d) => withAlpha(linkColor(d), focusAlpha(d, 140)),
              getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 3,
              widthUnits: "pixels",
              capRounded: true,
              extensions: [EDGE_FILTER],
              // Newly active: the start lies within the last `fadeDays`; the glow fades as time passes.
              getFilterValue: (d) => d.filter[0],
              filterRange: [day - fadeDays, day + 0.5],
              filterSoftRange: [day + 0.5, day + 0.5],
              updateTriggers: { getColor: [theme, focusLinks] },
            }),
        ),
      );
      flow.push(
        solidLayer,
        keep(
          "links-disrupted",
          [
            disruptedSegments,
            parameters,
            theme,
            focusLinks,
            day,
            input.warmUp,
            disruptedSegments.length > 0 ? pulse : 0,
          ],
          () =>
            new PathLayer<LinkSegment>({
              id: "links-disrupted",
              parameters,
              data: links(disruptedSegments),
              visible: shows(disruptedSegments),
              getPath: (d) => d.path,
              getColor: (d) => withAlpha(palette.disrupted, focusAlpha(d, 235)),
              getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 1.4,
              widthUnits: "pixels",
              widthScale: 1 + 0.8 * pulse,
              opacity: 0.55 + 0.45 * pulse,
              capRounded: true,
              jointRounded: true,
              pickable: true,
              ...activeOn(day),
              updateTriggers: { getColor: [theme, focusLinks] },
            }),
        ),
      );
    }

    const crossingData = input.compare ? comparedCrossings : crossings;
    const over: Layer[] = [
      keep(
        "crossings",
        [crossingData, parameters, theme, focusLinks, input.compare, day, input.warmUp],
        () =>
          new ScatterplotLayer<CrossingMarker>({
            id: "crossings",
            parameters,
            data: links(crossingData),
            visible: shows(crossingData),
            getPosition: (d) => d.position as [number, number],
            getRadius: 4.5,
            radiusUnits: "pixels",
            stroked: true,
            filled: true,
            getFillColor: withAlpha(palette.labelHalo, 255),
            getLineColor: (d) => withAlpha(palette.crossing, focusAlpha(d, 255)),
            lineWidthUnits: "pixels",
            getLineWidth: 2,
            pickable: true,
            ...(input.compare ? anyDay() : activeOn(day)),
            updateTriggers: { getFillColor: theme, getLineColor: [theme, focusLinks] },
          }),
      ),
      keep(
        "nodes",
        [geometry.nodes, parameters, theme, selectedNode, input.activeNodes],
        () =>
          new ScatterplotLayer<NodeMarker>({
            id: "nodes",
            parameters,
            data: geometry.nodes,
            getPosition: (d) => d.node.coordinates as [number, number],
            getRadius: (d) =>
              (d.node.id === selectedNode ? 3 : 0) + 3.5 + Math.sqrt(d.degree) * degreeScale,
            radiusUnits: "pixels",
            stroked: true,
            getFillColor: (d) =>
              withAlpha(input.activeNodes.has(d.node.id) ? palette.node : palette.nodeIdle, 255),
            getLineColor: (d) =>
              withAlpha(d.node.id === selectedNode ? palette.selected : palette.nodeStroke, 255),
            lineWidthUnits: "pixels",
            getLineWidth: (d) => (d.node.id === selectedNode ? 3 : 1.5),
            pickable: true,
            autoHighlight: true,
            highlightColor: [255, 255, 255, 120],
            updateTriggers: {
              getFillColor: [theme, input.activeNodes],
              getLineColor: [theme, selectedNode],
              getLineWidth: selectedNode,
              getRadius: selectedNode,
            },
          }),
      ),
      keep(
        "node-labels",
        [labelled, sides, textParameters, theme, input.activeNodes],
        () =>
          new TextLayer<NodeMarker>({
            id: "node-labels",
            parameters: textParameters,
            data: labelled,
            getPosition: (d) => d.node.coordinates as [number, number],
            getText: (d) => d.node.name,
            getSize: 13,
            getColor: (d) => withAlpha(palette.label, input.activeNodes.has(d.node.id) ? 255 : 150),
            getPixelOffset: (d) => [sides.get(d.node.id) === "left" ? -10 : 10, 0],
            getTextAnchor: (d) => (sides.get(d.node.id) === "left" ? "end" : "start"),
            getAlignmentBaseline: "center",
            fontFamily: "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif",
            fontWeight: 600,
            fontSettings: LABEL_FONT,
            outlineWidth: 4,
            outlineColor: withAlpha(palette.labelHalo, 255),
            characterSet: "auto",
            updateTriggers: {
              getColor: [theme, input.activeNodes],
              getPixelOffset: sides,
              getTextAnchor: sides,
              outlineColor: theme,
            },
          }),
      ),
    ];
    return { under, flow, over };
  };
}
