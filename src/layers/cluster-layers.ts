/**
 * Clusters of places (see `place-clusters.ts`): a disc sized by how many places it holds, in the
 * places' colour (idle when none of them is on an active link), with the count written on it; and
 * the bundles of logical links between them (see `bundles.ts`).
 */
import type { Layer } from "@deck.gl/core";
import { PathLayer, ScatterplotLayer, TextLayer } from "@deck.gl/layers";
import { bundleWidth, type LinkBundle } from "./bundles";
import type { KeepLayer } from "./layer-cache";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { withAlpha } from "./layer-style";
import type { PlaceCluster } from "./place-clusters";
import { clusterRadius } from "./places-view";

const COUNT_FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
// Compared by identity from one frame to the next (see layer-frame.ts).
const COUNT_FONT = { sdf: true, fontSize: 40, buffer: 4 };

/** The cluster discs; picked to zoom in on (the map splits them) and described on hover. */
export function buildClusters(
  keep: KeepLayer,
  frame: LayerFrame,
  clusters: readonly PlaceCluster[],
  activeNodes: ReadonlySet<string>,
  radiusScale = 1,
): Layer {
  const { parameters, theme, palette } = frame;
  const active = (c: PlaceCluster) => c.members.some((d) => activeNodes.has(d.node.id));
  return keep(
    "clusters",
    [clusters, parameters, theme, activeNodes, radiusScale],
    () =>
      new ScatterplotLayer<PlaceCluster>({
        id: "clusters",
        parameters,
        data: clusters,
        visible: clusters.length > 0,
        getPosition: (d) => d.position as [number, number],
        getRadius: (d) => clusterRadius(d.members.length, radiusScale),
        radiusUnits: "pixels",
        stroked: true,
        getFillColor: (d) => withAlpha(active(d) ? palette.node : palette.nodeIdle, 215),
        getLineColor: withAlpha(palette.nodeStroke, 255),
        lineWidthUnits: "pixels",
        getLineWidth: 1.5,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
        updateTriggers: {
          getFillColor: [theme, activeNodes],
          getLineColor: theme,
          getRadius: radiusScale,
        },
      }),
  );
}

/** The number of places written on each cluster. */
export function buildClusterCounts(
  keep: KeepLayer,
  frame: LayerFrame,
  clusters: readonly PlaceCluster[],
): Layer {
  const { textParameters, theme, palette } = frame;
  return keep(
    "cluster-counts",
    [clusters, textParameters, theme],
    () =>
      new TextLayer<PlaceCluster>({
        id: "cluster-counts",
        parameters: textParameters,
        data: clusters,
        visible: clusters.length > 0,
        getPosition: (d) => d.position as [number, number],
        getText: (d) => String(d.members.length),
        getSize: (d) => (d.members.length >= 100 ? 10 : 11),
        getColor: withAlpha(palette.nodeStroke, 255),
        fontFamily: COUNT_FONT_FAMILY,
        fontWeight: 700,
        fontSettings: COUNT_FONT,
        characterSet: "0123456789",
        getTextAnchor: "middle",
        getAlignmentBaseline: "center",
        updateTriggers: { getColor: theme },
      }),
  );
}

/** Bundles of logical links between clusters: one line each, as wide as it holds links. */
export function buildBundleLines(
  keep: KeepLayer,
  frame: LayerFrame,
  bundles: readonly LinkBundle[],
): Layer {
  const { parameters, theme, palette } = frame;
  return keep(
    "bundles",
    [bundles, parameters, theme, frame.warmUp],
    () =>
      new PathLayer<LinkBundle>({
        id: "bundles",
        parameters,
        data: linksToDraw(frame, bundles),
        visible: drawsLinks(frame, bundles),
        getPath: (d) => d.path,
        positionFormat: "XY",
        getColor: withAlpha(palette.links.peering, 190),
        getWidth: (d) => bundleWidth(d.links.length),
        widthUnits: "pixels",
        capRounded: true,
        pickable: true,
        autoHighlight: true,
        highlightColor: [255, 255, 255, 90],
        updateTriggers: { getColor: theme },
      }),
  );
}
