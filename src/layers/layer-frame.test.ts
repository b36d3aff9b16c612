import { describe, expect, it } from "vitest";
import { buildLayerFrame, drawsLinks, layerParameters, linksToDraw } from "./layer-frame";
import { DATA_PALETTES } from "./palette";

const input = (warmUp?: boolean) => ({
  theme: "light" as const,
  projection: "mercator" as const,
  day: 15_000,
  focusLinks: null,
  ...(warmUp === undefined ? {} : { warmUp }),
});

describe("layerParameters", () => {
  it("hands out the same objects for a projection on every call (deck.gl compares them by identity)", () => {
    expect(layerParameters("globe")).toBe(layerParameters("globe"));
    expect(layerParameters("mercator")).toBe(layerParameters("mercator"));
  });

  it("on the globe, draws over the sphere without writing depth, and text on both faces", () => {
    const { parameters, textParameters } = layerParameters("globe");
    expect(parameters).toEqual({ depthCompare: "always", depthWriteEnabled: false });
    expect(textParameters).toEqual({ ...parameters, cullMode: "none" });
  });

  it("on a flat map, changes nothing", () => {
    const { parameters, textParameters } = layerParameters("mercator");
    expect(parameters).toEqual({});
    expect(textParameters).toBe(parameters);
  });
});

describe("buildLayerFrame", () => {
  it("takes the theme's palette and the projection's parameters, and the warm-up as given", () => {
    const frame = buildLayerFrame(input());
    expect(frame.palette).toBe(DATA_PALETTES.light);
    expect(frame.parameters).toBe(layerParameters("mercator").parameters);
    expect(frame.warmUp).toBeUndefined();
    expect(buildLayerFrame(input(false)).warmUp).toBe(false);
  });
});

describe("linksToDraw and drawsLinks", () => {
  it("in the warm-up, draw every layer, without its links", () => {
    const frame = buildLayerFrame(input(true));
    expect(linksToDraw(frame, [1, 2])).toEqual([]);
    expect(drawsLinks(frame, [])).toBe(true);
  });

  it("after it, draw the links, and hide a layer with none", () => {
    const frame = buildLayerFrame(input());
    const links = [1, 2];
    expect(linksToDraw(frame, links)).toBe(links);
    expect(drawsLinks(frame, links)).toBe(true);
    expect(drawsLinks(frame, [])).toBe(false);
  });
});
