/**
 * Reads the view parameters this version understands from the location hash
 * (`#t=2017-10-01&ds=north-korea&sel=link:ttk-khasan&anim=0&theme=light&proj=globe`). Pure:
 * returns what applies and a problem for each parameter that does not.
 */
import { isIsoDate } from "../model/dates";
import type { Camera, Selection } from "../state/store";

export interface HashView {
  camera?: Camera;
  dataset?: string;
  date?: string;
  selection?: Selection;
  animate?: boolean;
  theme?: "dark" | "light";
  projection?: "mercator" | "globe";
}

export function readHash(hash: string): { view: HashView; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const view: HashView = {};
  const problems: string[] = [];
  const bad = (key: string, value: string, why: string) => problems.push(`${key}=${value}: ${why}`);
  for (const [key, value] of params) {
    if (key === "map") {
      const camera = readCamera(value);
      if (camera) view.camera = camera;
      else
        bad(key, value, "expected ZOOM/LAT/LON[/BEARING/PITCH] with zoom 0–22, lat ±85, lon ±180");
    } else if (key === "ds") {
      if (/^[a-z0-9][a-z0-9-]*$/.test(value)) view.dataset = value;
      else bad(key, value, "not a dataset id");
    } else if (key === "t") {
      if (isIsoDate(value)) view.date = value;
      else bad(key, value, "not a date (YYYY-MM-DD)");
    } else if (key === "sel") {
      const match = /^(link|node):([a-z0-9][a-z0-9-]*)$/.exec(value);
      if (match) view.selection = { kind: match[1] as "link" | "node", id: match[2] as string };
      else bad(key, value, "not a selection (link:ID or node:ID)");
    } else if (key === "anim") {
      if (value === "0" || value === "1") view.animate = value === "1";
      else bad(key, value, "expected 0 or 1");
    } else if (key === "theme") {
      if (value === "dark" || value === "light") view.theme = value;
      else bad(key, value, "expected dark or light");
    } else if (key === "proj") {
      if (value === "mercator" || value === "globe") view.projection = value;
      else bad(key, value, "expected mercator or globe");
    }
  }
  return { view, problems };
}

/** `map=ZOOM/LAT/LON[/BEARING/PITCH]`, MapLibre's own hash order; null when malformed or out of range. */
function readCamera(value: string): Camera | null {
  const parts = value.split("/");
  if (parts.length !== 3 && parts.length !== 5) return null;
  const numbers = parts.map((p) => (/^-?\d+(\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  const [zoom, lat, lon, bearing = 0, pitch = 0] = numbers as [
    number,
    number,
    number,
    number?,
    number?,
  ];
  const ok =
    numbers.every(Number.isFinite) &&
    zoom >= 0 &&
    zoom <= 22 &&
    Math.abs(lat) <= 85.051129 &&
    Math.abs(lon) <= 180 &&
    Math.abs(bearing) <= 180 &&
    pitch >= 0 &&
    pitch <= 85;
  return ok ? { zoom, center: [lon, lat], bearing, pitch } : null;
}
