/** The names on the map: countries' (below the links) and places' (beside their points, on top). */
import type { Layer } from "@deck.gl/core";
import { TextLayer } from "@deck.gl/layers";
import type { CountryLabel } from "./country-label";
import { type LabelSide, labelOffset } from "./label-placement";
import { placeLabelText } from "./label-text";
import type { KeepLayer } from "./layer-cache";
import type { LayerFrame } from "./layer-frame";
import { withAlpha } from "./layer-style";
import type { NodeMarker } from "./link-geometry";

const LABEL_FONT_FAMILY = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif";
// Compared by identity from one frame to the next, as `parameters` are (see layer-frame.ts).
const LABEL_FONT = { sdf: true, fontSize: 48, buffer: 6 };
const NO_GAPS: ReadonlyMap<string, number> = new Map();
const TEXT_ANCHOR = { right: "start", left: "end", above: "middle", below: "middle" } as const;
const BASELINE = { right: "center", left: "center", above: "bottom", below: "top" } as const;

/** A country name's size in pixels: larger for larger countries. */
export const countryLabelSize = (d: Pick<CountryLabel, "area">): number =>
  Math.max(10, Math.min(15, 9 + Math.log10(1 + d.area * 4000) * 2.2));

/**
 * About how wide a country's name is drawn, in pixels: capitals of DejaVu Sans and its like, in
 * semi-bold, run about 0.9 em.
 */
export const countryLabelWidth = (d: Pick<CountryLabel, "area" | "name">): number =>
  d.name.length * countryLabelSize(d) * 0.9 + 6;

/** Country names, larger for larger countries. */
export function buildCountryLabels(
  keep: KeepLayer,
  frame: LayerFrame,
  labels: readonly CountryLabel[],
): Layer {
  const { textParameters, theme, palette } = frame;
  return keep(
    "country-labels",
    [labels, theme, textParameters],
    () =>
      new TextLayer<CountryLabel>({
        id: "country-labels",
        parameters: textParameters,
        data: labels,
        getPosition: (d) => d.position as [number, number],
        getText: (d) => d.name.toUpperCase(),
        getSize: countryLabelSize,
        getColor: withAlpha(palette.countryLabel, 200),
        fontFamily: LABEL_FONT_FAMILY,
        fontWeight: 600,
        characterSet: "auto",
        updateTriggers: { getColor: theme },
      }),
  );
}

/**
 * The names of the `labelled` places on the side of their point `sides` gives; places on no
 * active link (`activeNodes`) fainter.
 */
export function buildNodeLabels(
  keep: KeepLayer,
  frame: LayerFrame,
  labelled: readonly NodeMarker[],
  sides: ReadonlyMap<string, LabelSide>,
  activeNodes: ReadonlySet<string>,
  gaps: ReadonlyMap<string, number> = NO_GAPS,
): Layer {
  const { textParameters, theme, palette } = frame;
  return keep(
    "node-labels",
    [labelled, sides, textParameters, theme, activeNodes, gaps],
    () =>
      new TextLayer<NodeMarker>({
        id: "node-labels",
        parameters: textParameters,
        data: labelled,
        getPosition: (d) => d.node.coordinates as [number, number],
        getText: (d) => placeLabelText(d.node),
        getSize: 13,
        getColor: (d) => withAlpha(palette.label, activeNodes.has(d.node.id) ? 255 : 150),
        getPixelOffset: (d) => {
          const gap = gaps.get(d.node.id) ?? 10;
          return labelOffset(sides.get(d.node.id), gap);
        },
        getTextAnchor: (d) => TEXT_ANCHOR[sides.get(d.node.id) ?? "right"],
        getAlignmentBaseline: (d) => BASELINE[sides.get(d.node.id) ?? "right"],
        fontFamily: LABEL_FONT_FAMILY,
        fontWeight: 600,
        fontSettings: LABEL_FONT,
        outlineWidth: 4,
        outlineColor: withAlpha(palette.labelHalo, 255),
        characterSet: "auto",
        updateTriggers: {
          getColor: [theme, activeNodes],
          getPixelOffset: [sides, gaps],
          getTextAnchor: sides,
          getAlignmentBaseline: sides,
          outlineColor: theme,
        },
      }),
  );
}
