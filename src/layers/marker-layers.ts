/** The points drawn over the links: the places, and the links' border crossings. */
import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer } from "@deck.gl/layers";
import type { CompareSets } from "./layer-builder-input";
import type { KeepLayer } from "./layer-cache";
import { activeOn, anyDay } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { focusAlpha, withAlpha } from "./layer-style";
import type { CrossingMarker, NodeMarker } from "./link-geometry";
import { placeRadius } from "./node-degree";

/** What the places are drawn by, beside the frame; each compared by identity to rebuild. */
export interface NodeMarks {
  /** See `nodeDegreeScale`. */
  readonly degreeScale: number;
  /** The selected place's id, or "". */
  readonly selectedNode: string;
  /** The places of the selected and the hovered link: ringed as the selected place is. */
  readonly linkPlaces: ReadonlySet<string>;
  /** The places on at least one active link. */
  readonly activeNodes: ReadonlySet<string>;
  /** How much the zoom scales the dots (see `zoomScales`). */
  readonly radiusScale: number;
}

/**
 * The places, larger for more links (by `degreeScale`) and for the selected one; the selected
 * place and the places of the selected or hovered link (a cable's landings) ringed in the
 * selection colour; places on no active link in the idle colour.
 */
export function buildNodes(
  keep: KeepLayer,
  frame: LayerFrame,
  nodes: readonly NodeMarker[],
  marks: NodeMarks,
): Layer {
  const { parameters, theme, palette } = frame;
  const { degreeScale, selectedNode, linkPlaces, activeNodes, radiusScale } = marks;
  const ringed = (id: string) => id === selectedNode || linkPlaces.has(id);
  return keep(
    "nodes",
    [nodes, parameters, theme, degreeScale, selectedNode, linkPlaces, activeNodes, radiusScale],
    () =>
      new ScatterplotLayer<NodeMarker>({
        id: "nodes",
        parameters,
        data: nodes,
        getPosition: (d) => d.node.coordinates as [number, number],
        getRadius: (d) => (d.node.id === selectedNode ? 3 : 0) + placeRadius(d.degree, degreeScale),
        radiusUnits: "pixels",
        radiusScale,
        radiusMinPixels: 1.5,
        stroked: true,
        getFillColor: (d) =>
          withAlpha(activeNodes.has(d.node.id) ? palette.node : palette.nodeIdle, 255),
        getLineColor: (d) =>
          withAlpha(ringed(d.node.id) ? palette.selected : palette.nodeStroke, 255),
        lineWidthUnits: "pixels",
        getLineWidth: (d) =>
          d.node.id === selectedNode
            ? 3
            : linkPlaces.has(d.node.id)
              ? 2.5
              : radiusScale < 0.8
                ? 1
                : 1.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 120],
        updateTriggers: {
          getFillColor: [theme, activeNodes],
          getLineColor: [theme, selectedNode, linkPlaces],
          getLineWidth: [selectedNode, linkPlaces, radiusScale < 0.8],
          getRadius: [selectedNode, degreeScale],
        },
      }),
  );
}

/** The smallest dot scale (see `zoomScales`) at which border crossings are drawn. */
const CROSSINGS_FROM_SCALE = 0.65;

/**
 * Where the `crossings`' links cross a border, on the date (or on both dates, to `compare`),
 * scaled by the zoom as the places are, and not at a world view.
 */
export function buildCrossings(
  keep: KeepLayer,
  frame: LayerFrame,
  crossings: readonly CrossingMarker[],
  compare: CompareSets | null,
  radiusScale = 1,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  return keep(
    "crossings",
    [crossings, parameters, theme, focusLinks, compare, day, frame.warmUp, radiusScale],
    () =>
      new ScatterplotLayer<CrossingMarker>({
        id: "crossings",
        parameters,
        data: linksToDraw(frame, crossings),
        // At a world view the rings would only speckle the lines: they show from zoom ~2.5.
        visible:
          drawsLinks(frame, crossings) && (frame.warmUp || radiusScale >= CROSSINGS_FROM_SCALE),
        getPosition: (d) => d.position as [number, number],
        getRadius: 4.5,
        radiusUnits: "pixels",
        // Small at a world view, as the places are (see `zoomScales`).
        radiusScale,
        lineWidthScale: radiusScale,
        stroked: true,
        filled: true,
        getFillColor: withAlpha(palette.labelHalo, 255),
        getLineColor: (d) => withAlpha(palette.crossing, focusAlpha(focusLinks, d, 255)),
        lineWidthUnits: "pixels",
        getLineWidth: 2,
        pickable: true,
        ...(compare ? anyDay() : activeOn(day)),
        updateTriggers: { getFillColor: theme, getLineColor: [theme, focusLinks] },
      }),
  );
}
