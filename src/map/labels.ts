/**
 * Which labels the map draws for its camera: country names that fit (larger countries first) and
 * place names beside their points, on the side where they collide least. Placed again as the
 * camera moves; the layers are rebuilt only when a placement changed.
 */
import { geoDistance } from "d3-geo";
import type { Map as MapLibreMap } from "maplibre-gl";
import { type LabelSide, placeCentredLabels, placeLabels } from "../layers/label-placement";
import type { LinkGeometry } from "../layers/link-geometry";
import type { AppStore } from "../state/store";
import type { Basemap, CountryLabel } from "./basemap";

/** Labels farther than this from the centre of the view (about 75°) are on the globe's far side. */
const FACING_RADIANS = (75 * Math.PI) / 180;
/** A country is named once its area (steradians × 4^zoom) is this large on screen. */
const COUNTRY_LABEL_MIN_SCREEN_AREA = 0.8;

export interface MapLabelsDeps {
  readonly map: MapLibreMap;
  readonly store: AppStore;
  readonly basemap: Basemap;
  readonly geometry: LinkGeometry;
  /** The places on the links drawn now: their labels come first. */
  readonly activeNodes: () => ReadonlySet<string>;
  /** The places of the selected link (a cable's landings): their labels come before all others. */
  readonly featured: () => ReadonlySet<string>;
  /** A placement changed. */
  readonly onChange: () => void;
}

export interface MapLabels {
  /** The country names to draw. */
  countryLabels(): readonly CountryLabel[];
  /** The place names to draw, and on which side of their point. */
  labelSides(): ReadonlyMap<string, LabelSide>;
  /** Places the country names for the camera now. */
  placeCountries(): void;
  /** Places the place names for the camera now. */
  placeNodes(): void;
  dispose(): void;
}

export function createMapLabels(deps: MapLabelsDeps): MapLabels {
  const { map, store, basemap, geometry } = deps;
  let countryLabels: readonly CountryLabel[] = basemap.labels;
  let labelSides: ReadonlyMap<string, LabelSide> = new Map();

  /** On the globe, labels are drawn over the sphere: keep only those on the side facing us. */
  const facing = (point: readonly number[]) => {
    if (store.getState().projection !== "globe") return true;
    const c = map.getCenter();
    return geoDistance([c.lng, c.lat], [point[0] ?? 0, point[1] ?? 0]) < FACING_RADIANS;
  };

  /** Country names that face us and fit without overlapping, larger countries first. */
  const placeCountries = () => {
    const zoom = map.getZoom();
    const candidates = basemap.labels
      .filter((l) => l.area * 4 ** zoom > COUNTRY_LABEL_MIN_SCREEN_AREA && facing(l.position))
      .map((l, i) => {
        const p = map.project(l.position);
        return {
          id: String(i),
          label: l,
          x: p.x,
          y: p.y,
          width: l.name.length * 8.5,
          height: 14,
          priority: l.area,
        };
      });
    const kept = placeCentredLabels(candidates);
    const next = candidates.filter((c) => kept.has(c.id)).map((c) => c.label);
    if (next.length !== countryLabels.length || next.some((l, i) => l !== countryLabels[i])) {
      countryLabels = next;
      deps.onChange();
    }
  };

  /** Re-places node labels for the current camera. */
  const placeNodes = () => {
    const activeNodes = deps.activeNodes();
    const featured = deps.featured();
    const next = placeLabels(
      geometry.nodes
        .filter((d) => d.node.kind !== "waypoint" && facing(d.node.coordinates))
        .map((d) => {
          const p = map.project(d.node.coordinates as [number, number]);
          const active = activeNodes.has(d.node.id);
          return {
            id: d.node.id,
            x: p.x,
            y: p.y,
            width: d.node.name.length * 7.6 + 4,
            height: 16,
            priority: d.degree + (active ? 100 : 0) + (featured.has(d.node.id) ? 100_000 : 0),
          };
        }),
    );
    const same =
      next.size === labelSides.size && [...next].every(([id, side]) => labelSides.get(id) === side);
    if (!same) {
      labelSides = next;
      deps.onChange();
    }
  };

  map.on("moveend", placeCountries);
  map.on("move", placeNodes);

  return {
    countryLabels: () => countryLabels,
    labelSides: () => labelSides,
    placeCountries,
    placeNodes,
    dispose() {
      map.off("moveend", placeCountries);
      map.off("move", placeNodes);
    },
  };
}
