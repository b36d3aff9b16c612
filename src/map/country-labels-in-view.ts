/**
 * Where each country in view can be named: at its usual label point when that is on screen, and
 * (a large country whose centre is out of view, as China and Russia around North Korea, or whose
 * label point lies under a panel) at a point of its visible part, found by sampling the drawn
 * countries on a grid of the screen.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { CountryLabel } from "../layers/country-label";
import type { Box } from "../layers/label-placement";

/** A country is named at its label point once its area (steradians × 4^zoom) is this large. */
const MIN_SCREEN_AREA = 0.5;
/** About this many grid samples cover the screen. */
const SAMPLES = 300;
/** A country named away from its label point covers at least this many samples (≈ 1.3%). */
const MIN_SAMPLES = 4;

export interface CountryLabelInView {
  readonly label: CountryLabel;
  readonly x: number;
  readonly y: number;
  /** How much of the screen it covers, in samples (or its scaled area): larger is named first. */
  readonly screenArea: number;
  /** Its second place: the middle of its visible part, where its label point is taken. */
  readonly fallback: boolean;
}

interface Sample {
  readonly x: number;
  readonly y: number;
}

/** The country codes drawn at points on a grid over the screen, and where. */
function sampleCountries(map: MapLibreMap, width: number, height: number, panels: readonly Box[]) {
  const step = Math.max(48, Math.sqrt((width * height) / SAMPLES));
  const byCode = new Map<string, Sample[]>();
  for (let y = step / 2; y < height; y += step) {
    for (let x = step / 2; x < width; x += step) {
      if (panels.some((p) => x >= p.x0 && x <= p.x1 && y >= p.y0 && y <= p.y1)) continue;
      const code: unknown = map.queryRenderedFeatures([x, y], { layers: ["countries-fill"] })[0]
        ?.properties?.code;
      if (typeof code !== "string") continue;
      const list = byCode.get(code) ?? [];
      list.push({ x, y });
      byCode.set(code, list);
    }
  }
  return byCode;
}

/** Of `samples`, the one nearest their mean: inside the country, near its visible middle. */
function middleSample(samples: readonly Sample[]): Sample | undefined {
  const mx = samples.reduce((s, p) => s + p.x, 0) / samples.length;
  const my = samples.reduce((s, p) => s + p.y, 0) / samples.length;
  let best: Sample | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const p of samples) {
    const d = (p.x - mx) ** 2 + (p.y - my) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return best;
}

export function visibleCountryLabels(options: {
  readonly map: MapLibreMap;
  readonly labels: readonly CountryLabel[];
  readonly width: number;
  readonly height: number;
  /** The panels over the map: a country is named in the part of it they leave clear. */
  readonly panels: readonly Box[];
  /** Whether a point faces the viewer (the globe's far side does not). */
  readonly facing: (point: readonly number[]) => boolean;
}): CountryLabelInView[] {
  const { map, width, height } = options;
  const zoom = map.getZoom();
  const samples = sampleCountries(map, width, height, options.panels);
  const out: CountryLabelInView[] = [];
  for (const label of options.labels) {
    const seen = label.code ? (samples.get(label.code) ?? []) : [];
    const scaled = label.area * 4 ** zoom;
    let atPoint = false;
    if (options.facing(label.position)) {
      const p = map.project(label.position);
      if (p.x >= 0 && p.y >= 0 && p.x <= width && p.y <= height) {
        if (scaled <= MIN_SCREEN_AREA) continue;
        const screenArea = Math.max(seen.length, scaled / 100);
        out.push({ label, x: p.x, y: p.y, screenArea, fallback: false });
        atPoint = true;
      }
    }
    if (seen.length < MIN_SAMPLES) continue;
    const middle = middleSample(seen);
    if (!middle) continue;
    const at = map.unproject([middle.x, middle.y]);
    out.push({
      label: { ...label, position: [at.lng, at.lat] },
      x: middle.x,
      y: middle.y,
      screenArea: seen.length,
      fallback: atPoint,
    });
  }
  return out;
}
