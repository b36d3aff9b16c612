/** Links disrupted by an outage or attack in progress: wider, in the alarm colour, pulsing. */
import type { Layer } from "@deck.gl/core";
import { PathLayer } from "@deck.gl/layers";
import { disruptionPulse } from "./flow-timing";
import type { KeepLayer } from "./layer-cache";
import { activeOn } from "./layer-extensions";
import { drawsLinks, type LayerFrame, linksToDraw } from "./layer-frame";
import { BASE_WIDTH_PX, focusAlpha, linkWidth, withAlpha } from "./layer-style";
import type { LinkSegment } from "./link-geometry";

/**
 * The `disrupted` segments, pulsing with `time` while the flow animates. The pulse only changes
 * `widthScale` and `opacity`; with no disrupted links it is left out of what the layer is built
 * from, so the empty layer is kept from frame to frame.
 */
export function buildDisruptedLinks(
  keep: KeepLayer,
  frame: LayerFrame,
  disrupted: readonly LinkSegment[],
  animate: boolean,
  time: number,
): Layer {
  const { parameters, theme, palette, focusLinks, day } = frame;
  const pulse = disruptionPulse(time, animate);
  return keep(
    "links-disrupted",
    [
      disrupted,
      parameters,
      theme,
      focusLinks,
      day,
      frame.warmUp,
      disrupted.length > 0 ? pulse : 0,
      frame.lineScale,
      frame.smoothEdges,
    ],
    () =>
      new PathLayer<LinkSegment>({
        id: "links-disrupted",
        parameters,
        data: linksToDraw(frame, disrupted),
        visible: drawsLinks(frame, disrupted),
        getPath: (d) => d.path,
        getColor: (d) => withAlpha(palette.disrupted, focusAlpha(focusLinks, d, 235)),
        getWidth: (d) => linkWidth(d) * BASE_WIDTH_PX * 1.4,
        widthUnits: "pixels",
        widthScale: (1 + 0.8 * pulse) * frame.lineScale,
        opacity: 0.55 + 0.45 * pulse,
        capRounded: true,
        jointRounded: true,
        antialiasing: frame.smoothEdges,
        pickable: true,
        ...activeOn(day),
        updateTriggers: { getColor: [theme, focusLinks] },
      }),
  );
}
