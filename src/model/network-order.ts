/**
 * The order in which a document lists its networks: autonomous systems by AS number, then the
 * networks without one by id. Every writer of documents (the pipeline, the importers) sorts with
 * it, so the same networks always come out in the same order (see `networks.ts` for the keys).
 */
import type { Network } from "./schema";

/** Sorts networks with an AS number first, by number; then the others, by id. */
export function compareNetworks(
  a: Pick<Network, "id" | "asn">,
  b: Pick<Network, "id" | "asn">,
): number {
  if (a.asn !== undefined && b.asn !== undefined) return a.asn - b.asn;
  if (a.asn !== undefined) return -1;
  if (b.asn !== undefined) return 1;
  const ka = a.id ?? "";
  const kb = b.id ?? "";
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
