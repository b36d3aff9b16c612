/**
 * The layer instances kept between builds. While the flow animates, only the links layer changes
 * from frame to frame: handing deck.gl the same instance of every other layer spares it comparing
 * each one's props again, on every frame (and the map view skips work for layers it has seen).
 */
import type { Layer } from "@deck.gl/core";

/**
 * The layer last built for `id` if every one of `deps` is the same (`Object.is`) as when it was
 * built; otherwise `build()`'s layer, kept for next time. `deps` are what the layer is built
 * from, in the same order on every call for an id.
 */
export type KeepLayer = (id: string, deps: readonly unknown[], build: () => Layer) => Layer;

/** An empty cache of layer instances, one per builder. */
export function createLayerCache(): KeepLayer {
  const kept = new Map<string, { deps: readonly unknown[]; layer: Layer }>();
  return (id, deps, build) => {
    const last = kept.get(id);
    if (last?.deps.every((d, i) => Object.is(d, deps[i]))) return last.layer;
    const layer = build();
    kept.set(id, { deps, layer });
    return layer;
  };
}
