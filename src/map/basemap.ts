/**
 * The offline basemap: Natural Earth countries (the `world-atlas` package) turned into GeoJSON that
 * MapLibre can draw, and a MapLibre style around it that needs no network at all.
 *
 * `world-atlas` is spherical (made for d3-geo), MapLibre's GeoJSON sources are planar: a ring edge
 * from 179.9° to -180° is one short step on the sphere but a streak across the whole map for
 * MapLibre. So every ring and line is unrolled (longitudes made continuous), cut at the
 * antimeridian and shifted back into [-180, 180]; the ring that encircles the south pole
 * (Antarctica) is closed along the pole so it fills the continent, not the rest of the world.
 */
import { geoArea, geoBounds, geoCentroid, geoContains } from "d3-geo";
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from "geojson";
import isoCountries from "i18n-iso-countries";
import type { StyleSpecification } from "maplibre-gl";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology as TopoJSON } from "topojson-specification";
import { NATURAL_EARTH_CODES_BY_NAME } from "../model/natural-earth-codes";

/** The two looks of the basemap: `dark` (default, dim rooms, projection) and `light` (print). */
export type ThemeName = "dark" | "light";

/** Where to write a country's name; drawn by deck.gl (the style has no glyphs). */
export interface CountryLabel {
  /** ISO 3166-1 alpha-2, or `null` for areas that belong to no country (e.g. Spratly Is.). */
  code: string | null;
  name: string;
  /** [longitude, latitude], inside the country's largest polygon. */
  position: [number, number];
  /** Spherical area in steradians (d3 `geoArea`), to rank labels: larger countries first. */
  area: number;
}

/** The countries, their borders and coastlines, as planar-safe GeoJSON: no edge spans > 180° of longitude. */
export interface BasemapData {
  /** One feature per Natural Earth admin-0 unit; `code` is ISO 3166-1 alpha-2 or `null`. */
  countries: FeatureCollection<Polygon | MultiPolygon, { code: string | null; name: string }>;
  /** Land borders between countries. */
  borders: FeatureCollection<MultiLineString>;
  /** Coastlines: the outer boundaries of the countries. */
  coastlines: FeatureCollection<MultiLineString>;
  /** One label per country code (plus one per area without a code), sorted by area, largest first. */
  labels: CountryLabel[];
}

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

/** The colours of one theme. `label` and `labelHalo` are for the deck.gl text layer. */
export interface BasemapPalette {
  ocean: string;
  land: string;
  border: string;
  coastline: string;
  graticule: string;
  label: string;
  labelHalo: string;
}

/**
 * Both palettes keep land and ocean far from the bright link colours (cyan, amber, magenta,
 * green): near-black blue and slate in the dark theme, near-white and pale grey in the light one.
 */
export const BASEMAP_PALETTES: Readonly<Record<ThemeName, BasemapPalette>> = {
  dark: {
    ocean: "#0b1220",
    land: "#1c2636",
    border: "#3b4a5f",
    coastline: "#4b5e78",
    graticule: "#152033",
    label: "#94a3b8",
    labelHalo: "#0b1220",
  },
  light: {
    ocean: "#f8fafc",
    land: "#e3e7ec",
    border: "#8b95a1",
    coastline: "#aab3be",
    graticule: "#e6ebf1",
    label: "#374151",
    labelHalo: "#ffffff",
  },
};

type Point = [number, number];
type Ring = Point[];

const FULL_TURN = 360;
/** Rings whose every vertex is this close to a pole are the cap Natural Earth cuts out to close Antarctica. */
const POLAR_CAP_LATITUDE = 89.9;
/** A spherical polygon larger than a hemisphere is a sliver wound the wrong way round. */
const HEMISPHERE = 2 * Math.PI;
/** Grid resolution (per axis) of the search for a label point when the centroid falls outside. */
const LABEL_GRID = 24;
/** Longitude step of the vertices that close a ring along a pole. */
const POLE_EDGE_STEP = 10;
const GRATICULE_STEP = 10;
const GRATICULE_EXTENT = 80;

/** world-atlas countries TopoJSON (object `countries`) → GeoJSON for MapLibre's planar sources. */
export function buildBasemapData(world: TopoJSON): BasemapData {
  const object = world.objects.countries;
  if (object?.type !== "GeometryCollection") {
    throw new Error(
      `invalid world topology: objects.countries: ${object?.type ?? "missing"} is not a GeometryCollection`,
    );
  }
  const shapes = feature(world, object).features.flatMap(toCountryShape);
  // topojson-client's types want `{}` properties where ours may be null; mesh never reads them.
  const arcs = object as GeometryCollection;
  return {
    countries: {
      type: "FeatureCollection",
      features: shapes.flatMap(toPlanarCountry),
    },
    borders: lineCollection(mesh(world, arcs, (a, b) => a !== b)),
    coastlines: lineCollection(mesh(world, arcs, (a, b) => a === b)),
    labels: buildLabels(shapes),
  };
}

/**
 * A complete MapLibre style: background (ocean), a subtle 10° graticule, land fill, coastline and
 * border lines. No glyphs, no sprite, no URL but the basemap's own tiles: it works offline.
 *
 * Layer ids, bottom to top, are stable so other layers can be placed between them: `"ocean"`
 * (background), `"graticule"`, `"countries-fill"`, `"coastlines"`, `"borders"`. Sources: for inline
 * data, GeoJSON `"countries"`, `"borders"` and `"coastlines"`; for a tiled basemap, one vector
 * source `"basemap"` with those layers; either way GeoJSON `"graticule"`.
 */
export function buildBasemapStyle(data: Basemap, theme: ThemeName): StyleSpecification {
  const palette = BASEMAP_PALETTES[theme];
  const from = (layer: (typeof BASEMAP_TILE_LAYERS)[number]) =>
    "tiles" in data ? { source: "basemap", "source-layer": layer } : { source: layer };
  const attribution = "Natural Earth";
  return {
    version: 8,
    name: `Uplinks offline basemap (${theme})`,
    sources: {
      ...("tiles" in data
        ? {
            basemap: {
              type: "vector" as const,
              tiles: [data.tiles],
              maxzoom: data.maxzoom,
              attribution,
            },
          }
        : {
            countries: { type: "geojson" as const, data: data.countries, attribution },
            borders: { type: "geojson" as const, data: data.borders },
            coastlines: { type: "geojson" as const, data: data.coastlines },
          }),
      graticule: { type: "geojson", data: buildGraticule() },
    },
    layers: [
      { id: "ocean", type: "background", paint: { "background-color": palette.ocean } },
      {
        id: "graticule",
        type: "line",
        source: "graticule",
        paint: { "line-color": palette.graticule, "line-width": 0.6 },
      },
      {
        id: "countries-fill",
        type: "fill",
        ...from("countries"),
        paint: { "fill-color": palette.land },
      },
      {
        id: "coastlines",
        type: "line",
        ...from("coastlines"),
        layout: { "line-join": "round", "line-cap": "round" },
        paint: {
          "line-color": palette.coastline,
          "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.6, 6, 1.4],
        },
      },
      {
        id: "borders",
        type: "line",
        ...from("borders"),
        layout: { "line-join": "round", "line-cap": "round" },
        paint: {
          "line-color": palette.border,
          "line-width": ["interpolate", ["linear"], ["zoom"], 1, 0.5, 6, 1.2],
        },
      },
    ],
  };
}

/** The paint properties that differ between themes, by layer id: switching theme sets only these. */
export function basemapThemePaint(
  theme: ThemeName,
): [layer: string, property: string, value: string][] {
  const palette = BASEMAP_PALETTES[theme];
  return [
    ["ocean", "background-color", palette.ocean],
    ["graticule", "line-color", palette.graticule],
    ["countries-fill", "fill-color", palette.land],
    ["coastlines", "line-color", palette.coastline],
    ["borders", "line-color", palette.border],
  ];
}

/** One Natural Earth unit, still spherical, with the polygons that are not wound inside out. */
interface CountryShape {
  code: string | null;
  name: string;
  /** True when the code came from an ISO numeric id: such a unit names the country in labels. */
  iso: boolean;
  polygons: { coordinates: Position[][]; area: number }[];
}

function toCountryShape(f: Feature<Geometry | null>): CountryShape[] {
  const geometry = f.geometry;
  if (geometry?.type !== "Polygon" && geometry?.type !== "MultiPolygon") return [];
  const rawName: unknown = f.properties?.name;
  const name = typeof rawName === "string" ? rawName : "";
  const isoCode = f.id === undefined ? undefined : isoCountries.numericToAlpha2(f.id);
  const parts = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const polygons = parts
    .map((coordinates) => ({ coordinates, area: geoArea({ type: "Polygon", coordinates }) }))
    .filter(({ area }) => area <= HEMISPHERE);
  if (polygons.length === 0) return [];
  return [{ code: isoCode ?? codeByName(name), name, iso: isoCode !== undefined, polygons }];
}

function codeByName(name: string): string | null {
  return Object.hasOwn(NATURAL_EARTH_CODES_BY_NAME, name)
    ? (NATURAL_EARTH_CODES_BY_NAME[name] ?? null)
    : null;
}

function toPlanarCountry(
  shape: CountryShape,
): Feature<Polygon | MultiPolygon, { code: string | null; name: string }>[] {
  const parts = shape.polygons.flatMap(({ coordinates }) => planarPolygons(coordinates));
  const [only] = parts;
  if (only === undefined) return [];
  return [
    {
      type: "Feature",
      properties: { code: shape.code, name: shape.name },
      geometry:
        parts.length === 1
          ? { type: "Polygon", coordinates: only }
          : { type: "MultiPolygon", coordinates: parts },
    },
  ];
}

function lineCollection(lines: MultiLineString): FeatureCollection<MultiLineString> {
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiLineString", coordinates: lines.coordinates.flatMap(planarLines) },
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Planar safety: unroll, close around the pole, cut at the antimeridian, shift back.

/**
 * Longitudes made continuous: each step goes the short way round, so a ring over the antimeridian
 * runs on past ±180 instead of jumping back. Whole turns are counted rather than deltas summed,
 * so vertices stay exact (180 stays 180, not 180.00000000000003).
 */
function unroll(line: readonly Position[]): Point[] {
  const points: Point[] = [];
  let turns = 0;
  let previous: number | undefined;
  for (const [lon = 0, lat = 0] of line) {
    if (previous !== undefined) turns += Math.round((previous - lon) / FULL_TURN);
    previous = lon;
    points.push([lon + FULL_TURN * turns, lat]);
  }
  return points;
}

const isPolarCap = (line: readonly Position[]) =>
  line.every(([, lat = 0]) => Math.abs(lat) > POLAR_CAP_LATITUDE);

/** How many times an unrolled closed ring goes round the pole: 0, or ±1 eastward/westward. */
function turnsAroundPole(ring: readonly Point[]): number {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return first && last ? Math.round((last[0] - first[0]) / FULL_TURN) : 0;
}

/** The closed ring restarted at its widest longitude jump, so once unrolled it spans ≈ [-180, 180]. */
function startAtJump(ring: readonly Position[]): Position[] {
  const open = ring.slice(0, -1);
  let start = 0;
  let widest = -1;
  open.forEach(([lon = 0], i) => {
    const jump = Math.abs(lon - (open.at(i - 1)?.[0] ?? lon));
    if (jump > widest) [start, widest] = [i, jump];
  });
  const rotated = [...open.slice(start), ...open.slice(0, start)];
  const first = rotated[0];
  return first ? [...rotated, first] : rotated;
}

/**
 * Closes a ring that goes round a pole along that pole, so the planar polygon is the land between
 * the ring and the pole. world-atlas winds rings clockwise (interior on the right, d3's rule), so
 * a ring going east encloses the south pole and one going west the north pole.
 */
function closeAroundPole(ring: Ring, turns: number): Ring {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) return ring;
  const pole = turns > 0 ? -90 : 90;
  // Vertices along the pole keep every edge short: a 360° edge looks like an antimeridian jump.
  const count = Math.ceil(Math.abs(first[0] - last[0]) / POLE_EDGE_STEP);
  const edge = Array.from({ length: count + 1 }, (_, i): Point => {
    return [last[0] + ((first[0] - last[0]) * i) / count, pole];
  });
  return [...ring, ...edge, first];
}

/** Shoelace area: positive for a counter-clockwise ring (x east, y north). */
function planarArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i - 1] ?? [];
    const [bx = 0, by = 0] = ring[i] ?? [];
    sum += ax * by - bx * ay;
  }
  return sum / 2;
}

/** RFC 7946 winding: outlines counter-clockwise, holes clockwise. */
function rewind<P extends Position>(ring: readonly P[], counterClockwise: boolean): P[] {
  return planarArea(ring) > 0 === counterClockwise ? [...ring] : [...ring].reverse();
}

/** Whether some step of the line goes more than half way round: it crosses the antimeridian. */
function crossesAntimeridian(line: readonly Position[]): boolean {
  for (let i = 1; i < line.length; i++) {
    if (Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0)) > 180) return true;
  }
  return false;
}

function extentX(points: readonly Point[]): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const [x] of points) {
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return [min, max];
}

function centreX(points: readonly Point[]): number {
  const [min, max] = extentX(points);
  return (min + max) / 2;
}

const shiftX = (points: readonly Point[], dx: number): Point[] =>
  dx === 0 ? [...points] : points.map(([x, y]) => [x + dx, y]);

/** The copy of the world x lies in: 0 for [-180, 180], 1 for [180, 540]… */
const copyOf = (x: number) => Math.round(x / FULL_TURN);

/** The whole number of turns that brings x back into [-180, 180]. */
const shiftHome = (x: number) => -FULL_TURN * copyOf(x);

/** The antimeridians (180 + 360k) strictly between min and max. */
function antimeridiansWithin(min: number, max: number): number[] {
  const cuts: number[] = [];
  for (
    let cut = 180 + FULL_TURN * Math.ceil((min - 180) / FULL_TURN);
    cut < max;
    cut += FULL_TURN
  ) {
    if (cut > min) cuts.push(cut);
  }
  return cuts;
}

/**
 * Where segment a–b crosses the meridian x = cut. `slope` orders crossings that meet at one point
 * (a vertex on the cut) as they would lie just east of it.
 */
function crossing(a: Point, b: Point, cut: number): { point: Point; slope: number } {
  const slope = (b[1] - a[1]) / (b[0] - a[0]);
  return { point: [cut, a[1] + (cut - a[0]) * slope], slope };
}

/** One spherical polygon → planar polygons within [-180, 180], each outline first. */
function planarPolygons(polygon: readonly Position[][]): Position[][][] {
  // Almost every polygon is already planar-safe: keep its vertices, only fix the winding.
  if (!polygon.some((ring) => isPolarCap(ring) || crossesAntimeridian(ring))) {
    return [polygon.map((ring, index) => rewind(ring, index === 0))];
  }
  const rings = unrollPolygon(polygon);
  const outline = rings[0];
  if (!outline) return [];
  let pieces: Ring[][] = [rings];
  for (const cut of antimeridiansWithin(...extentX(outline))) {
    pieces = pieces.flatMap((piece) => splitPolygon(piece, cut));
  }
  return pieces.map((piece) => {
    const dx = shiftHome(centreX(piece[0] ?? []));
    return piece.map((ring) => shiftX(ring, dx));
  });
}

/**
 * The rings of one polygon unrolled into one copy of the world: the largest ring first as the
 * outline (after a pole is closed, that may not be world-atlas's ring 0), then the holes, moved
 * by whole turns next to the outline.
 */
function unrollPolygon(polygon: readonly Position[][]): Ring[] {
  const rings: { ring: Ring; area: number }[] = [];
  for (const raw of polygon) {
    if (raw.length < 4 || isPolarCap(raw)) continue;
    let ring = unroll(raw);
    const turns = turnsAroundPole(ring);
    if (turns !== 0) ring = closeAroundPole(unroll(startAtJump(raw)), turns);
    rings.push({ ring, area: Math.abs(planarArea(ring)) });
  }
  rings.sort((a, b) => b.area - a.area);
  const [outline, ...holes] = rings.map(({ ring }) => ring);
  if (!outline) return [];
  const centre = centreX(outline);
  return [
    rewind(outline, true),
    ...holes.map((hole) => rewind(shiftX(hole, -shiftHome(centre - centreX(hole))), false)),
  ];
}

/** A run of a ring's vertices on one side of the cut, starting and ending on the cut. */
interface Chain {
  points: Point[];
  west: boolean;
}

/** A point where a ring crosses the cut: the end of one chain and the start of the next. */
interface Crossing {
  y: number;
  slope: number;
  ends: number;
  starts: number;
}

/**
 * Cuts a polygon (outline counter-clockwise, holes clockwise) along the meridian x = cut into
 * valid polygons on either side. Each ring is split into chains that run from the cut to the cut;
 * sorted along the cut, crossings pair up into the stretches of the cut that lie inside the
 * polygon, and each chain continues, along its stretch, with the chain that starts at the other
 * end. Rings that do not cross stay whole; holes go to the piece that contains them.
 */
function splitPolygon(rings: readonly Ring[], cut: number): Ring[][] {
  const isWest = (p: Point) => p[0] <= cut;
  const chains: Chain[] = [];
  const crossings: Crossing[] = [];
  const outlines: Ring[] = [];
  const holes: Ring[] = [];
  rings.forEach((ring, index) => {
    const open = ring.slice(0, -1);
    const start = open.findIndex((p, i) => {
      const previous = open.at(i - 1);
      return previous !== undefined && isWest(p) !== isWest(previous);
    });
    const startPoint = open[start];
    if (!startPoint) {
      (index === 0 ? outlines : holes).push(ring);
      return;
    }
    const firstChain = chains.length;
    let current: Chain = { points: [], west: isWest(startPoint) };
    for (let k = 0; k < open.length; k++) {
      const a = open[(start + k) % open.length];
      const b = open[(start + k + 1) % open.length];
      if (!a || !b) continue;
      current.points.push(a);
      if (isWest(a) === isWest(b)) continue;
      const { point, slope } = crossing(a, b, cut);
      current.points.push(point);
      const ends = chains.length;
      chains.push(current);
      if (k === open.length - 1) {
        // The last crossing is the one the first chain starts from.
        chains[firstChain]?.points.unshift(point);
        crossings.push({ y: point[1], slope, ends, starts: firstChain });
      } else {
        crossings.push({ y: point[1], slope, ends, starts: ends + 1 });
        current = { points: [point], west: isWest(b) };
      }
    }
  });
  if (crossings.length === 0) return [[...rings]];

  const pieces = joinChains(chains, crossings).map((outline): Ring[] => [outline]);
  for (const outline of outlines) pieces.push([outline]);
  for (const hole of holes) {
    const first = hole[0];
    const owner = first && pieces.find((piece) => containsPlanar(piece[0] ?? [], first));
    if (owner) owner.push(hole);
  }
  return pieces;
}

/** Follows each chain into the next along the cut until the ring closes. */
function joinChains(chains: readonly Chain[], crossings: readonly Crossing[]): Ring[] {
  const sorted = [...crossings].sort((a, b) => a.y - b.y || a.slope - b.slope);
  const next = new Map<number, number>();
  sorted.forEach((c, i) => {
    const partner = sorted[i ^ 1];
    const from = chains[c.ends];
    const to = partner && chains[partner.starts];
    // Consistent winding guarantees the partner starts a chain on the same side.
    if (!partner || !from || !to || from.west !== to.west) {
      throw new Error(`cannot cut polygon at the antimeridian: unpaired crossing at ${c.y}`);
    }
    next.set(c.ends, partner.starts);
  });
  const rings: Ring[] = [];
  const done = new Set<number>();
  chains.forEach((_, first) => {
    const ring: Ring = [];
    for (let at: number | undefined = first; at !== undefined && !done.has(at); at = next.get(at)) {
      done.add(at);
      ring.push(...(chains[at]?.points ?? []));
    }
    const closed = withoutRepeats(ring);
    const start = closed[0];
    if (start) closed.push(start);
    if (closed.length >= 4) rings.push(closed);
  });
  return rings;
}

function withoutRepeats(points: readonly Point[]): Point[] {
  return points.filter((p, i) => {
    const previous = points[i - 1];
    return !previous || previous[0] !== p[0] || previous[1] !== p[1];
  });
}

/** Even–odd ray casting on the plane. */
function containsPlanar(ring: readonly Point[], [x, y]: Point): boolean {
  let inside = false;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1];
    const b = ring[i];
    if (
      a &&
      b &&
      a[1] > y !== b[1] > y &&
      x < a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0])
    ) {
      inside = !inside;
    }
  }
  return inside;
}

/** One spherical line → planar lines within [-180, 180], cut where they cross the antimeridian. */
function planarLines(line: readonly Position[]): Position[][] {
  return offTheAntimeridian(line).flatMap(planarLine);
}

/**
 * The runs of a line between its edges that lie along the antimeridian. Natural Earth cuts some
 * islands there (Taveuni, in Fiji) and world-atlas keeps the cut: it is not a coast or a border.
 */
function offTheAntimeridian(line: readonly Position[]): Position[][] {
  const onAntimeridian = (p: Position | undefined) => Math.abs(p?.[0] ?? 0) === 180;
  const runs: Position[][] = [[]];
  line.forEach((p, i) => {
    if (i > 0 && onAntimeridian(p) && onAntimeridian(line[i - 1])) runs.push([]);
    runs[runs.length - 1]?.push(p);
  });
  return runs;
}

function planarLine(line: readonly Position[]): Position[][] {
  if (line.length < 2 || isPolarCap(line)) return [];
  if (!crossesAntimeridian(line)) return [[...line]];
  const pieces: Point[][] = [];
  let current: Point[] = [];
  let copy: number | undefined;
  let previous: Point | undefined;
  for (const p of unroll(line)) {
    if (previous) {
      // Which copy of the world a segment is in, by its midpoint: vertices that sit exactly on
      // the antimeridian (world-atlas has many) then start a new piece without a crossing.
      const here = copyOf((previous[0] + p[0]) / 2);
      if (copy !== undefined && here !== copy) {
        const cut = 180 + FULL_TURN * Math.min(here, copy);
        const point = previous[0] === cut ? previous : crossing(previous, p, cut).point;
        if (point !== previous) current.push(point);
        pieces.push(shiftX(current, -FULL_TURN * copy));
        current = [point];
      }
      copy = here;
    }
    current.push(p);
    previous = p;
  }
  pieces.push(shiftX(current, -FULL_TURN * (copy ?? 0)));
  return pieces.filter((piece) => piece.length >= 2);
}

// ---------------------------------------------------------------------------------------------
// Labels.

/** One label per country code, placed in the largest polygon of all its units. */
function buildLabels(shapes: readonly CountryShape[]): CountryLabel[] {
  const groups = new Map<string, CountryShape[]>();
  for (const shape of shapes) {
    const key = shape.code ?? `name:${shape.name}`;
    groups.set(key, [...(groups.get(key) ?? []), shape]);
  }
  const labels: CountryLabel[] = [];
  for (const group of groups.values()) {
    const named = group.find((shape) => shape.iso) ?? group[0];
    const polygons = group.flatMap((shape) => shape.polygons);
    const largest = polygons.reduce<(typeof polygons)[number] | undefined>(
      (best, p) => (best && best.area >= p.area ? best : p),
      undefined,
    );
    if (!named || !largest) continue;
    labels.push({
      code: named.code,
      name: named.name,
      position: labelPosition(largest.coordinates),
      area: polygons.reduce((sum, p) => sum + p.area, 0),
    });
  }
  return labels.sort((a, b) => b.area - a.area || a.name.localeCompare(b.name, "en"));
}

/** The centroid when it lies inside (most countries); otherwise the innermost point of a grid. */
function labelPosition(coordinates: Position[][]): [number, number] {
  const polygon: Polygon = { type: "Polygon", coordinates };
  const centroid = geoCentroid(polygon);
  if (geoContains(polygon, centroid)) return centroid;
  return innermostGridPoint(polygon) ?? centroid;
}

/**
 * A coarse pole of inaccessibility: of the grid points over the polygon's bounds that lie inside
 * it, the one farthest from its boundary. Enough for a label; the exact pole is not worth it.
 * Candidates are screened on the plane (cheap) and the winner confirmed on the sphere, because
 * near an edge a planar and a great-circle boundary disagree slightly.
 */
function innermostGridPoint(polygon: Polygon): [number, number] | undefined {
  const rings = unrollPolygon(polygon.coordinates);
  const centre = centreX(rings[0] ?? []);
  const [[west, south], [eastRaw, north]] = geoBounds(polygon);
  // geoBounds reports a box over the antimeridian with west > east.
  const east = eastRaw < west ? eastRaw + FULL_TURN : eastRaw;
  const candidates: { point: [number, number]; depth: number }[] = [];
  for (let i = 0; i < LABEL_GRID; i++) {
    for (let j = 0; j < LABEL_GRID; j++) {
      const lon = west + ((east - west) * (i + 0.5)) / LABEL_GRID;
      const lat = south + ((north - south) * (j + 0.5)) / LABEL_GRID;
      const unrolled: Point = [lon - shiftHome(centre - lon), lat];
      const inside = rings.filter((ring) => containsPlanar(ring, unrolled)).length % 2 === 1;
      if (inside) {
        candidates.push({
          point: [lon + shiftHome(lon), lat],
          depth: distanceToBoundary(polygon.coordinates, unrolled),
        });
      }
    }
  }
  candidates.sort((a, b) => b.depth - a.depth);
  return candidates.find(({ point }) => geoContains(polygon, point))?.point;
}

/** Distance in degrees of latitude, on a local equirectangular plane, from a point to the rings. */
function distanceToBoundary(rings: readonly Position[][], [lon, lat]: Point): number {
  const scale = Math.cos((lat * Math.PI) / 180);
  let nearest = Number.POSITIVE_INFINITY;
  for (const ring of rings) {
    let previous: Point | undefined;
    for (const [x = 0, y = 0] of ring) {
      const dx = x - lon;
      const p: Point = [(dx + shiftHome(dx)) * scale, y - lat];
      if (previous) nearest = Math.min(nearest, distanceToOrigin(previous, p));
      previous = p;
    }
  }
  return nearest;
}

function distanceToOrigin([ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

// ---------------------------------------------------------------------------------------------
// Graticule.

/** Meridians and parallels every 10°, stopping at ±80° where meridians crowd together. */
function buildGraticule(): FeatureCollection<MultiLineString> {
  const lines: Position[][] = [];
  for (let lon = -180; lon < 180; lon += GRATICULE_STEP) {
    lines.push(steps(-GRATICULE_EXTENT, GRATICULE_EXTENT).map((lat) => [lon, lat]));
  }
  for (let lat = -GRATICULE_EXTENT; lat <= GRATICULE_EXTENT; lat += GRATICULE_STEP) {
    lines.push(steps(-180, 180).map((lon) => [lon, lat]));
  }
  return {
    type: "FeatureCollection",
    features: [
      {
        type: "Feature",
        properties: {},
        geometry: { type: "MultiLineString", coordinates: lines },
      },
    ],
  };
}

function steps(from: number, to: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to; v += GRATICULE_STEP) values.push(v);
  return values;
}
