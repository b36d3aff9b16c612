/** Camera helpers: the view that frames a dataset, and comparing cameras. Pure. */
import type { Topology } from "../model/schema";
import type { Camera } from "../state/store";

/** `[[west, south], [east, north]]` of the places a dataset's links run through on the ground. */
export function datasetBounds(topology: Topology): [[number, number], [number, number]] {
  const ground = topology.nodes.filter((n) => n.kind !== "satellite");
  const points = (ground.length > 0 ? ground : topology.nodes).map((n) => n.coordinates);
  if (points.length === 0)
    return [
      [-180, -60],
      [180, 75],
    ];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

/** True when two cameras show practically the same view. */
export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (!a || !b) return a === b;
  return (
    Math.abs(a.center[0] - b.center[0]) < 1e-5 &&
    Math.abs(a.center[1] - b.center[1]) < 1e-5 &&
    Math.abs(a.zoom - b.zoom) < 1e-3 &&
    Math.abs(a.bearing - b.bearing) < 0.1 &&
    Math.abs(a.pitch - b.pitch) < 0.1
  );
}

/** A camera as MapLibre's options take it. */
export const cameraOptions = (camera: Camera) => ({
  center: [...camera.center] as [number, number],
  zoom: camera.zoom,
  bearing: camera.bearing,
  pitch: camera.pitch,
});
