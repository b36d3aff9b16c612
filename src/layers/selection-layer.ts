/**
 * The link picked and the link pointed at, each drawn whole — every part of its path, planned or
 * in service: the selected link's casing (a wider line in the selection colour, below the links)
 * and the hovered link's highlight (a light veil over it, above them). deck.gl's own highlight
 * lights only the object under the pointer: for a cable, one branch of many.
 */
import type { Layer } from "@deck.gl/core";
import { PathLayer } from "@deck.gl/layers";
import type { CompareSets } from "./layer-builder-input";
import type { KeepLayer } from "./layer-cache";
import { activeOn, anyDay } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { drawnWidth, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";

/** The veil over the hovered link: what deck.gl's `highlightColor` was on the links. */
const HOVER_COLOR: [number, number, number, number] = [255, 255, 255, 90];

/** The casing of `selected` on the date, or on both dates in compare mode. */
export function buildSelectionCasing(
  keep: KeepLayer,
  frame: LayerFrame,
  selected: readonly LinkSegment[],
  compare: CompareSets | null,
): Layer {
  const { parameters, theme, palette, day } = frame;
  return keep(
    "links-selected-casing",
    [selected, parameters, theme, compare, day, frame.warmUp],
    () =>
      new PathLayer<LinkSegment>({
        id: "links-selected-casing",
        parameters,
        data: linksToDraw(frame, selected),
        visible: drawsLinks(frame, selected),
        getPath: (d) => d.path,
        getColor: withAlpha(palette.selected, 230),
        getWidth: (d) => drawnWidth(d) + 6,
        widthUnits: "pixels",
        capRounded: true,
        jointRounded: true,
        ...(compare ? anyDay() : activeOn(day)),
        updateTriggers: { getColor: theme },
      }),
  );
}

/**
 * The highlight of `hovered` (the segments of the link under the pointer) on the date, or as
 * compare mode draws it. Not pickable: the pointer picks the links beneath.
 */
export function buildHoverHighlight(
  keep: KeepLayer,
  frame: LayerFrame,
  hovered: readonly LinkSegment[],
  compare: CompareSets | null,
): Layer {
  const { parameters, day } = frame;
  return keep(
    "links-hovered",
    [hovered, parameters, compare, day, frame.warmUp],
    () =>
      new PathLayer<LinkSegment>({
        id: "links-hovered",
        parameters,
        data: linksToDraw(frame, hovered),
        visible: drawsLinks(frame, hovered),
        getPath: (d) => d.path,
        getColor: HOVER_COLOR,
        getWidth: (d) => drawnWidth(d) + 1.5,
        widthUnits: "pixels",
        widthMinPixels: 2.5,
        capRounded: true,
        jointRounded: true,
        ...(compare ? anyDay() : activeOn(day)),
      }),
  );
}
