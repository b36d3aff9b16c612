/**
 * A country's cross-border links: what the country focus brightens on the map and what its
 * connectivity series (`connectivity.ts`, loaded with the country panel) counts. Pure.
 */
import type { Link, Topology } from "../model/schema";

/**
 * True when `link` is one of `country`'s cross-border links: it touches the country and another
 * one, or crosses the country's border. A satellite link from the country counts too: its hop
 * leaves the country, though on the ground it crosses no border (the pipeline computes no country
 * in space, so such a link lists only the country it starts from).
 */
export function isCrossBorderLinkOf(link: Link, country: string): boolean {
  if (link.crossings.some((c) => c.from === country || c.to === country)) return true;
  if (!link.countries.includes(country)) return false;
  return link.kind === "satellite" || link.countries.some((c) => c !== country);
}

/** Ids of `country`'s cross-border links, active or not. */
export const crossBorderLinkIds = (topology: Topology, country: string): Set<string> =>
  new Set(topology.links.filter((l) => isCrossBorderLinkOf(l, country)).map((l) => l.id));
