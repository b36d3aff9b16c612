/**
 * What every layer builder reads in a frame: the theme and its palette, the date, the focus, the
 * GPU parameters for the projection, and whether this is the warm-up. Made once per build.
 */
import type { LayerProps } from "@deck.gl/core";
import type { ProjectionName, ThemeName } from "../state/store";
import { DATA_PALETTES, type DataPalette } from "./palette";

/** GPU parameters of a layer (luma.gl's), as deck.gl's `parameters` prop takes them. */
export type LayerParameters = NonNullable<LayerProps["parameters"]>;

// Props that are objects are compared by identity from one frame to the next: a new object would
// make deck.gl update the layer (and a text layer rebuild its sublayers) on every frame.
const FLAT: LayerParameters = {};
const OVER_GLOBE: LayerParameters = { depthCompare: "always", depthWriteEnabled: false };
const TEXT_OVER_GLOBE: LayerParameters = { ...OVER_GLOBE, cullMode: "none" };
const GLOBE_PARAMETERS = { parameters: OVER_GLOBE, textParameters: TEXT_OVER_GLOBE };
const FLAT_PARAMETERS = { parameters: FLAT, textParameters: FLAT };

/**
 * `parameters` for lines and points, and for text, in a projection: the same objects for the
 * same projection. On the globe, lines lie on the sphere's surface and would z-fight with it:
 * they are drawn over it. deck.gl's GlobeView culls back faces by default, and text quads face
 * away: text draws both faces.
 */
export function layerParameters(projection: ProjectionName): {
  readonly parameters: LayerParameters;
  readonly textParameters: LayerParameters;
} {
  return projection === "globe" ? GLOBE_PARAMETERS : FLAT_PARAMETERS;
}

/** The inputs every layer of a frame shares; see `LayerInput` for each. */
export interface LayerFrame {
  readonly theme: ThemeName;
  readonly palette: DataPalette;
  readonly day: number;
  readonly focusLinks: ReadonlySet<string> | null;
  /** For lines and points (see `layerParameters`). */
  readonly parameters: LayerParameters;
  /** For text (see `layerParameters`). */
  readonly textParameters: LayerParameters;
  /** As given (`undefined` stays `undefined`): layers compare it by identity to rebuild. */
  readonly warmUp: boolean | undefined;
  /** How much the zoom scales the links' widths (see `zoomScales`); 1 when not given. */
  readonly lineScale: number;
  /** See `LayerInput.smoothEdges`: deck.gl's `antialiasing` for the flow's layers. */
  readonly smoothEdges: boolean;
}

/** The frame of one build. */
export function buildLayerFrame(input: {
  readonly theme: ThemeName;
  readonly projection: ProjectionName;
  readonly day: number;
  readonly focusLinks: ReadonlySet<string> | null;
  readonly warmUp?: boolean;
  readonly places?: { readonly lineScale: number } | undefined;
  readonly smoothEdges?: boolean;
}): LayerFrame {
  const { parameters, textParameters } = layerParameters(input.projection);
  return {
    theme: input.theme,
    palette: DATA_PALETTES[input.theme],
    day: input.day,
    focusLinks: input.focusLinks,
    parameters,
    textParameters,
    warmUp: input.warmUp,
    lineScale: input.places?.lineScale ?? 1,
    smoothEdges: input.smoothEdges ?? false,
  };
}

/**
 * The set of layers stays the same: a layer added later would compile its shaders while the GPU
 * is busy (see `LayerInput.warmUp`). So in the warm-up every layer is built without links and
 * drawn, and after it layers with nothing to draw are hidden, which costs no drawing.
 */
export const linksToDraw = <T>(frame: LayerFrame, data: readonly T[]): readonly T[] =>
  frame.warmUp ? [] : data;

/** Whether a layer of link data is drawn (see `linksToDraw`). */
export const drawsLinks = (frame: LayerFrame, data: readonly unknown[]): boolean =>
  Boolean(frame.warmUp) || data.length > 0;
