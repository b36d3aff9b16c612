/**
 * The data the layers draw, derived from the builder's input and kept between calls: each array
 * is computed again only when what it is derived from changes (by identity), so the layers that
 * draw it are handed the same array and kept.
 */

import { buildBundles, isBundled, type LinkBundle } from "./bundles";
import {
  buildComparedCrossings,
  buildComparedSegments,
  type ComparedSegments,
  comparedSegmentsOf,
} from "./compare-data";
import { createDayWindow } from "./day-window";
import type { LabelSide } from "./label-placement";
import type { CompareSets, LayerInput } from "./layer-builder-input";
import type { CrossingMarker, LinkGeometry, LinkSegment, NodeMarker } from "./link-geometry";
import { nodeDegreeScale } from "./node-degree";

/** The segments whose start (or end) day lies in a window of days; see `createDayWindow`. */
export type SegmentWindow = (from: number, to: number) => readonly LinkSegment[];

/** What the layers draw; see `createLayerData`. */
export interface LayerData {
  /** The shown segments drawn solid, but the satellite hops, drawn dashed (a layer of their own). */
  readonly solid: readonly LinkSegment[];
  /** Of `solid`, what the flow layer draws: the level of detail's choice (see `LayerInput.detail`). */
  readonly drawn: readonly LinkSegment[];
  readonly dashed: readonly LinkSegment[];
  /** The shown segments of planned intervals (none in compare mode, which compares links in service). */
  readonly planned: readonly LinkSegment[];
  /** The shown links' border crossings. */
  readonly crossings: readonly CrossingMarker[];
  /** The shown segments by first day (to glow as they appear) and by last (to linger as ghosts). */
  readonly appearing: SegmentWindow;
  readonly retiring: SegmentWindow;
  /** The shown segments of the disrupted links. */
  readonly disrupted: readonly LinkSegment[];
  /** The selected link's segments, if the filters show it. */
  readonly selected: readonly LinkSegment[];
  /** The hovered link's segments, as drawn: every part, planned or in service (see `hoveredSegments`). */
  readonly hovered: readonly LinkSegment[];
  /** The places (from, via and to) of the selected and the hovered link: a new set only when they change. */
  readonly linkPlaces: ReadonlySet<string>;
  readonly compared: ComparedSegments;
  readonly comparedCrossings: readonly CrossingMarker[];
  /** The nodes whose labels are drawn. */
  readonly labelled: readonly NodeMarker[];
  /** See `nodeDegreeScale`. */
  readonly degreeScale: number;
  /** The logical links between clusters active on the date, bundled (see `bundles.ts`). */
  readonly bundles: readonly LinkBundle[];
}

type DataInput = Pick<
  LayerInput,
  | "geometry"
  | "shown"
  | "fadeDays"
  | "disrupted"
  | "selection"
  | "hoveredLink"
  | "compare"
  | "labelSides"
  | "places"
  | "day"
  | "detail"
>;

const NONE: readonly LinkSegment[] = [];

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The selected link's segments, or none if no link is selected (`""`) or the filters hide it. */
export function selectedSegments(
  geometry: LinkGeometry,
  selectedLink: string,
  shown: ReadonlySet<string> | null,
): readonly LinkSegment[] {
  return selectedLink && (!shown || shown.has(selectedLink))
    ? (geometry.segmentsByLink.get(selectedLink) ?? [])
    : [];
}

/**
 * The segments of the hovered link `id` as the map draws it, or none (`""`, or hidden by the
 * filters): all its segments, or in compare mode, those compare mode draws.
 */
export function hoveredSegments(
  geometry: LinkGeometry,
  id: string,
  shown: ReadonlySet<string> | null,
  compare: CompareSets | null,
): readonly LinkSegment[] {
  if (!id || (shown && !shown.has(id))) return NONE;
  return compare ? comparedSegmentsOf(geometry, id) : (geometry.segmentsByLink.get(id) ?? NONE);
}

/** The places of the links `ids` (their `from`, `via` and `to` nodes): a cable's landings. */
export function linkPlaces(geometry: LinkGeometry, ids: readonly string[]): Set<string> {
  const places = new Set<string>();
  for (const id of ids) {
    const link = id ? geometry.segmentsByLink.get(id)?.[0]?.link : undefined;
    if (!link) continue;
    places.add(link.from);
    for (const via of link.via ?? []) places.add(via);
    places.add(link.to);
  }
  return places;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a.size === b.size && [...a].every((v) => b.has(v));

/**
 * A function of the input that returns the layers' data. It returns the same object every call,
 * updated in place (a build reads it before the next one changes it): it runs on every frame.
 */
export function createLayerData(): (input: DataInput) => LayerData {
  let degreesFor: readonly NodeMarker[] | undefined;
  let shownFor: ReadonlySet<string> | null | undefined;
  let disruptedFor: ReadonlySet<string> | undefined;
  let selectedFor: string | undefined;
  let hoveredFor: string | undefined;
  let placesFor: string | undefined;
  let comparedFor: CompareSets | null | undefined;
  let labelledFor: ReadonlyMap<string, LabelSide> | undefined;
  let segments: readonly LinkSegment[] = [];
  let clusterOfFor: ReadonlyMap<string, unknown> | null | undefined;
  let bundled: readonly LinkSegment[] = [];
  let bundlesDay: number | undefined;
  let nodesById = new Map<string, NodeMarker>();
  let drawnFor: readonly LinkSegment[] | undefined;
  let detailFor: LayerInput["detail"] | null = null;
  const data: Mutable<LayerData> = {
    solid: [],
    drawn: [],
    dashed: [],
    planned: [],
    crossings: [],
    appearing: createDayWindow<LinkSegment>([], 0, 1),
    retiring: createDayWindow<LinkSegment>([], 1, 1),
    disrupted: [],
    selected: [],
    hovered: NONE,
    linkPlaces: new Set(),
    compared: { onlyA: [], onlyB: [], both: [] },
    comparedCrossings: [],
    labelled: [],
    degreeScale: nodeDegreeScale([]),
    bundles: [],
  };

  return (input) => {
    const { geometry, shown } = input;
    if (degreesFor !== geometry.nodes) {
      degreesFor = geometry.nodes;
      data.degreeScale = nodeDegreeScale(geometry.nodes);
      nodesById = new Map(geometry.nodes.map((d) => [d.node.id, d]));
    }
    if (shownFor !== shown) {
      shownFor = shown;
      segments = shown ? geometry.segments.filter((d) => shown.has(d.link.id)) : geometry.segments;
      data.crossings = shown
        ? geometry.crossings.filter((d) => shown.has(d.link.id))
        : geometry.crossings;
      data.solid = segments.filter((d) => d.link.kind !== "satellite");
      data.dashed = segments.filter((d) => d.link.kind === "satellite");
      data.planned = shown
        ? geometry.planned.filter((d) => shown.has(d.link.id))
        : geometry.planned;
      data.appearing = createDayWindow(segments, 0, input.fadeDays);
      data.retiring = createDayWindow(segments, 1, input.fadeDays);
      disruptedFor = undefined;
      selectedFor = undefined;
      hoveredFor = undefined;
      clusterOfFor = undefined;
    }
    const clusterOf = input.places?.clusterOf ?? null;
    if (clusterOfFor !== clusterOf) {
      // The logical links with a clustered end are drawn as bundles, not on their own.
      clusterOfFor = clusterOf;
      bundled = clusterOf ? segments.filter((d) => isBundled(d, clusterOf)) : [];
      const apart = new Set(bundled);
      data.solid = segments.filter((d) => d.link.kind !== "satellite" && !apart.has(d));
      bundlesDay = undefined;
    }
    if (drawnFor !== data.solid || detailFor !== input.detail) {
      drawnFor = data.solid;
      detailFor = input.detail;
      data.drawn = input.detail ? input.detail.select(data.solid) : data.solid;
    }
    if (bundlesDay !== input.day) {
      bundlesDay = input.day;
      data.bundles =
        clusterOf && bundled.length > 0
          ? buildBundles(bundled, input.day, clusterOf, nodesById)
          : [];
    }
    if (disruptedFor !== input.disrupted) {
      disruptedFor = input.disrupted;
      data.disrupted = segments.filter((s) => input.disrupted.has(s.link.id));
    }
    const selectedLink = input.selection?.kind === "link" ? input.selection.id : "";
    if (selectedFor !== selectedLink) {
      selectedFor = selectedLink;
      data.selected = selectedSegments(geometry, selectedLink, shown);
    }
    if (comparedFor !== input.compare) {
      comparedFor = input.compare;
      data.compared = buildComparedSegments(geometry, input.compare);
      data.comparedCrossings = buildComparedCrossings(geometry, input.compare);
      hoveredFor = undefined;
    }
    const hoveredLink = input.hoveredLink ?? "";
    if (hoveredFor !== hoveredLink) {
      hoveredFor = hoveredLink;
      data.hovered = hoveredSegments(geometry, hoveredLink, shown, input.compare);
    }
    const placesKey = `${selectedLink}\n${hoveredLink}`;
    if (placesFor !== placesKey) {
      placesFor = placesKey;
      const places = linkPlaces(geometry, [selectedLink, hoveredLink]);
      if (!sameSet(places, data.linkPlaces)) data.linkPlaces = places;
    }
    const sides = input.labelSides;
    if (labelledFor !== sides) {
      labelledFor = sides;
      data.labelled = geometry.nodes.filter((d) => sides.has(d.node.id));
    }
    return data;
  };
}
