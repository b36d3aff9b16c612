/** The countries a path runs through and where it crosses from one into the next. */
import { geoInterpolate } from "d3-geo";
import type { CountryIndex } from "./country-index";
import { greatCircleKm, type LonLat, partsLengthKm } from "./route";

/** A border crossing: the path enters `to`, coming from `from`, at `at`. */
export interface PathCrossing {
  from: string;
  to: string;
  at: LonLat;
}

export interface CrossingOptions {
  /** Spacing of the points tested along the path: narrower strips of a country can be missed. */
  probeKm?: number;
  /** How closely each crossing is located along the path. */
  precisionKm?: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * Walks `path`, testing points every `probeKm`; where the country changes (sea between two
 * countries counts as no country), bisects the step until the entry point into the new country is
 * known to within `precisionKm`. Returns the countries in the order the path visits them.
 */
export function computeCrossings(
  path: readonly LonLat[],
  index: CountryIndex,
  { probeKm = 5, precisionKm = 1 }: CrossingOptions = {},
): { countries: string[]; crossings: PathCrossing[] } {
  const countries: string[] = [];
  const crossings: PathCrossing[] = [];
  let current: string | null = null;
  let previousPoint: LonLat | undefined;

  const visit = (point: LonLat) => {
    const code = index.countryAt(point);
    if (code !== null && code !== current) {
      if (current !== null && previousPoint) {
        crossings.push({
          from: current,
          to: code,
          at: locateEntry(previousPoint, point, code, index, precisionKm),
        });
      }
      if (!countries.includes(code)) countries.push(code);
      current = code;
    }
    previousPoint = point;
  };

  path.forEach((vertex, i) => {
    const previous = path[i - 1];
    if (previous) {
      const steps = Math.ceil(greatCircleKm(previous, vertex) / probeKm);
      const at = geoInterpolate(previous, vertex);
      for (let s = 1; s < steps; s++) visit(at(s / steps));
    }
    visit(vertex);
  });
  return { countries, crossings };
}

/** What the pipeline writes of a route: its length and the countries and borders it crosses. */
export interface PartsMeasures {
  /** The sum of the parts' lengths along great circles, to 0.1 km, as documents hold it. */
  lengthKm: number;
  /** Every country any part runs through, each once: the first part's, then the next one's new ones… */
  countries: string[];
  /** Each part's crossings, in the order of the parts. */
  crossings: PathCrossing[];
}

/**
 * Measures a route of one or several parts (a cable's trunk and its branches), each part on its
 * own: a part's end does not join the next part's start, so no length, country or crossing is
 * counted on the jump between them. For one part, the figures {@link computeCrossings} and
 * `pathLengthKm` give.
 */
export function measureParts(
  parts: readonly (readonly LonLat[])[],
  index: CountryIndex,
  options?: CrossingOptions,
): PartsMeasures {
  const countries: string[] = [];
  const crossings: PathCrossing[] = [];
  for (const part of parts) {
    const measured = computeCrossings(part, index, options);
    for (const code of measured.countries) if (!countries.includes(code)) countries.push(code);
    for (const crossing of measured.crossings) crossings.push(crossing);
  }
  return { lengthKm: Math.round(partsLengthKm(parts) * 10) / 10, countries, crossings };
}

/** Bisects from `outside` (not in `code`) to `inside` (in `code`) down to `precisionKm`. */
function locateEntry(
  outside: LonLat,
  inside: LonLat,
  code: string,
  index: CountryIndex,
  precisionKm: number,
): LonLat {
  let lo = outside;
  let hi = inside;
  while (greatCircleKm(lo, hi) > precisionKm) {
    const mid = geoInterpolate(lo, hi)(0.5);
    if (index.countryAt(mid) === code) hi = mid;
    else lo = mid;
  }
  const [lon, lat] = geoInterpolate(lo, hi)(0.5);
  // Keep the point on the same (unwrapped) longitude turn as the path it lies on.
  const turn = Math.round((inside[0] - lon) / 360) * 360;
  return [round6(lon + turn), round6(lat)];
}
