/**
 * The links active on the date: solid ones carrying the animated flow, and satellite hops dashed.
 * Data arrays and accessors are stable, so the date and the flow phase only change uniforms.
 */
import type { Layer } from "@deck.gl/core";
import type { PathStyleExtensionProps } from "@deck.gl/extensions";
import { PathLayer } from "@deck.gl/layers";
import { LINK_KINDS } from "../model/schema";
import { FlowPathsByKind } from "./flow-path-layer";
import { flowPhase } from "./flow-timing";
import type { KeepLayer } from "./layer-cache";
import { activeOn, DASHES, INTERVAL_FILTER } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { BASE_WIDTH_PX, focusAlpha, linkWidth, withAlpha } from "./layer-style";
import { FLOW_SPAN, KIND_WIDTH, type LinkSegment } from "./link-geometry";
import { wholeRange } from "./packed-paths";

/** Active links are drawn a little translucent while they animate, so the flow stands out. */
const activeAlpha = (animate: boolean) => (animate ? 190 : 235);

/** What the links active on the date share, drawn solid or dashed. */
function activeLinkProps(frame: LayerFrame, animate: boolean) {
  const { parameters, palette, focusLinks, theme, day } = frame;
  const alpha = activeAlpha(animate);
  return {
    parameters,
    getPath: (d: LinkSegment) => d.path,
    getColor: (d: LinkSegment) =>
      withAlpha(palette.links[d.link.kind], focusAlpha(focusLinks, d, alpha)),
    getWidth: (d: LinkSegment) => linkWidth(d) * BASE_WIDTH_PX,
    widthUnits: "pixels" as const,
    // Thinner at a world view, where the lines read as a pattern (see `zoomScales`).
    widthScale: frame.lineScale,
    widthMinPixels: 0.6,
    // Highlighted whole on hover, all its parts (see `buildHoverHighlight`), not by deck.gl.
    pickable: true,
    ...activeOn(day),
    updateTriggers: { getColor: [theme, animate, focusLinks] },
  };
}

/**
 * The `solid` segments and their flow, at `time` on the animation clock. Solid links carry their
 * flow in the same pass. Satellite hops stay still: the flow's attributes and the dashes'
 * together pass WebGL's limit of 16 vertex attributes.
 */
export function buildSolidLinks(
  keep: KeepLayer,
  frame: LayerFrame,
  solid: readonly LinkSegment[],
  animate: boolean,
  time: number,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  const phase = flowPhase(time, animate);
  return keep(
    "links",
    [
      solid,
      parameters,
      theme,
      animate,
      focusLinks,
      day,
      frame.warmUp,
      phase,
      frame.lineScale,
      frame.smoothEdges,
    ],
    () => {
      const { getColor: _color, getWidth: _width, ...shared } = activeLinkProps(frame, animate);
      const alpha = activeAlpha(animate);
      return new FlowPathsByKind<LinkSegment>({
        id: "links",
        data: linksToDraw(frame, solid),
        pickable: true,
        kindOf: (d) => d.link.kind,
        intervalOf: (d) => d.filter,
        rangeOf: (d) => d.range ?? wholeRange(d.ground, d.timestamps),
        day,
        styles: Object.fromEntries(
          LINK_KINDS.map((kind) => {
            const color = palette.links[kind];
            return [
              kind,
              {
                getColor: focusLinks
                  ? (d: LinkSegment) => withAlpha(color, focusAlpha(focusLinks, d, alpha))
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
          antialiasing: frame.smoothEdges,
          fadeTrail: animate,
          trailLength: FLOW_SPAN * 0.45,
          currentTime: phase,
        },
      });
    },
  );
}

/** The `dashed` segments (satellite hops), still. */
export function buildDashedLinks(
  keep: KeepLayer,
  frame: LayerFrame,
  dashed: readonly LinkSegment[],
  animate: boolean,
): Layer {
  const { parameters, theme, focusLinks, day } = frame;
  return keep(
    "links-dashed",
    [dashed, parameters, theme, animate, focusLinks, day, frame.warmUp, frame.lineScale],
    () =>
      new PathLayer<LinkSegment, PathStyleExtensionProps<LinkSegment>>({
        ...activeLinkProps(frame, animate),
        id: "links-dashed",
        data: linksToDraw(frame, dashed),
        visible: drawsLinks(frame, dashed),
        extensions: [INTERVAL_FILTER, DASHES],
        getDashArray: [3, 2],
        dashJustified: true,
      }),
  );
}
