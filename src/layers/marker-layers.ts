/** The points drawn over the links: the places, and the links' border crossings. */
import type { Layer } from "@deck.gl/core";
import { ScatterplotLayer } from "@deck.gl/layers";
import type { CompareSets } from "./layer-builder-input";
import type { KeepLayer } from "./layer-cache";
import { activeOn, anyDay } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { focusAlpha, withAlpha } from "./layer-style";
import type { CrossingMarker, NodeMarker } from "./link-geometry";

/**
 * The places, larger for more links (by `degreeScale`, see `nodeDegreeScale`) and for the
 * selected one; places on no active link (`activeNodes`) in the idle colour.
 */
export function buildNodes(
  keep: KeepLayer,
  frame: LayerFrame,
  nodes: readonly NodeMarker[],
  degreeScale: number,
  selectedNode: string,
  activeNodes: ReadonlySet<string>,
): Layer {
  const { parameters, theme, palette } = frame;
  return keep(
    "nodes",
    [nodes, parameters, theme, selectedNode, activeNodes],
    () =>
      new ScatterplotLayer<NodeMarker>({
        id: "nodes",
        parameters,
        data: nodes,
        getPosition: (d) => d.node.coordinates as [number, number],
        getRadius: (d) =>
          (d.node.id === selectedNode ? 3 : 0) + 3.5 + Math.sqrt(d.degree) * degreeScale,
        radiusUnits: "pixels",
        stroked: true,
        getFillColor: (d) =>
          withAlpha(activeNodes.has(d.node.id) ? palette.node : palette.nodeIdle, 255),
        getLineColor: (d) =>
          withAlpha(d.node.id === selectedNode ? palette.selected : palette.nodeStroke, 255),
        lineWidthUnits: "pixels",
        getLineWidth: (d) => (d.node.id === selectedNode ? 3 : 1.5),
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 120],
        updateTriggers: {
          getFillColor: [theme, activeNodes],
          getLineColor: [theme, selectedNode],
          getLineWidth: selectedNode,
          getRadius: selectedNode,
        },
      }),
  );
}

/** Where the `crossings`' links cross a border, on the date (or on both dates, to `compare`). */
export function buildCrossings(
  keep: KeepLayer,
  frame: LayerFrame,
  crossings: readonly CrossingMarker[],
  compare: CompareSets | null,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  return keep(
    "crossings",
    [crossings, parameters, theme, focusLinks, compare, day, frame.warmUp],
    () =>
      new ScatterplotLayer<CrossingMarker>({
        id: "crossings",
        parameters,
        data: linksToDraw(frame, crossings),
        visible: drawsLinks(frame, crossings),
        getPosition: (d) => d.position as [number, number],
        getRadius: 4.5,
        radiusUnits: "pixels",
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
