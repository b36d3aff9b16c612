/** The selected link's casing: a wider line in the selection colour, drawn below the links. */
import type { Layer } from "@deck.gl/core";
import { PathLayer } from "@deck.gl/layers";
import type { CompareSets } from "./layer-builder-input";
import type { KeepLayer } from "./layer-cache";
import { activeOn, anyDay } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { BASE_WIDTH_PX, linkWidth, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";

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
        getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX + 6,
        widthUnits: "pixels",
        capRounded: true,
        jointRounded: true,
        ...(compare ? anyDay() : activeOn(day)),
        updateTriggers: { getColor: theme },
      }),
  );
}
