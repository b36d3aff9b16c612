/** The basemap as the app loads it: tiles cut when the app is built, or the data inline. */
import type { CountryLabel } from "../layers/country-label";
import type { BasemapData } from "./basemap-data";

/** The layers of the basemap's vector tiles (see `TiledBasemap`), named as `BasemapData`'s collections. */
export const BASEMAP_TILE_LAYERS = ["countries", "borders", "coastlines"] as const;

/**
 * The basemap as the app draws it: `BasemapData`'s collections cut into vector tiles when the app
 * is built (scripts/lib/basemap-plugin.ts), one tile holding a layer for each (`BASEMAP_TILE_LAYERS`).
 */
export interface TiledBasemap {
  /** The tiles' address, `{z}`, `{x}` and `{y}` standing for a tile's zoom and position. */
  tiles: string;
  /** The deepest zoom cut; MapLibre enlarges its tiles beyond. */
  maxzoom: number;
  labels: CountryLabel[];
}

/** A basemap the style can draw: its data inline, or cut into tiles. */
export type Basemap = BasemapData | TiledBasemap;

/**
 * `basemap` with its tiles' address, written relative to the file it was read from (`url`),
 * made absolute, as MapLibre needs. The `{z}`, `{x}` and `{y}` placeholders are kept as they are.
 */
export function withTilesFrom(basemap: TiledBasemap, url: string): TiledBasemap {
  const at = basemap.tiles.indexOf("{");
  const folder = at < 0 ? basemap.tiles : basemap.tiles.slice(0, at);
  const rest = at < 0 ? "" : basemap.tiles.slice(at);
  return { ...basemap, tiles: `${new URL(folder, url).href}${rest}` };
}
