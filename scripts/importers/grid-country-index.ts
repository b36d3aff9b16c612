/**
 * A faster {@link CountryIndex} for imports that test millions of points (a world of submarine
 * cables): the same polygons, checked in the same order, as `createCountryIndex`, so it gives the
 * same answers, but each point only looks at the polygons of its 1° grid cell, and a cell that no
 * border comes near is answered once for all its points.
 */
import { geoArea, geoBounds, geoContains, geoDistance, geoInterpolate } from "d3-geo";
import type { Polygon, Position } from "geojson";
import type { CountryIndex, CountryShape } from "../../src/model/country-index";
import type { LonLat } from "../../src/model/route";
import { loadNaturalEarthCountries } from "../lib/natural-earth";
import { createPolygonContains } from "./polygon-contains";

const COLUMNS = 360;
const ROWS = 180;
/** Borders are traced in steps of at most this many degrees when marking the cells they touch. */
const TRACE_STEP_DEGREES = 0.25;

interface Entry {
  code: string;
  polygon: Polygon;
  west: number;
  south: number;
  east: number;
  north: number;
  /** Cells a border of this polygon passes through or next to: there, points are tested exactly. */
  borderCells: Set<number>;
  /** For the other cells of its box: whether the whole cell is inside, computed when first asked. */
  interior: Map<number, boolean>;
  /** The exact test, built when first needed. */
  contains?: (lon: number, lat: number) => boolean;
}

/** Below this many vertices d3's own test is as quick as building a faster one. */
const SMALL_POLYGON = 256;

function containsOf(e: Entry): (lon: number, lat: number) => boolean {
  if (!e.contains) {
    const vertices = e.polygon.coordinates.reduce((n, ring) => n + ring.length, 0);
    const polygon = e.polygon;
    e.contains =
      vertices < SMALL_POLYGON
        ? (lon, lat) => geoContains(polygon, [lon, lat])
        : createPolygonContains(polygon);
  }
  return e.contains;
}

const normaliseLongitude = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
const columnOf = (lon: number) => Math.min(COLUMNS - 1, Math.max(0, Math.floor(lon + 180)));
const rowOf = (lat: number) => Math.min(ROWS - 1, Math.max(0, Math.floor(lat + 90)));
const cellOf = (lon: number, lat: number) => rowOf(lat) * COLUMNS + columnOf(lon);

function inBounds(e: Entry, lon: number, lat: number): boolean {
  if (lat < e.south || lat > e.north) return false;
  return e.west <= e.east ? lon >= e.west && lon <= e.east : lon >= e.west || lon <= e.east;
}

/** The cells a polygon's rings pass through, and their neighbours. */
function borderCellsOf(polygon: Polygon): Set<number> {
  const touched = new Set<number>();
  const mark = ([lon, lat]: Position) =>
    touched.add(cellOf(normaliseLongitude(lon ?? 0), lat ?? 0));
  for (const ring of polygon.coordinates) {
    for (let i = 1; i < ring.length; i++) {
      const a = ring[i - 1] as [number, number];
      const b = ring[i] as [number, number];
      mark(a);
      const short =
        Math.abs(a[0] - b[0]) <= TRACE_STEP_DEGREES && Math.abs(a[1] - b[1]) <= TRACE_STEP_DEGREES;
      const degrees = short ? 0 : (geoDistance(a, b) * 180) / Math.PI;
      if (degrees > TRACE_STEP_DEGREES) {
        const at = geoInterpolate(a, b);
        const steps = Math.ceil(degrees / TRACE_STEP_DEGREES);
        for (let s = 1; s < steps; s++) mark(at(s / steps));
      }
      mark(b);
    }
  }
  const cells = new Set<number>();
  for (const cell of touched) {
    const row = Math.floor(cell / COLUMNS);
    const column = cell % COLUMNS;
    for (let dr = -1; dr <= 1; dr++) {
      const r = row + dr;
      if (r < 0 || r >= ROWS) continue;
      for (let dc = -1; dc <= 1; dc++) cells.add(r * COLUMNS + ((column + dc + COLUMNS) % COLUMNS));
    }
  }
  return cells;
}

/** Builds the grid index over `shapes` (see the module comment). */
export function createGridCountryIndex(shapes: readonly CountryShape[]): CountryIndex {
  const entries: Entry[] = [];
  const cells: number[][] = Array.from({ length: COLUMNS * ROWS }, () => []);
  for (const { code, geometry } of shapes) {
    const parts: Position[][][] =
      geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    for (const coordinates of parts) {
      const polygon: Polygon = { type: "Polygon", coordinates };
      // As createCountryIndex: a polygon wider than a hemisphere is a sliver wound the wrong way.
      if (geoArea(polygon) > 2 * Math.PI) continue;
      const [[west, south], [east, north]] = geoBounds(polygon);
      const index = entries.length;
      entries.push({
        code,
        polygon,
        west,
        south,
        east,
        north,
        borderCells: borderCellsOf(polygon),
        interior: new Map(),
      });
      const columns =
        west <= east
          ? range(columnOf(west), columnOf(east))
          : [...range(columnOf(west), COLUMNS - 1), ...range(0, columnOf(east))];
      for (let row = rowOf(south); row <= rowOf(north); row++) {
        for (const column of columns) cells[row * COLUMNS + column]?.push(index);
      }
    }
  }

  return {
    countryAt([lon, lat]: LonLat) {
      const x = normaliseLongitude(lon);
      const cell = cellOf(x, lat);
      for (const i of cells[cell] ?? []) {
        const e = entries[i] as Entry;
        if (!inBounds(e, x, lat)) continue;
        let inside: boolean;
        if (e.borderCells.has(cell)) inside = containsOf(e)(x, lat);
        else {
          let whole = e.interior.get(cell);
          if (whole === undefined) {
            const column = cell % COLUMNS;
            const row = Math.floor(cell / COLUMNS);
            whole = containsOf(e)(column - 180 + 0.5, row - 90 + 0.5);
            e.interior.set(cell, whole);
          }
          inside = whole;
        }
        if (inside) return e.code;
      }
      return null;
    },
  };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

let cached: CountryIndex | undefined;

/** The Natural Earth boundaries (as `naturalEarthIndex()`), grid-indexed, built once per process. */
export function naturalEarthGridIndex(): CountryIndex {
  cached ??= createGridCountryIndex(loadNaturalEarthCountries());
  return cached;
}
