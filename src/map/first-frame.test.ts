import type { Layer } from "@deck.gl/core";
import { describe, expect, it } from "vitest";
import type { LayerGroups } from "../layers/build-layers";
import type { DeckSurfaces, Stack } from "./deck-surfaces";
import { createFirstFrame } from "./first-frame";

/** A stand-in layer: only its identity and `clone` matter to the staging. */
const layer = (id: string): Layer => {
  const made = {
    id,
    props: { visible: true },
    clone: (props: { visible: boolean }) => ({ ...made, props }),
  };
  return made as unknown as Layer;
};

/** Surfaces that record what they were asked, in order; programs link when `link()` is called. */
function recordingSurfaces() {
  const calls: string[] = [];
  const applied: Record<Stack, readonly Layer[]> = { under: [], flow: [], over: [] };
  const withLinks: Record<Stack, boolean> = { under: false, flow: false, over: false };
  const linkWaiters: (() => void)[] = [];
  const names = (layers: readonly Layer[]) =>
    layers.map((l) => `${l.id}${l.props.visible === false ? "(hidden)" : ""}`).join(",");
  const surfaces: DeckSurfaces = {
    mountOverlaid: () => {},
    mountInterleaved: () => {},
    compile(stacks, groups) {
      for (const stack of stacks) {
        applied[stack] = groups[stack];
        calls.push(`compile ${stack}: ${names(groups[stack])}`);
      }
    },
    stage(groups) {
      calls.push(`stage: ${names(groups.flow)} | ${names(groups.over)}`);
    },
    linked: () => new Promise((resolve) => linkWaiters.push(resolve)),
    applied: (stack) => applied[stack],
    drawAll() {
      withLinks.under = withLinks.flow = withLinks.over = true;
      calls.push("draw all");
    },
    apply: (_groups, mapLoaded) => calls.push(`apply (map loaded: ${mapLoaded})`),
    drawNow: () => {},
    withLinks: (stack) => withLinks[stack],
    pick: () => null,
    matchCanvas: () => {},
    canvases: () => [],
    singleSampled: false,
    dispose: () => {},
  };
  const link = async () => {
    for (const resolve of linkWaiters.splice(0)) resolve();
    await settle();
  };
  return { surfaces, calls, link };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Labels stay the same objects between calls; the links are new with each build. */
const labels = layer("labels");
const layersFor = (warm?: boolean): LayerGroups => ({
  under: warm ? [labels] : [labels, layer("links")],
  flow: warm ? [] : [layer("pulse")],
  over: warm ? [layer("nodes")] : [layer("nodes"), layer("selected")],
});

/**
 * The first frame of `surfaces` on a map that has loaded, with no one waiting for it to be ready,
 * frames that come at once, and the links ready when `linksReady` settles (at once without).
 */
const loadedFirstFrame = (surfaces: DeckSurfaces, linksReady?: Promise<unknown>) =>
  createFirstFrame({
    surfaces,
    layers: layersFor,
    mapLoaded: () => true,
    onReady: () => {},
    nextFrame: () => Promise.resolve(),
    ...(linksReady ? { linksReady } : {}),
  });

describe("createFirstFrame", () => {
  it("compiles every surface without links, stages the links, and draws only once the map has loaded", async () => {
    const { surfaces, calls, link } = recordingSurfaces();
    let loaded = false;
    let ready = 0;
    const first = createFirstFrame({
      surfaces,
      layers: layersFor,
      mapLoaded: () => loaded,
      onReady: () => ready++,
      nextFrame: () => Promise.resolve(),
    });
    first.started("flow");
    first.started("over");
    first.started("under");
    await settle();
    await link();
    expect(calls).toEqual([
      "compile under: labels",
      "compile flow: ",
      "compile over: nodes",
      "stage: pulse | nodes,selected",
      "compile under: labels,links(hidden)",
    ]);
    expect(calls).not.toContain("draw all");
    loaded = true;
    first.loaded();
    expect(calls.slice(-2)).toEqual(["apply (map loaded: true)", "draw all"]);
    expect(ready).toBe(0);
  });

  it("is ready once every surface has drawn with the links, and says so once", async () => {
    const { surfaces, link } = recordingSurfaces();
    let ready = 0;
    const first = createFirstFrame({
      surfaces,
      layers: layersFor,
      mapLoaded: () => true,
      onReady: () => ready++,
      nextFrame: () => Promise.resolve(),
    });
    first.drawn("under");
    for (const stack of ["flow", "over", "under"] as const) first.started(stack);
    await settle();
    await link();
    await link();
    expect(first.ready()).toBe(false);
    first.drawn("under");
    first.drawn("flow");
    expect(first.ready()).toBe(false);
    first.drawn("over");
    first.drawn("over");
    expect(first.ready()).toBe(true);
    expect(ready).toBe(1);
  });

  it("hands layers over only after the warm-up: staged first, then applied", async () => {
    const { surfaces, calls, link } = recordingSurfaces();
    const first = loadedFirstFrame(surfaces);
    first.render();
    expect(calls).toEqual([]);
    for (const stack of ["flow", "over", "under"] as const) first.started(stack);
    await settle();
    calls.length = 0;
    first.render();
    expect(calls).toEqual(["stage: pulse | nodes,selected"]);
    await link();
    await link();
    calls.length = 0;
    first.render();
    expect(calls).toEqual(["apply (map loaded: true)"]);
  });

  it("takes no further step once disposed", async () => {
    const { surfaces, calls, link } = recordingSurfaces();
    const first = loadedFirstFrame(surfaces);
    first.started("flow");
    first.started("over");
    first.dispose();
    await settle();
    await link();
    expect(calls).toEqual([]);
  });

  it("compiles the overlaid surfaces at once but stages no link until the links may be drawn", async () => {
    const { surfaces, calls, link } = recordingSurfaces();
    let linksIn: () => void = () => {};
    const first = loadedFirstFrame(
      surfaces,
      new Promise<void>((resolve) => {
        linksIn = resolve;
      }),
    );
    for (const stack of ["flow", "over", "under"] as const) first.started(stack);
    await settle();
    await link();
    await link();
    first.render();
    // Without links: compiled, nothing staged, nothing drawn.
    expect(calls).toEqual(["compile under: labels", "compile flow: ", "compile over: nodes"]);
    linksIn();
    await settle();
    expect(calls.slice(3)).toEqual([
      "stage: pulse | nodes,selected",
      "compile under: labels,links(hidden)",
      "apply (map loaded: true)",
      "draw all",
    ]);
  });
});
