/**
 * The worker side of the level of detail's arrays (see `map/detail-camera.ts`): computes them
 * off the page's main thread, which meanwhile starts the map, and sends them back transferred.
 */
import { computeDetailArrays, type DetailArrays, type DetailSource } from "./detail-arrays";

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<DetailSource>) => void) | null;
  postMessage(message: DetailArrays, transfer: Transferable[]): void;
};

scope.onmessage = (event) => {
  const arrays = computeDetailArrays(event.data);
  scope.postMessage(arrays, [arrays.importance.buffer, arrays.firstChunk.buffer, arrays.tree]);
};
