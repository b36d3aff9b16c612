/**
 * The basemap cut into vector tiles once, when the app is built. Drawing GeoJSON, MapLibre's
 * worker would index the whole world in every browser at start-up (seconds of CPU with software
 * rendering on a small machine) before cutting the first tile; tiles made here need only reading.
 *
 * The cut is the one MapLibre makes of a GeoJSON source (geojson-vt, the same relative tolerance),
 * down to `maxzoom`; beyond it MapLibre scales the deepest tiles, which hold all the detail the
 * 1:50m source has at that scale.
 */
import { GeoJSONVT } from "@maplibre/geojson-vt";
import { fromGeojsonVt } from "@maplibre/vt-pbf";
import type { BasemapData } from "../../src/map/basemap";

/** Units across a tile. */
const EXTENT = 4096;

/**
 * Every tile with anything in it, from zoom 0 to `maxzoom`, by "z/x/y": a layer for each of
 * `layers` (`BASEMAP_TILE_LAYERS`, passed in so that the Vite configuration, which loads this
 * module, imports no app code).
 */
export function cutBasemapTiles(
  data: BasemapData,
  maxzoom: number,
  layers: readonly ("countries" | "borders" | "coastlines")[],
): Map<string, Uint8Array> {
  const indexes = layers.map(
    (layer) =>
      [
        layer,
        new GeoJSONVT(data[layer], {
          maxZoom: maxzoom,
          indexMaxZoom: maxzoom,
          indexMaxPoints: 0,
          extent: EXTENT,
          // As MapLibre's GeoJSON sources: 0.375 px of a 512-px tile; a buffer of 8 px for lines.
          tolerance: (0.375 * EXTENT) / 512,
          buffer: 64,
        }),
      ] as const,
  );
  const tiles = new Map<string, Uint8Array>();
  for (let z = 0; z <= maxzoom; z++) {
    const n = 2 ** z;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        const layers = Object.fromEntries(
          indexes.flatMap(([layer, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length > 0 ? [[layer, tile]] : [];
          }),
        );
        if (Object.keys(layers).length > 0)
          tiles.set(`${z}/${x}/${y}`, fromGeojsonVt(layers, { version: 2, extent: EXTENT }));
      }
    }
  }
  return tiles;
}
