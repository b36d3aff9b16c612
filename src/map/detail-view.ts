/**
 * Level of detail (see `detail-camera.ts`): only datasets with many vertices need it, so it is
 * loaded apart, and not at all for the others. `?detail=full` in the address turns it off (the
 * bench compares the two).
 */
import type { DrawDetail } from "../layers/detail/link-detail";
import type { LinkGeometry } from "../layers/link-geometry";
import type { DetailCamera, DetailCameraDeps } from "./detail-camera";

/** Datasets whose active paths have fewer vertices are drawn whole: it costs less than choosing. */
export const DETAIL_AFTER = 20_000;

/** Vertices of the distinct parts of `geometry`'s active segments. */
function activeVertices(geometry: LinkGeometry): number {
  const seen = new Set<Float64Array>();
  let vertices = 0;
  for (const segment of geometry.segments) {
    if (seen.has(segment.ground)) continue;
    seen.add(segment.ground);
    vertices += segment.ground.length >> 1;
  }
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

/** The level of detail for `deps.geometry`, if it needs one; `search`: `location.search` by default. */
export function createDetailView(
  deps: DetailCameraDeps & { readonly search?: string },
): DetailView {
  let camera: DetailCamera | null = null;
  let disposed = false;
  const ready = needsDetail(deps.geometry, deps.search ?? location.search)
    ? import("./detail-camera")
        .then(async (m) => {
          const detail = await m.loadLinkDetail(deps.geometry);
          if (!disposed) camera = m.createDetailCamera(deps, detail);
        })
        // Whole paths then: slower frames, the same picture (the first frame waits for this).
        .catch((error: unknown) => console.warn("level of detail unavailable:", error))
    : Promise.resolve();
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
