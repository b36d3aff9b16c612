/** A topology document with compact paths: the form for datasets too large for plain coordinates. */
import { DEFAULT_PATH_DECIMALS, encodeCompactPath } from "./compact-path";
import { pathCoordinates } from "./path-coordinates";
import type { Link, Topology } from "./schema";

/** A link as a compact document holds it: its path is a compact path string. */
export type CompactLink = Omit<Link, "path"> & { path: string };
/** What {@link encodeCompactTopology} returns: a topology document, ready for `JSON.stringify`. */
export type CompactTopologyDocument = Omit<Topology, "links"> & { links: CompactLink[] };

/**
 * `topology` with every link's path in the compact form (see `compact-path.ts`), its coordinates
 * rounded to `decimals`; everything else as it was, in the same field order. `parseTopology`
 * reads it back as the same topology, within half a unit of the last decimal.
 */
export function encodeCompactTopology(
  topology: Topology,
  decimals: number = DEFAULT_PATH_DECIMALS,
): CompactTopologyDocument {
  const links = topology.links.map((link) => {
    const path = encodeCompactPath(pathCoordinates(link), decimals);
    // Field by field rather than a spread, which would build the vertices of a decoded path.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(link)) {
      out[key] = key === "path" ? path : link[key as keyof Link];
    }
    return out as CompactLink;
  });
  return { ...topology, links };
}
