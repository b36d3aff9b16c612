/**
 * The MapLibre map of the app's offline basemap: made early (before the dataset is read, see
 * `prepareMap`), or when the map view mounts, and placed for the dataset.
 */
import { Map as MapLibreMap, type MapOptions, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { Topology } from "../model/schema";
import type { Camera, ProjectionName, ThemeName } from "../state/store";
import { showCredits } from "./attribution-control";
import { type Basemap, buildBasemapStyle } from "./basemap";
import { cameraOptions, datasetBounds } from "./camera";
import { type Credit, datasetCredits } from "./dataset-credit";
import { paintTheme } from "./theme";

setWorkerUrl(workerUrl);

/** The camera of a map placed before any dataset: the world, until the dataset frames itself. */
const WORLD_VIEW = { center: [10, 25] as [number, number], zoom: 1 };

/** Width in CSS pixels of the whole world in Web Mercator at zoom 0 (MapLibre's tile size). */
const WORLD_PX_AT_ZOOM_0 = 512;

/** A map made before its dataset is known (see `prepareMap`). */
export interface PreparedMap {
  readonly map: MapLibreMap;
  /** The theme its basemap was made in. */
  readonly theme: ThemeName;
  /** Whether its style is in (MapLibre's `style.load` event has fired). */
  styled(): boolean;
  /** Whether its style and first tiles are in (MapLibre's `load` event has fired). */
  loaded(): boolean;
}

/**
 * A map of the app's basemap in `container`, placed at `camera`, crediting the basemap and
 * `credits` (a dataset's; see `showCredits`). Throws without WebGL2.
 */
function createMap(
  container: HTMLElement,
  basemap: Basemap,
  theme: ThemeName,
  camera: Partial<MapOptions>,
  credits: readonly Credit[],
): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: buildBasemapStyle(basemap, theme),
    ...camera,
    attributionControl: false,
    canvasContextAttributes: { antialias: true, preserveDrawingBuffer: true },
    maxPitch: 60,
    // Let image export reach 4× (MapLibre lowers this to the GPU's own limit).
    maxCanvasSize: [16384, 16384],
    renderWorldCopies: true,
  });
  showCredits(map, credits);
  return map;
}

/**
 * Starts the basemap before the dataset is read: MapLibre's start (its worker cutting the
 * countries into tiles, its shaders) then overlaps downloading and checking the dataset, instead
 * of following them. It opens at `camera` (a permalink's), else at the whole world, so a shared
 * view does not show the world first. `setupMapView` takes the map over. `null` where no map can
 * be made (no WebGL2): `setupMapView` then says why.
 */
export function prepareMap(
  container: HTMLElement,
  basemap: Basemap,
  theme: ThemeName,
  camera?: Camera,
): PreparedMap | null {
  let map: MapLibreMap;
  try {
    map = createMap(container, basemap, theme, camera ? cameraOptions(camera) : WORLD_VIEW, []);
  } catch {
    return null;
  }
  let styled = false;
  let loaded = false;
  map.once("style.load", () => {
    styled = true;
  });
  map.once("load", () => {
    loaded = true;
  });
  return { map, theme, styled: () => styled, loaded: () => loaded };
}

export interface OpenMapOptions {
  readonly topology: Topology;
  readonly basemap: Basemap;
  readonly theme: ThemeName;
  readonly projection: ProjectionName;
  /** The view to open at; `null`: the dataset, framed within `padding`. */
  readonly camera: Camera | null;
  readonly padding: { top: number; right: number; bottom: number; left: number };
  /** Presenting: the camera's centre is the middle of the part of the map `padding` leaves. */
  readonly present?: boolean;
}

/**
 * The map for a dataset: `prepared` taken over (recoloured, placed and crediting the dataset), or
 * a new one in `container`. A message saying why where the browser can make none.
 */
export function openMap(
  container: HTMLElement,
  options: OpenMapOptions,
  prepared?: PreparedMap | null,
): MapLibreMap | { failure: string } {
  const { topology, camera, padding } = options;
  let map: MapLibreMap;
  if (prepared) {
    map = prepared.map;
    showCredits(map, datasetCredits(topology));
    if (prepared.theme !== options.theme) paintTheme(map, options.theme);
    if (camera) map.jumpTo(cameraOptions(camera));
    else map.fitBounds(datasetBounds(topology), { padding, maxZoom: 6, duration: 0 });
  } else {
    try {
      map = createMap(
        container,
        options.basemap,
        options.theme,
        camera
          ? cameraOptions(camera)
          : { bounds: datasetBounds(topology), fitBoundsOptions: { padding, maxZoom: 6 } },
        datasetCredits(topology),
      );
    } catch (error) {
      return {
        failure: `This browser gives the page no WebGL2, which drawing the map needs. The timeline, the list of active links and their details still work; to see the map, turn on hardware acceleration or try another browser. (${firstSentence((error as Error).message)})`,
      };
    }
  }
  if (!camera) fillWidthWithOneWorld(map, options.projection);
  // A story step opened from an address: its places clear of the caption, as a step moved to is.
  else if (options.present) map.jumpTo({ ...cameraOptions(camera), padding });
  return map;
}

/**
 * A dataset that spans the world is framed, padded for the panels, at a zoom where the world is
 * narrower than the map: flat Mercator then shows two or three copies of it side by side (and
 * deck.gl draws every layer once for each). Zoom in until one world fills the map's width; the
 * data's edges then lie under the panels, where a reader can pan to them.
 */
function fillWidthWithOneWorld(map: MapLibreMap, projection: ProjectionName): void {
  if (projection !== "mercator") return;
  const fill = Math.log2(map.getContainer().clientWidth / WORLD_PX_AT_ZOOM_0);
  if (map.getZoom() < fill) map.jumpTo({ zoom: fill });
}

/** The first sentence of a library's message, which is enough to search for. */
const firstSentence = (message: string) => message.split(/(?<=\.)\s/)[0] ?? message;
