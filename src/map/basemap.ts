/**
 * The offline basemap: Natural Earth countries (the `world-atlas` package) turned into GeoJSON that
 * MapLibre can draw, and a MapLibre style around it that needs no network at all. Its parts:
 * the data (`basemap-data.ts`, made planar-safe by `basemap-antimeridian.ts` on the plane of
 * `basemap-planar.ts`; country shapes and labels in `basemap-country-*.ts`), the tiled form the
 * app loads (`basemap-tiled.ts`) and the style with its themes (`basemap-style.ts`).
 *
 * scripts/lib/basemap-plugin.ts loads this module by its path when the app is built: what it
 * reads from it is exported here.
 */
export type { CountryLabel } from "../layers/country-label";
export { type BasemapData, buildBasemapData } from "./basemap-data";
export {
  BASEMAP_PALETTES,
  type BasemapPalette,
  basemapThemePaint,
  buildBasemapStyle,
  type ThemeName,
} from "./basemap-style";
export {
  BASEMAP_TILE_LAYERS,
  type Basemap,
  type TiledBasemap,
  withTilesFrom,
} from "./basemap-tiled";
