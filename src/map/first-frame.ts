/**
 * The steps before the map's first frame with the links, and the moment the map is ready.
 *
 * Once every surface can take layers, each gets all the layers it will draw, without the links,
 * and compiles their shaders, with nothing drawn. A layer compiled after the links were given to
 * the GPU would wait (in a synchronous WebGL call) for the GPU to finish them: with software WebGL
 * at 100,000 links, half a minute. Then the first frame.
 *
 * The overlaid surfaces do not wait for the map: they are on it from the start, and as soon as
 * both can take layers they compile theirs and, once the links may be drawn (a large dataset's
 * level of detail is in, computed meanwhile), take the links (staged: computed and uploaded, not
 * drawn), while MapLibre loads the basemap's tiles. Their attributes are filled and uploaded while
 * the GPU links their programs (in parallel): waiting for the links first left the page idle, and
 * at 100,000 links the fill takes over half a second. The interleaved surface joins as soon as the
 * map has its style, and compiles its layers (drawn in the map's frames, they show no links yet).
 * Once the map has loaded, every surface draws with the links.
 */
import type { LayerGroups } from "../layers/build-layers";
import { afterFrame } from "./after-frame";
import { type DeckSurfaces, OVERLAID, STACKS, type Stack } from "./deck-surfaces";

export interface FirstFrameDeps {
  readonly surfaces: DeckSurfaces;
  /** The layers for the view state now; `warm`: every layer, without the links. */
  readonly layers: (warm?: boolean) => LayerGroups;
  /** Whether the map has loaded (its style and first tiles are in). */
  readonly mapLoaded: () => boolean;
  /** Called once, after every surface has drawn with the links. */
  readonly onReady: () => void;
  /** Resolves after the browser's next frame (see `afterFrame`). */
  readonly nextFrame?: () => Promise<void>;
  /**
   * Settles once the layers may take the links (a large dataset's level of detail is in): until
   * then the overlaid surfaces compile theirs without them, and stage nothing.
   */
  readonly linksReady?: Promise<unknown>;
}

export interface FirstFrame {
  /** A surface can take layers (see `SurfaceEvents.onStart`). */
  started(stack: Stack): void;
  /** The map has loaded: the first frame may come. */
  loaded(): void;
  /** A surface has drawn a frame. */
  drawn(stack: Stack): void;
  /** Hands the surfaces the layers for the view state now: drawn once warm, staged before. */
  render(): void;
  /** Whether every surface has drawn with the links. */
  ready(): boolean;
  dispose(): void;
}

export function createFirstFrame(deps: FirstFrameDeps): FirstFrame {
  const { surfaces, nextFrame = () => afterFrame(window) } = deps;
  let disposed = false;
  let ready = false;
  /** The surfaces whose deck.gl has its GPU device, and so can take layers. */
  const started = new Set<Stack>();
  /** Whether every surface has compiled its layers; nothing is drawn before. */
  let warmedUp = false;
  /** Whether the overlaid surfaces have their layers. */
  let overlaidWarm = false;
  /** Whether the layers may take the links (see `linksReady`). */
  let linksIn = false;
  /** Whether the overlaid surfaces hold the links (see `stage`), and so take every change. */
  let overlaidStaged = false;
  /** Whether they are about to. */
  let overlaidWarming = false;
  /** Whether their shader programs are linked. */
  let overlaidLinked = false;
  /** Whether the interleaved surface has compiled its layers, or is about to. */
  let underWarm = false;
  let underWarming = false;
  /** Whether it holds its links, not drawn. */
  let underStaged = false;
  /** The surfaces still to draw, after the warm-up, before the map is ready. */
  const toDraw = new Set<Stack>(STACKS);
  void (deps.linksReady ?? Promise.resolve()).then(() => {
    linksIn = true;
    if (!disposed) step();
  });

  const render = () => {
    if (warmedUp) surfaces.apply(deps.layers(), deps.mapLoaded());
    else if (overlaidStaged) surfaces.stage(deps.layers());
  };

  const stageOverlaid = () => {
    overlaidStaged = true;
    surfaces.stage(deps.layers());
  };

  const warmOverlaid = () => {
    overlaidWarming = true;
    // Each step is long on a large dataset: the map draws a frame before each (see `afterFrame`).
    nextFrame()
      .then(() => {
        if (disposed) return;
        surfaces.compile(OVERLAID, deps.layers(true));
        overlaidWarm = true;
        step();
        return surfaces.linked(OVERLAID);
      })
      .then(() => {
        if (disposed) return;
        overlaidLinked = true;
        step();
      });
  };

  const warmUnder = () => {
    underWarming = true;
    surfaces.compile(["under"], deps.layers(true));
    surfaces.linked(["under"]).then(() => {
      underWarm = true;
      if (!disposed) step();
    });
  };

  /**
   * The interleaved surface takes its links, its layers that hold them hidden: drawn now, they
   * would be in each of the map's frames until the first. Their attributes are filled by then,
   * and showing them costs nothing.
   */
  const stageUnder = () => {
    underStaged = true;
    const { under } = deps.layers();
    const applied = surfaces.applied("under");
    const hidden = under.map((layer) =>
      applied.includes(layer) ? layer : layer.clone({ visible: false }),
    );
    surfaces.compile(["under"], { under: hidden, flow: [], over: [] });
  };

  /** Takes every step that can be taken now. */
  const step = () => {
    if (!overlaidWarming && OVERLAID.every((stack) => started.has(stack))) warmOverlaid();
    if (!underWarming && started.has("under")) warmUnder();
    if (!overlaidStaged && overlaidWarm && linksIn) stageOverlaid();
    if (!underStaged && underWarm && overlaidStaged) stageUnder();
    if (warmedUp || !deps.mapLoaded() || !overlaidLinked || !overlaidStaged || !underWarm) return;
    warmedUp = true;
    render();
    surfaces.drawAll();
  };

  return {
    started(stack) {
      started.add(stack);
      step();
    },
    loaded: step,
    drawn(stack) {
      // Once every surface has drawn with the links, the map is ready.
      if (!deps.mapLoaded() || ready || !surfaces.withLinks(stack)) return;
      toDraw.delete(stack);
      if (toDraw.size > 0) return;
      ready = true;
      deps.onReady();
    },
    render,
    ready: () => ready,
    dispose() {
      disposed = true;
    },
  };
}
