/**
 * Which places a view shows, and whether the map named them all: the places are projected in
 * Node (Web Mercator, as MapLibre draws the map without `proj=globe`) from the camera the page's
 * address reports, and compared with the label counts the page published. Pure.
 */
import type { Camera } from "../src/state/store";
import type { Box } from "./ink";

/** What of a topology's node the check reads. */
export interface PlaceNode {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly coordinates: readonly number[];
}

/** MapLibre's tile size: the world is `512 × 2^zoom` pixels wide. */
const TILE = 512;

/**
 * The pixel of `lonLat` in a map of `size` (CSS pixels) under `camera`, in the copy of the world
 * nearest the centre (MapLibre repeats the world sideways). Only for cameras without bearing or
 * pitch.
 */
export function mercatorPixel(
  lonLat: readonly number[],
  camera: Camera,
  size: { readonly width: number; readonly height: number },
): { x: number; y: number } {
  if (camera.bearing !== 0 || camera.pitch !== 0) {
    throw new Error(
      `invalid camera: bearing ${camera.bearing}, pitch ${camera.pitch} (only 0 is supported)`,
    );
  }
  const world = TILE * 2 ** camera.zoom;
  const mx = (lon: number) => (lon + 180) / 360;
  const my = (lat: number) =>
    (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
  let dx = mx(lonLat[0] ?? 0) - mx(camera.center[0]);
  dx -= Math.round(dx);
  const dy = my(lonLat[1] ?? 0) - my(camera.center[1]);
  return { x: size.width / 2 + dx * world, y: size.height / 2 + dy * world };
}

const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x0 && p.x < b.x1 && p.y >= b.y0 && p.y < b.y1;

/**
 * The places a person sees in the view: every node but waypoints (which have no name on the map)
 * whose point lies in the map's area (`size`, from its top-left corner) and under no panel.
 */
export function visiblePlaces(
  nodes: readonly PlaceNode[],
  camera: Camera,
  size: { readonly width: number; readonly height: number },
  panels: readonly Box[],
): PlaceNode[] {
  const map: Box = { x0: 0, y0: 0, x1: size.width, y1: size.height };
  return nodes.filter((node) => {
    if (node.kind === "waypoint") return false;
    const p = mercatorPixel(node.coordinates, camera, size);
    return inside(p, map) && !panels.some((panel) => inside(p, panel));
  });
}

/** The verdict on one view: every visible place named or not. */
export interface PlaceVerdict {
  readonly status: "PASS" | "FAIL" | "n/a";
  /** "all 9 labelled", "8 of 9 labelled; missing: Tumangang", … */
  readonly detail: string;
  /** Names of the visible places the page did not name; `null` when it cannot tell which. */
  readonly missing: readonly string[] | null;
}

/**
 * Compares the visible places with what the page placed: `labelled` is the mark's `places` (how
 * many place names it drew) and `labelledIds` its ids when the mark gives them. Without ids the
 * check compares counts (the page may also name a place just past the map's edge, so a count can
 * hide a missing name), and a shortfall lists the visible places without saying which are missing.
 */
export function placeVerdict(
  visible: readonly PlaceNode[],
  labelled: number | null,
  labelledIds: readonly string[] | null = null,
): PlaceVerdict {
  const n = visible.length;
  if (labelledIds) {
    const named = new Set(labelledIds);
    const missing = visible.filter((p) => !named.has(p.id)).map((p) => p.name);
    return missing.length === 0
      ? { status: "PASS", detail: `all ${n} labelled`, missing }
      : {
          status: "FAIL",
          detail: `${n - missing.length} of ${n} labelled; missing: ${missing.join(", ")}`,
          missing,
        };
  }
  if (labelled === null) {
    return { status: "n/a", detail: `${n} visible; no uplinks:labels mark`, missing: null };
  }
  if (labelled >= n) return { status: "PASS", detail: `all ${n} labelled`, missing: [] };
  const names = visible.map((p) => p.name).join(", ");
  return {
    status: "FAIL",
    detail: `${labelled} of ${n} labelled (the mark does not say which; visible: ${names})`,
    missing: null,
  };
}
