/**
 * (geometry, view state, clock) → deck.gl layers. Data arrays and accessors are stable, so the
 * date, the flow phase and the pulse only change uniforms: moving the slider rebuilds no buffer.
 * Each family of layers is built in a module of its own; this one stacks them.
 */
import type { Layer } from "@deck.gl/core";
import { buildDashedLinks, buildSolidLinks } from "./active-link-layers";
import type { LinkBundle } from "./bundles";
import { buildBundleLines, buildClusterCounts, buildClusters } from "./cluster-layers";
import { buildCompareLayers } from "./compare-layers";
import { buildDisruptedLinks } from "./disrupted-links-layer";
import { buildLinkGhosts, buildLinkGlow } from "./fading-link-layers";
import { buildCountryLabels, buildNodeLabels } from "./label-layers";
import type { LayerInput } from "./layer-builder-input";
import { createLayerCache } from "./layer-cache";
import { createLayerData } from "./layer-data";
import { buildLayerFrame } from "./layer-frame";
import type { LinkSegment } from "./link-geometry";
import { buildCrossings, buildNodes } from "./marker-layers";
import type { PlaceCluster } from "./place-clusters";
import { buildPlannedLinks } from "./planned-link-layers";
import { buildHoverHighlight, buildSelectionCasing } from "./selection-layer";

export { FLOW_PERIOD_S } from "./flow-timing";
export type { CompareSets, LayerInput } from "./layer-builder-input";
export { BASE_WIDTH_PX } from "./layer-style";
export { nodeDegreeScale } from "./node-degree";

const NO_SEGMENTS: readonly LinkSegment[] = [];
const NO_CLUSTERS: readonly PlaceCluster[] = [];
const NO_BUNDLES: readonly LinkBundle[] = [];

/**
 * The layers in three stacks, bottom to top, each drawn on a surface of its own (src/map): `flow`
 * holds the layers that change while the flow animates (and compare mode's links), so an animation
 * frame redraws them alone; `under` is drawn into the basemap, below them; `over` above them. The
 * map picks on `flow` and `over` only: what the pointer must find (planned links too) is there.
 */
export interface LayerGroups {
  readonly under: Layer[];
  readonly flow: Layer[];
  readonly over: Layer[];
}

/**
 * Builds the layers. Keeps small caches keyed by input identity, so callers may call it every
 * frame: derived data (the disrupted segments, say) is recomputed only when its input changes,
 * and a layer whose inputs are all the same is the same instance as last time (`createLayerCache`).
 */
export function createLayerBuilder(): (input: LayerInput) => LayerGroups {
  const keep = createLayerCache();
  const deriveData = createLayerData();

  return function buildLayers(input: LayerInput): LayerGroups {
    const data = deriveData(input);
    const frame = buildLayerFrame(input);
    const { compare, animate, time, fadeDays } = input;
    // The same layers on every frame, whatever they draw (see `linksToDraw`): only entering or
    // leaving compare mode changes the set.
    const under: Layer[] = [
      buildCountryLabels(keep, frame, input.countryLabels),
      buildSelectionCasing(keep, frame, data.selected, compare),
    ];
    let flow: Layer[];
    if (compare) {
      flow = buildCompareLayers(frame, data.compared);
    } else {
      const solid = buildSolidLinks(keep, frame, data.drawn, animate, time);
      const dashed = buildDashedLinks(keep, frame, data.dashed, animate);
      under.push(
        buildLinkGhosts(keep, frame, data.retiring, fadeDays),
        dashed,
        buildLinkGlow(keep, frame, data.appearing, fadeDays),
      );
      flow = [solid, buildDisruptedLinks(keep, frame, data.disrupted, animate, time)];
    }
    const selectedNode = input.selection?.kind === "node" ? input.selection.id : "";
    const places = input.places;
    const over: Layer[] = [
      // Thin and still: above the links in service rather than in the flow's stack, which every
      // animation frame redraws.
      buildPlannedLinks(keep, frame, compare ? NO_SEGMENTS : data.planned),
      buildBundleLines(keep, frame, compare ? NO_BUNDLES : data.bundles),
      buildHoverHighlight(keep, frame, data.hovered, compare),
      buildCrossings(
        keep,
        frame,
        compare ? data.comparedCrossings : data.crossings,
        compare,
        places?.radiusScale,
      ),
      buildClusters(
        keep,
        frame,
        places?.clusters ?? NO_CLUSTERS,
        input.activeNodes,
        places?.radiusScale,
      ),
      buildNodes(keep, frame, places?.nodes ?? input.geometry.nodes, {
        degreeScale: data.degreeScale,
        selectedNode,
        linkPlaces: data.linkPlaces,
        activeNodes: input.activeNodes,
        radiusScale: places?.radiusScale ?? 1,
      }),
      buildClusterCounts(keep, frame, places?.clusters ?? NO_CLUSTERS),
      buildNodeLabels(
        keep,
        frame,
        places?.labelled ?? data.labelled,
        input.labelSides,
        input.activeNodes,
        places?.labelGaps,
      ),
    ];
    return { under, flow, over };
  };
}
