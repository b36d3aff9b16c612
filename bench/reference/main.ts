/**
 * The benchmark's reference page: the least a page must do to show the app's links. MapLibre with
 * the app's own offline basemap, one interleaved `MapLibreOverlay`, one bare `TripsLayer` filtered
 * on [start day, end day] by a `DataFilterExtension` (as the app filters), animated by
 * requestAnimationFrame. The topology is read with `JSON.parse` only, not checked; compact paths
 * (src/model/compact-path.ts, as bench/generate.ts writes them) are decoded with the app's own
 * decoder (which imports nothing but a number formatter), plain ones flattened; a path of several
 * parts (a cable's trunk and branches) is one trip per part.
 *
 * `?data=../data/<file>` names the topology; `?links=0` draws the basemap alone ("baseline");
 * `&view=ZOOM/LAT/LON` opens the map there rather than framing the data (the bench's regional view).
 * `document.documentElement.dataset.state` becomes "ready" after the first frame deck.gl draws
 * with the links; `window.__bench.setDay(day)` moves the filter to a day number, as a scrub does.
 */
import { DataFilterExtension, type DataFilterExtensionProps } from "@deck.gl/extensions";
import { TripsLayer } from "@deck.gl/geo-layers";
import { MapLibreOverlay } from "@deck.gl/maplibre";
import { Map as MapLibreMap, setWorkerUrl } from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import type { Topology as TopoJSON } from "topojson-specification";
import countriesUrl from "world-atlas/countries-50m.json?url";
import { buildBasemapData, buildBasemapStyle } from "../../src/map/basemap";
import { createCoordinateArena, decodeCompactPath } from "../../src/model/compact-path";

setWorkerUrl(workerUrl);

/** One part of a path, in either form. */
type StoredPart = [number, number][] | string;
/** A path: one part, or a list of parts. */
type StoredPath = StoredPart | StoredPart[];

/** What the page reads of a topology (the file is not validated: that is the app's work). */
interface LooseTopology {
  timeRange: [string, string];
  nodes: { coordinates: [number, number] }[];
  links: { path: StoredPath; active: { from: string; to: string | null }[] }[];
  /** Links column by column (src/model/link-table.ts): of its columns, only these two are drawn. */
  linkTable?: { path: StoredPath[]; active: number[][] };
}

/** The parts of a stored path: a list of parts has a string or a list of vertices first. */
const partsOf = (path: StoredPath): StoredPart[] =>
  typeof path !== "string" && (typeof path[0] === "string" || Array.isArray(path[0]?.[0]))
    ? (path as StoredPart[])
    : [path as StoredPart];

interface Trip {
  /** Interleaved lon, lat (`positionFormat: "XY"`). */
  path: Float64Array;
  timestamps: Float32Array;
  filter: [number, number];
}

/** The same constants the app's flow layer uses (src/layers), written out to stay independent. */
const OPEN_END_DAY = 1_000_000;
const FLOW_SPAN = 1000;
const FLOW_PERIOD_S = 2.4;
const WIDTH_PX = 4;
const COLOR: [number, number, number] = [140, 230, 255];
const FILTER = new DataFilterExtension({ filterSize: 2 });

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A link's path as interleaved longitudes and latitudes, from either form of the format. */
function coordinatesOf(path: StoredPart, allocate: (n: number) => Float64Array) {
  if (typeof path === "string") {
    const decoded = decodeCompactPath(path, { allocate });
    if (!decoded.coordinates) throw new Error(`bad compact path: ${decoded.problem}`);
    return decoded.coordinates;
  }
  const coordinates = allocate(path.length * 2);
  path.forEach(([lon, lat], i) => {
    coordinates[2 * i] = lon;
    coordinates[2 * i + 1] = lat;
  });
  return coordinates;
}

/** One trip per active interval of each link, as the app draws them. */
function tripsOf(topology: LooseTopology): Trip[] {
  const allocate = createCoordinateArena();
  // The trail runs by vertex index; paths of the same length share their timestamps.
  const timestampsByLength = new Map<number, Float32Array>();
  const timestampsOf = (vertices: number) => {
    let timestamps = timestampsByLength.get(vertices);
    if (!timestamps) {
      const last = Math.max(1, vertices - 1);
      timestamps = Float32Array.from({ length: vertices }, (_, i) => (i / last) * FLOW_SPAN);
      timestampsByLength.set(vertices, timestamps);
    }
    return timestamps;
  };
  const trips: Trip[] = [];
  const add = (stored: StoredPath, days: readonly (number | null)[]) => {
    for (const part of partsOf(stored)) {
      const path = coordinatesOf(part, allocate);
      const timestamps = timestampsOf(path.length / 2);
      for (let i = 0; i < days.length; i += 2) {
        trips.push({ path, timestamps, filter: [days[i] as number, days[i + 1] ?? OPEN_END_DAY] });
      }
    }
  };
  for (const link of topology.links) {
    add(
      link.path,
      link.active.flatMap((interval) => [
        dayOf(interval.from),
        interval.to === null ? null : dayOf(interval.to),
      ]),
    );
  }
  const table = topology.linkTable;
  table?.path.forEach((path, i) => {
    add(path, table.active[i] ?? []);
  });
  return trips;
}

function boundsOf(topology: LooseTopology | null): [[number, number], [number, number]] {
  const points = topology?.nodes.map((n) => n.coordinates) ?? [];
  if (points.length === 0)
    return [
      [-180, -60],
      [180, 75],
    ];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return JSON.parse(await response.text());
}

/** `ZOOM/LAT/LON` as MapLibre's camera options; `null` when absent. */
function viewOf(text: string | null): { zoom: number; center: [number, number] } | null {
  if (!text) return null;
  const [zoom, lat, lon] = text.split("/").map(Number);
  if (![zoom, lat, lon].every(Number.isFinite)) throw new Error(`invalid view: ${text}`);
  return { zoom: zoom as number, center: [lon as number, lat as number] };
}

async function start() {
  const params = new URLSearchParams(location.search);
  const dataUrl = params.get("links") === "0" ? null : params.get("data");
  const [world, topology] = await Promise.all([
    fetchJson(countriesUrl),
    dataUrl ? (fetchJson(dataUrl) as Promise<LooseTopology>) : Promise.resolve(null),
  ]);
  const basemap = buildBasemapData(world as TopoJSON);
  const trips = topology ? tripsOf(topology) : [];
  let day = topology ? dayOf(topology.timeRange[1]) : dayOf("2026-01-01");

  const view = viewOf(params.get("view"));
  const map = new MapLibreMap({
    container: "map",
    style: buildBasemapStyle(basemap, "dark"),
    ...(view ?? { bounds: boundsOf(topology), fitBoundsOptions: { padding: 40, maxZoom: 6 } }),
    canvasContextAttributes: { antialias: true },
  });

  let ready = false;
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers: [],
    onAfterRender: () => {
      if (!ready) {
        ready = true;
        document.documentElement.dataset.state = "ready";
      }
    },
  });

  const layer = (timeS: number) =>
    new TripsLayer<Trip, DataFilterExtensionProps<Trip>>({
      id: "trips",
      data: trips,
      positionFormat: "XY",
      getPath: (d) => d.path,
      getTimestamps: (d) => d.timestamps,
      getColor: COLOR,
      getWidth: WIDTH_PX,
      widthUnits: "pixels",
      widthMinPixels: 2,
      capRounded: true,
      jointRounded: true,
      fadeTrail: true,
      trailLength: FLOW_SPAN * 0.45,
      currentTime: ((timeS / FLOW_PERIOD_S) % 1) * FLOW_SPAN * 1.5,
      extensions: [FILTER],
      getFilterValue: (d: Trip) => d.filter,
      filterRange: [
        [-OPEN_END_DAY, day + 0.5],
        [day - 0.5, OPEN_END_DAY],
      ],
    });

  const draw = () => overlay.setProps({ layers: [layer(performance.now() / 1000)] });
  const animate = () => {
    draw();
    requestAnimationFrame(animate);
  };

  (window as unknown as { __bench: { setDay(day: number): void } }).__bench = {
    setDay(next: number) {
      day = next;
      draw();
    },
  };

  map.once("load", () => {
    map.addControl(overlay);
    animate();
  });
}

start().catch((error: unknown) => {
  document.documentElement.dataset.state = "error";
  document.body.textContent = error instanceof Error ? error.message : String(error);
});
