/**
 * The map's attribution control: the basemap's credit, and once a dataset is open, the dataset's
 * (see `dataset-credit.ts`). The control is made anew when the credits change: MapLibre's takes
 * its custom attribution once, when made.
 *
 * Where it sits: at the bottom right, above the timeline, with the legend stacked above it (the
 * legend reads `--attrib-h`, the height the credits take, kept here). On a phone the credits fold
 * into MapLibre's ⓘ button, which opens them: written out they would cross the narrow map.
 */
import { AttributionControl, type Map as MapLibreMap } from "maplibre-gl";
import { BASEMAP_CREDIT, type Credit, creditHtml } from "./dataset-credit";

/** The phone layout's breakpoint (style.css's). */
const PHONE_MEDIA = "(max-width: 700px)";

/** The control each map shows, to replace it when the credits change. */
const shown = new WeakMap<MapLibreMap, AttributionControl>();
/** What keeps `--attrib-h` up to date for each map. */
const measured = new WeakMap<MapLibreMap, ResizeObserver>();

/** Shows the basemap's credit and `credits` (a dataset's) in `map`'s attribution control. */
export function showCredits(map: MapLibreMap, credits: readonly Credit[]): void {
  const previous = shown.get(map);
  if (previous) map.removeControl(previous);
  const phone = window.matchMedia(PHONE_MEDIA).matches;
  const control = new AttributionControl({
    compact: phone,
    customAttribution: [...credits.map(creditHtml), BASEMAP_CREDIT],
  });
  map.addControl(control);
  shown.set(map, control);
  const element = map.getContainer().querySelector<HTMLElement>(".maplibregl-ctrl-attrib");
  // MapLibre opens a compact control at first, until the map is dragged: on a phone it opens on
  // a tap only, so it never lies over the panels unasked.
  if (phone && element?.classList.contains("maplibregl-compact-show")) {
    element.classList.remove("maplibregl-compact-show");
    element.removeAttribute("open");
  }
  measure(map);
}

/** Keeps `--attrib-h` (on the page's root) the height of `map`'s bottom-right controls. */
function measure(map: MapLibreMap) {
  if (measured.has(map) || typeof ResizeObserver === "undefined") return;
  const corner = map.getContainer().querySelector<HTMLElement>(".maplibregl-ctrl-bottom-right");
  if (!corner) return;
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    if (corner.isConnected) root.style.setProperty("--attrib-h", `${corner.offsetHeight}px`);
  });
  observer.observe(corner);
  measured.set(map, observer);
  map.once("remove", () => observer.disconnect());
}
