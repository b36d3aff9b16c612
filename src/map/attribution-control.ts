/**
 * The map's attribution control: the basemap's credit, and once a dataset is open, the dataset's
 * (see `dataset-credit.ts`). The control is made anew when the credits change: MapLibre's takes
 * its custom attribution once, when made.
 */
import { AttributionControl, type Map as MapLibreMap } from "maplibre-gl";
import { BASEMAP_CREDIT, type Credit, creditHtml } from "./dataset-credit";

/** The control each map shows, to replace it when the credits change. */
const shown = new WeakMap<MapLibreMap, AttributionControl>();

/** Shows the basemap's credit and `credits` (a dataset's) in `map`'s attribution control. */
export function showCredits(map: MapLibreMap, credits: readonly Credit[]): void {
  const previous = shown.get(map);
  if (previous) map.removeControl(previous);
  const control = new AttributionControl({
    compact: false,
    customAttribution: [...credits.map(creditHtml), BASEMAP_CREDIT],
  });
  map.addControl(control);
  shown.set(map, control);
}
