/**
 * What the map shows of its places and names for the camera now, generalised by zoom: places that
 * would overlap merge into clusters (`layers/place-clusters.ts`), dots and lines grow with the
 * zoom, a budget of place names grows with it too, and names never go under a panel. Country names
 * fill the space the place names leave. Placed again as the camera moves; the layers are rebuilt
 * only when a placement changed. Each placement is published as a `uplinks:labels` performance
 * mark (`detail`: how many place names, country names and clusters), which the bench reads.
 */
import { geoDistance } from "d3-geo";
import type { Map as MapLibreMap } from "maplibre-gl";
import { countryLabelSize, countryLabelWidth } from "../layers/label-layers";
import {
  type Box,
  type LabelSide,
  labelBox,
  labelBudget,
  placeCentredLabels,
  placeLabels,
} from "../layers/label-placement";
import type { LinkGeometry } from "../layers/link-geometry";
import { nodeDegreeScale, placeRadius } from "../layers/node-degree";
import type { PlaceClusters } from "../layers/place-clusters";
import { type PlacesView, zoomScales } from "../layers/places-view";
import type { AppStore } from "../state/store";
import type { Basemap, CountryLabel } from "./basemap";
import { visibleCountryLabels } from "./country-labels-in-view";
import { drawnPlaces, nameCandidates } from "./place-candidates";

/** Labels farther than this from the centre of the view (about 75°) are on the globe's far side. */
const FACING_RADIANS = (75 * Math.PI) / 180;

export interface MapLabelsDeps {
  readonly map: MapLibreMap;
  readonly store: AppStore;
  readonly basemap: Basemap;
  readonly geometry: LinkGeometry;
  /** The places clustered by zoom; `null` for a dataset small enough to show every place. */
  readonly clusters: () => PlaceClusters | null;
  /** The places on the links drawn now: their labels come first. */
  readonly activeNodes: () => ReadonlySet<string>;
  /**
   * The places of the selected and the hovered link (a cable's landings) and the selected place:
   * always drawn and named, before all others.
   */
  readonly featured: () => ReadonlySet<string>;
  /** The panels over the map, in the map's pixels: no name is drawn under one. */
  readonly panels: () => readonly Box[];
  /** A placement changed. */
  readonly onChange: () => void;
}

export interface MapLabels {
  /** The country names to draw. */
  countryLabels(): readonly CountryLabel[];
  /** The place names to draw, and on which side of their point. */
  labelSides(): ReadonlyMap<string, LabelSide>;
  /** The places, clusters and sizes drawn now. */
  places(): PlacesView;
  /** Places the country names for the camera now. */
  placeCountries(): void;
  /** Places the place names (and the clusters) for the camera now. */
  placeNodes(): void;
  dispose(): void;
}

const sameSides = (a: ReadonlyMap<string, LabelSide>, b: ReadonlyMap<string, LabelSide>) =>
  a.size === b.size && [...a].every(([id, side]) => b.get(id) === side);

/** Pixels of `box` inside the map, less the panels' (overlaps between panels counted twice). */
const clearArea = (width: number, height: number, panels: readonly Box[]) =>
  panels.reduce((area, p) => {
    const w = Math.max(0, Math.min(width, p.x1) - Math.max(0, p.x0));
    const h = Math.max(0, Math.min(height, p.y1) - Math.max(0, p.y0));
    return area - w * h;
  }, width * height);

export function createMapLabels(deps: MapLabelsDeps): MapLabels {
  const { map, store, basemap, geometry } = deps;
  const degreeScale = nodeDegreeScale(geometry.nodes);
  let countryLabels: readonly CountryLabel[] = [];
  let labelSides: ReadonlyMap<string, LabelSide> = new Map();
  /** The boxes of the place names placed last: country names keep clear of them. */
  let placedBoxes: readonly Box[] = [];
  let places: PlacesView = {
    nodes: geometry.nodes,
    clusters: [],
    clusterOf: null,
    labelled: [],
    labelGaps: new Map(),
    ...zoomScales(map.getZoom()),
  };

  /** On the globe, labels are drawn over the sphere: keep only those on the side facing us. */
  const facing = (point: readonly number[]) => {
    if (store.getState().projection !== "globe") return true;
    const c = map.getCenter();
    return geoDistance([c.lng, c.lat], [point[0] ?? 0, point[1] ?? 0]) < FACING_RADIANS;
  };

  const publish = () => {
    performance.mark("uplinks:labels", {
      detail: {
        places: labelSides.size,
        countries: countryLabels.length,
        clusters: places.clusters.length,
      },
    });
  };

  /** Country names in view that fit around the place names and the panels, larger first. */
  const placeCountries = () => {
    const canvas = map.getCanvas();
    const panels = deps.panels();
    const inView = visibleCountryLabels({
      map,
      labels: basemap.labels,
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      panels,
      facing,
    });
    const candidates = inView.map((l, i) => ({
      id: String(i),
      label: l.label,
      x: l.x,
      y: l.y,
      width: countryLabelWidth(l.label),
      height: countryLabelSize(l.label) + 4,
      // Its second place comes after every country's first.
      priority: l.fallback ? l.screenArea / 1000 : l.screenArea,
      group: l.label.name,
    }));
    const kept = placeCentredLabels(candidates, [...panels, ...placedBoxes]);
    const next = candidates.filter((c) => kept.has(c.id)).map((c) => c.label);
    if (next.length !== countryLabels.length || next.some((l, i) => l !== countryLabels[i])) {
      countryLabels = next;
      publish();
      deps.onChange();
    }
  };

  /** Re-places the places, clusters and their names for the current camera. */
  const placeNodes = () => {
    const zoom = map.getZoom();
    const featured = deps.featured();
    const drawn = drawnPlaces(geometry.nodes, deps.clusters()?.level(zoom), featured);
    const scales = zoomScales(zoom);
    const canvas = map.getCanvas();
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const panels = deps.panels();
    const { points, candidates, clusterNames, labelGaps } = nameCandidates({
      drawn,
      featured,
      activeNodes: deps.activeNodes(),
      project: (lonLat) => {
        if (!facing(lonLat)) return null;
        const p = map.project(lonLat as [number, number]);
        const out = p.x < -40 || p.y < -40 || p.x > width + 40 || p.y > height + 40;
        return out ? null : p;
      },
      radiusScale: scales.radiusScale,
      placeRadius: (d) => Math.max(placeRadius(d.degree, degreeScale) * scales.radiusScale, 2),
    });
    const next = placeLabels(candidates, {
      width,
      height,
      panels,
      points,
      budget: labelBudget(zoom, clearArea(width, height, panels)),
    });
    // Country names keep clear of the place names and of the symbols.
    placedBoxes = [
      ...candidates.flatMap((c) => {
        const side = next.get(c.id);
        return side ? [labelBox(c, side)] : [];
      }),
      ...points.map((p) => ({ x0: p.x - p.r, y0: p.y - p.r, x1: p.x + p.r, y1: p.y + p.r })),
    ];
    const placesChanged =
      drawn.clusterOf !== places.clusterOf ||
      drawn.nodes.length !== places.nodes.length ||
      drawn.clusters.length !== places.clusters.length ||
      scales.radiusScale !== places.radiusScale ||
      scales.lineScale !== places.lineScale ||
      drawn.nodes.some((d, i) => d !== places.nodes[i]);
    const sidesChanged = !sameSides(next, labelSides);
    if (placesChanged || sidesChanged) {
      const labelled = drawn.nodes.filter((d) => next.has(d.node.id));
      for (const [id, d] of clusterNames) if (next.has(id)) labelled.push(d);
      places = { ...drawn, ...scales, labelled, labelGaps };
    }
    if (sidesChanged) labelSides = next;
    if (placesChanged || sidesChanged) {
      publish();
      deps.onChange();
    }
  };

  const placeAll = () => {
    placeNodes();
    placeCountries();
  };
  map.on("moveend", placeAll);
  map.on("move", placeNodes);

  return {
    countryLabels: () => countryLabels,
    labelSides: () => labelSides,
    places: () => places,
    placeCountries,
    placeNodes,
    dispose() {
      map.off("moveend", placeAll);
      map.off("move", placeNodes);
    },
  };
}
