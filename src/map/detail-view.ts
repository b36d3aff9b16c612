/**
 * Level of detail (see `detail-camera.ts`): only datasets with many vertices need it, so it is
 * loaded apart, and not at all for the others. `?detail=full` in the address turns it off (the
 * bench compares the two).
 */
import type { DrawDetail, LinkDetail } from "../layers/detail/link-detail";
import type { LinkGeometry } from "../layers/link-geometry";
import type { DetailCamera, DetailCameraDeps } from "./detail-camera";
import { dropDetailWorker } from "./detail-worker-start";
import { lazyModule } from "./lazy-module";

/** Datasets whose active paths have fewer vertices are drawn whole: it costs less than choosing. */
export const DETAIL_AFTER = 20_000;

/** Each geometry's count of `activeVertices`, once counted. */
const counted = new WeakMap<LinkGeometry, number>();

/**
 * Vertices of the distinct parts of `geometry`'s active segments. Counted once per geometry
 * (50 ms at 100,000 links): the level of detail and the map view both ask, as the dataset opens.
 */
export function activeVertices(geometry: LinkGeometry): number {
  let vertices = counted.get(geometry);
  if (vertices !== undefined) return vertices;
  const seen = new Set<Float64Array>();
  vertices = 0;
  for (const segment of geometry.segments) {
    if (seen.has(segment.ground)) continue;
    seen.add(segment.ground);
    vertices += segment.ground.length >> 1;
  }
  counted.set(geometry, vertices);
  return vertices;
}

/**
 * Whether `geometry` is drawn with a level of detail: large enough, and the address (its
 * `search`) does not turn it off.
 */
export const needsDetail = (geometry: LinkGeometry, search: string): boolean =>
  new URLSearchParams(search).get("detail") !== "full" && activeVertices(geometry) > DETAIL_AFTER;

export interface DetailView {
  /**
   * Settles once the level of detail is in and `current` has its first answer (at once without),
   * or it could not be loaded or built (then `current` stays `undefined`: whole paths). Never
   * rejects.
   */
  readonly ready: Promise<unknown>;
  /** What the flow layer draws now; `undefined` before the level of detail is in, or without it. */
  current(): DrawDetail | undefined;
  /** The camera or the projection changed: check now (`settled`: the camera has stopped). */
  update(settled?: boolean): void;
  dispose(): void;
}

/**
 * Catalog datasets of this many links or more fetch the level of detail's code while their data
 * downloads (a catalog entry counts links, not vertices): the world's submarine cables, about 500
 * links with 37,000 vertices, need it; the curated datasets, a dozen links, do not.
 */
export const PREFETCH_DETAIL_LINKS = 200;

/**
 * Catalog datasets of this many links or more start the level of detail's worker while their data
 * downloads (see `detail-worker-start.ts`): theirs may be large enough to be computed there (a
 * catalog entry counts links, not vertices; the worker is stopped if it is not).
 */
export const DETAIL_WORKER_LINKS = 20_000;

/**
 * The level of detail's code, fetched while a large dataset downloads (`open-catalog.ts`), so
 * that it is in when `loadDetail` asks: asked for only then, it came 1.3–2.2 s later at
 * 10,000–100,000 links.
 */
export const detailCode = lazyModule(() => import("./detail-camera"));

/** Each geometry's level of detail, being built or built (`null`: it needs none, or failed). */
const loads = new WeakMap<LinkGeometry, Promise<LinkDetail | null>>();

/**
 * Starts building `geometry`'s level of detail, if it needs one (`search`: `location.search` by
 * default), and returns what `createDetailView` will take; called again, the same build. Called
 * as soon as the geometry is made, before the panels and the map: a large dataset's first frame
 * waits for it. Started with the map view, it was in 0.2–0.6 s after the map had loaded, at
 * 10,000 links.
 */
export function loadDetail(geometry: LinkGeometry, search = location.search) {
  let load = loads.get(geometry);
  if (!load) {
    if (!needsDetail(geometry, search)) {
      dropDetailWorker();
      load = Promise.resolve(null);
    } else {
      // With the code in, the build starts now (its worker is sent the paths at once).
      load = detailCode
        .with((m) => m.loadLinkDetail(geometry))
        .catch((error: unknown) => {
          // Whole paths then: slower frames, the same picture (the first frame waits for this).
          console.warn("level of detail unavailable:", error);
          // Its code did not load: the worker started ahead would wait for nothing.
          dropDetailWorker();
          return null;
        });
    }
    loads.set(geometry, load);
  }
  return load;
}

/** The level of detail for `deps.geometry`, if it needs one (see `loadDetail`). */
export function createDetailView(
  deps: DetailCameraDeps & { readonly search?: string },
): DetailView {
  let camera: DetailCamera | null = null;
  let disposed = false;
  const load = loadDetail(deps.geometry, deps.search);
  const ready = load
    .then(async (detail) => {
      if (!detail || disposed) return;
      await detailCode.with((m) => {
        if (!disposed) camera = m.createDetailCamera(deps, detail);
      });
    })
    .catch((error: unknown) => console.warn("level of detail unavailable:", error));
  return {
    ready,
    current: () => camera?.current(),
    update: (settled) => camera?.update(settled),
    dispose() {
      disposed = true;
      camera?.dispose();
    },
  };
}
