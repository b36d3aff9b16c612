/**
 * Compare mode's links, in place of the links of one date: gone since date A (dashed), new by
 * date B (wide) and kept (thin). Three styles that differ in more than colour.
 */
import type { Layer } from "@deck.gl/core";
import type { PathStyleExtensionProps } from "@deck.gl/extensions";
import { PathLayer } from "@deck.gl/layers";
import type { ComparedSegments } from "./compare-data";
import { DASHES } from "./layer-extensions";
import { type LayerFrame, linksToDraw } from "./layer-frame";
import { BASE_WIDTH_PX, focusAlpha, linkWidth, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";
import type { RGB } from "./palette";

function buildCompareLayer(
  frame: LayerFrame,
  id: string,
  data: readonly LinkSegment[],
  color: RGB,
  width: number,
  dashed: boolean,
): Layer {
  const { parameters, theme, focusLinks } = frame;
  return new PathLayer<LinkSegment, PathStyleExtensionProps<LinkSegment>>({
    id,
    parameters,
    data: linksToDraw(frame, data),
    getPath: (d) => d.path,
    getColor: (d) => withAlpha(color, focusAlpha(focusLinks, d, 240)),
    getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * width,
    widthUnits: "pixels",
    widthMinPixels: 1.5,
    capRounded: !dashed,
    jointRounded: true,
    antialiasing: frame.smoothEdges,
    getDashArray: [4, 2.5],
    dashJustified: true,
    extensions: dashed ? [DASHES] : [],
    // Highlighted whole on hover (see `buildHoverHighlight`).
    pickable: true,
    updateTriggers: { getColor: [theme, focusLinks] },
  });
}

/** The three layers, bottom to top: kept, gone, new. Built anew on every call. */
export function buildCompareLayers(frame: LayerFrame, compared: ComparedSegments): Layer[] {
  const { compare } = frame.palette;
  return [
    buildCompareLayer(frame, "compare-both", compared.both, compare.both, 0.8, false),
    buildCompareLayer(frame, "compare-only-a", compared.onlyA, compare.onlyA, 1.1, true),
    buildCompareLayer(frame, "compare-only-b", compared.onlyB, compare.onlyB, 1.4, false),
  ];
}
