/**
 * Links around their change of state: those that just appeared glow, those that just retired
 * linger as ghosts, each fading over `fadeDays` as the date moves on.
 */
import type { Layer } from "@deck.gl/core";
import type { DataFilterExtensionProps } from "@deck.gl/extensions";
import { PathLayer } from "@deck.gl/layers";
import type { KeepLayer } from "./layer-cache";
import type { SegmentWindow } from "./layer-data";
import { EDGE_FILTER } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { BASE_WIDTH_PX, focusAlpha, linkWidth, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";

/** The ghosts of the links that retired within the last `fadeDays` (`retiring` by last day). */
export function buildLinkGhosts(
  keep: KeepLayer,
  frame: LayerFrame,
  retiring: SegmentWindow,
  fadeDays: number,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  const ghosts = retiring(day - fadeDays, day);
  return keep(
    "links-ghost",
    [ghosts, parameters, theme, focusLinks, day, fadeDays, frame.warmUp, frame.lineScale],
    () =>
      new PathLayer<LinkSegment, DataFilterExtensionProps<LinkSegment>>({
        id: "links-ghost",
        parameters,
        data: linksToDraw(frame, ghosts),
        visible: drawsLinks(frame, ghosts),
        getPath: (d) => d.path,
        getColor: (d) => withAlpha(palette.nodeIdle, focusAlpha(focusLinks, d, 200)),
        getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 0.6,
        widthScale: frame.lineScale,
        widthUnits: "pixels",
        extensions: [EDGE_FILTER],
        // Recently retired: the end lies within the last `fadeDays`; fades as the date moves on.
        getFilterValue: (d) => d.filter[1],
        filterRange: [day - fadeDays, day - 0.5],
        filterSoftRange: [day - 0.5, day - 0.5],
        updateTriggers: { getColor: [theme, focusLinks] },
      }),
  );
}

/** The glow of the links that appeared within the last `fadeDays` (`appearing` by first day). */
export function buildLinkGlow(
  keep: KeepLayer,
  frame: LayerFrame,
  appearing: SegmentWindow,
  fadeDays: number,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  const glowing = appearing(day - fadeDays, day + 0.5);
  return keep(
    "links-appearing",
    [glowing, parameters, theme, focusLinks, day, fadeDays, frame.warmUp, frame.lineScale],
    () =>
      new PathLayer<LinkSegment, DataFilterExtensionProps<LinkSegment>>({
        id: "links-appearing",
        parameters,
        data: linksToDraw(frame, glowing),
        visible: drawsLinks(frame, glowing),
        getPath: (d) => d.path,
        getColor: (d) => withAlpha(palette.links[d.link.kind], focusAlpha(focusLinks, d, 140)),
        getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 3,
        widthScale: frame.lineScale,
        widthUnits: "pixels",
        capRounded: true,
        extensions: [EDGE_FILTER],
        // Newly active: the start lies within the last `fadeDays`; the glow fades as time passes.
        getFilterValue: (d) => d.filter[0],
        filterRange: [day - fadeDays, day + 0.5],
        filterSoftRange: [day + 0.5, day + 0.5],
        updateTriggers: { getColor: [theme, focusLinks] },
      }),
  );
}
