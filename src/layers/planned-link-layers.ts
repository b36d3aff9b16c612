/**
 * Links on the date that are planned — announced, not yet in service: thin and dashed in their
 * kind's colour, still (no flow runs through a cable not yet lit). Pickable, so hover and a click
 * work as on the links in service. A cable planned until its ready-for-service date is drawn here
 * until the day before, and with the links in service from that day (see `plannedDays`).
 */
import type { Layer } from "@deck.gl/core";
import type { PathStyleExtensionProps } from "@deck.gl/extensions";
import { PathLayer } from "@deck.gl/layers";
import type { KeepLayer } from "./layer-cache";
import { activeOn, DASHES, INTERVAL_FILTER } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { drawnWidth, focusAlpha, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";

/** Dash and gap, in widths of the line: short dashes, longer than the satellite hops' gaps. */
const PLANNED_DASHES: [number, number] = [2.5, 2];

/** The `planned` segments, on the date (the same GPU day filter as the links in service). */
export function buildPlannedLinks(
  keep: KeepLayer,
  frame: LayerFrame,
  planned: readonly LinkSegment[],
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  return keep(
    "links-planned",
    [planned, parameters, theme, focusLinks, day, frame.warmUp, frame.lineScale],
    () =>
      new PathLayer<LinkSegment, PathStyleExtensionProps<LinkSegment>>({
        id: "links-planned",
        parameters,
        data: linksToDraw(frame, planned),
        visible: drawsLinks(frame, planned),
        getPath: (d) => d.path,
        getColor: (d) => withAlpha(palette.links[d.link.kind], focusAlpha(focusLinks, d, 225)),
        getWidth: drawnWidth,
        widthScale: frame.lineScale,
        widthUnits: "pixels",
        widthMinPixels: 1,
        jointRounded: true,
        pickable: true,
        ...activeOn(day),
        extensions: [INTERVAL_FILTER, DASHES],
        getDashArray: PLANNED_DASHES,
        dashJustified: true,
        // A thin dashed line is mostly gap: the pointer on a gap is on the link too.
        dashGapPickable: true,
        updateTriggers: { getColor: [theme, focusLinks] },
      }),
  );
}
