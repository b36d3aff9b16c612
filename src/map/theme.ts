/** The basemap's colours for a theme. */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { ThemeName } from "../state/store";
import { basemapThemePaint } from "./basemap";

/** Recolours the basemap: only paint changes, so the (large, inline) sources stay where they are. */
export function paintTheme(map: MapLibreMap, theme: ThemeName): void {
  for (const [layer, property, value] of basemapThemePaint(theme)) {
    map.setPaintProperty(layer, property as Parameters<MapLibreMap["setPaintProperty"]>[1], value);
  }
}
