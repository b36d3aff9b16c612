/** Where to write each country's name: one label per country, inside its largest polygon. */
import { geoBounds, geoCentroid, geoContains } from "d3-geo";
import type { Polygon, Position } from "geojson";
import type { CountryLabel } from "../layers/country-label";
import type { CountryShape } from "./basemap-country-shapes";
import {
  centreX,
  containsPlanar,
  FULL_TURN,
  type Point,
  shiftHome,
  unrollPolygon,
} from "./basemap-planar";

/** Grid resolution (per axis) of the search for a label point when the centroid falls outside. */
const LABEL_GRID = 24;

/** One label per country code, placed in the largest polygon of all its units. */
export function buildLabels(shapes: readonly CountryShape[]): CountryLabel[] {
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
