/**
 * Level of detail for the camera: which level of the links' paths the flow layer draws and which
 * box of the map (the view and a margin round it) it draws the parts of. The level follows the
 * zoom and the screen's pixel ratio. The box is queried again only when the view leaves it (during
 * a pan, checking costs a comparison) or, once the camera settles, when it is much larger than the
 * view (after zooming in); so a pan re-uploads links only now and then, a step at a time.
 *
 * Loaded with `layers/detail` (see `detail-view.ts`), for large datasets only.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { LonLatBox } from "../layers/detail/box-index";
import {
  computeDetailArrays,
  type DetailArrays,
  type DetailSource,
} from "../layers/detail/detail-arrays";
import { detailLevel } from "../layers/detail/levels";
import { buildLinkDetail, type DrawDetail, type LinkDetail } from "../layers/detail/link-detail";
import type { LinkGeometry } from "../layers/link-geometry";
import type { AppStore } from "../state/store";
import { dropDetailWorker, takeDetailWorker } from "./detail-worker-start";

/** The box queried is the view widened by this share of its size on each side. */
const MARGIN = 0.25;
/** Once the camera settles, a box more than this many times the margin's area is queried again. */
const LOOSE_AREA = 4;
/** On a globe zoomed out this far, the view is most of a hemisphere: every part is drawn. */
const GLOBE_CULL_ZOOM = 3;

/** `view` widened by MARGIN on each side; `null` when that spans the whole world. */
export function widen(view: LonLatBox): LonLatBox | null {
  const [west, south, east, north] = view;
  const dx = (east - west) * MARGIN;
  const dy = (north - south) * MARGIN;
  const box: LonLatBox = [
    west - dx,
    Math.max(-90, south - dy),
    east + dx,
    Math.min(90, north + dy),
  ];
  if (box[2] - box[0] >= 360) {
    if (box[1] <= -90 && box[3] >= 90) return null;
    return [-180, box[1], 180 + 360, box[3]];
  }
  return box;
}

/** Whether `outer` holds `inner`, whole worlds apart or not. */
export function holds(outer: LonLatBox, inner: LonLatBox): boolean {
  if (inner[1] < outer[1] || inner[3] > outer[3]) return false;
  if (outer[2] - outer[0] >= 360) return true;
  const shift = Math.round((outer[0] - inner[0]) / 360) * 360;
  for (const k of [shift - 360, shift, shift + 360]) {
    if (inner[0] + k >= outer[0] && inner[2] + k <= outer[2]) return true;
  }
  return false;
}

const area = (box: LonLatBox) => (box[2] - box[0]) * (box[3] - box[1]);

export interface DetailCameraDeps {
  readonly map: MapLibreMap;
  /** Its projection: on a globe zoomed out, every part is drawn. */
  readonly store: AppStore;
  readonly geometry: LinkGeometry;
  /** Device pixels per CSS pixel; `window.devicePixelRatio` by default. */
  readonly pixelRatio?: () => number;
  /** The level or the box changed: the layers are built again. */
  readonly onChange: () => void;
}

export interface DetailCamera {
  /** What the flow layer draws now. */
  current(): DrawDetail;
  /** The camera or the projection changed: check now (`settled`: the camera has stopped). */
  update(settled?: boolean): void;
  dispose(): void;
}

/** The map's view, in degrees; `null` when it shows (nearly) the whole world. */
function viewBox(map: MapLibreMap, globe: boolean): LonLatBox | null {
  if (globe && map.getZoom() < GLOBE_CULL_ZOOM) return null;
  const bounds = map.getBounds();
  const west = bounds.getWest();
  const east = bounds.getEast();
  if (!Number.isFinite(west) || !Number.isFinite(east) || east <= west) return null;
  return [west, bounds.getSouth(), east, bounds.getNorth()];
}

/**
 * Sources of up to this many vertices are computed here: at 10,000 links (320,000 vertices) about
 * 160 ms. A worker would leave the page's main thread to start the map, but its answer waits for
 * a turn of that thread, busy then: at 10,000 links it came up to 0.3 s after the links could
 * have been staged. Larger sources are computed in a worker, started while the data downloaded
 * (see `detail-worker-start.ts`): at 100,000 links, the main thread is spared most of a second.
 * Computed here, they wait for a task of their own: the session's setup goes on to start the map
 * view, whose surfaces then get their GPU contexts made while this runs, not after it (at 10,000
 * links, 0.1–0.2 s sooner to the first frame in alternated loads).
 */
const HERE_UP_TO = 1_000_000;

/**
 * The arrays of `source()`, computed in a worker if it is large; here if the browser cannot start
 * one or it fails. `hereUpTo`: the most vertices computed here.
 */
export function computeArrays(
  source: () => DetailSource,
  hereUpTo = HERE_UP_TO,
): Promise<DetailArrays> {
  const sent = source();
  if (sent.grounds.length >> 1 <= hereUpTo) {
    dropDetailWorker();
    return new Promise((resolve) => setTimeout(() => resolve(computeDetailArrays(sent))));
  }
  // The source sent is transferred (emptied): made again for here.
  const here = () => computeDetailArrays(source());
  let worker: Worker;
  try {
    worker = takeDetailWorker();
  } catch {
    return Promise.resolve(computeDetailArrays(sent));
  }
  return new Promise<DetailArrays>((resolve) => {
    const done = (arrays: DetailArrays) => {
      worker.terminate();
      resolve(arrays);
    };
    worker.onmessage = (event: MessageEvent<DetailArrays>) => done(event.data);
    worker.onerror = () => done(here());
    worker.postMessage(sent, [sent.grounds.buffer]);
  });
}

/** `geometry`'s level of detail, its arrays computed in a worker if large. */
export const loadLinkDetail = (geometry: LinkGeometry): Promise<LinkDetail> =>
  buildLinkDetail(geometry, computeArrays);

/** Follows the camera with `detail`, `deps.geometry`'s level of detail. */
export function createDetailCamera(deps: DetailCameraDeps, detail: LinkDetail): DetailCamera {
  const { map } = deps;
  const pixelRatio = deps.pixelRatio ?? (() => window.devicePixelRatio || 1);
  let drawn: DrawDetail | null = null;

  const choose = (settled: boolean): DrawDetail => {
    const level = detail.simplifies
      ? detailLevel(map.getZoom(), pixelRatio(), map.getPitch())
      : null;
    const view = viewBox(map, deps.store.getState().projection === "globe");
    const wide = view ? widen(view) : null;
    let box = drawn?.box ?? null;
    const stale =
      !drawn ||
      (box === null) !== (wide === null) ||
      (box !== null && view !== null && !holds(box, view)) ||
      (settled && box !== null && wide !== null && area(box) > LOOSE_AREA * area(wide));
    if (stale) box = wide;
    return drawn && !stale && drawn.level === level ? drawn : detail.view(level, box);
  };
  drawn = choose(false);
  const update = (settled = false) => {
    const next = choose(settled);
    if (next === drawn) return;
    drawn = next;
    deps.onChange();
  };
  const moved = () => update(false);
  const settled = () => update(true);
  map.on("move", moved);
  map.on("moveend", settled);

  return {
    current: () => drawn as DrawDetail,
    update,
    dispose() {
      map.off("move", moved);
      map.off("moveend", settled);
    },
  };
}
