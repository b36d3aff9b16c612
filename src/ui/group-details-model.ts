/**
 * What the panel of a cluster of places or a bundle of links (`group-details.ts`) lists: each
 * place or link a way to select it. Pure.
 */
import type { LinkBundle } from "../layers/bundles";
import { plural } from "../layers/describe-group";
import type { PlaceCluster } from "../layers/place-clusters";

/** The panel lists this many; the rest are counted ("and 40 more"). */
const PANEL_ITEMS = 200;

/** One place or link of a group, as the panel lists it. */
export interface GroupItem {
  readonly kind: "node" | "link";
  readonly id: string;
  readonly name: string;
  readonly meta: string;
}

/** A cluster's or a bundle's panel. */
export interface GroupDetails {
  /** "Cluster of places" or "Bundle of links". */
  readonly eyebrow: string;
  readonly title: string;
  readonly lead: string;
  readonly items: readonly GroupItem[];
  /** How many are not listed. */
  readonly more: number;
}

/** The panel of a cluster: its places, busiest first, with their numbers of links. */
export function clusterDetails(cluster: PlaceCluster): GroupDetails {
  const { members } = cluster;
  return {
    eyebrow: "Cluster of places",
    title: plural(members.length, "place"),
    lead: "Drawn as one at this zoom. Zoom in to see them apart, or choose a place.",
    items: members.slice(0, PANEL_ITEMS).map((d) => ({
      kind: "node",
      id: d.node.id,
      name: d.node.name,
      meta: plural(d.degree, "link"),
    })),
    more: Math.max(0, members.length - PANEL_ITEMS),
  };
}

/** The panel of a bundle: its links, in the dataset's order, with when each came into service. */
export function bundleDetails(bundle: LinkBundle): GroupDetails {
  const { links } = bundle;
  return {
    eyebrow: "Bundle of links",
    title: plural(links.length, "link"),
    lead: `Between ${bundle.fromName} and ${bundle.toName}, active on this date. Zoom in to see them apart, or choose a link.`,
    items: links.slice(0, PANEL_ITEMS).map((l) => ({
      kind: "link",
      id: l.id,
      name: l.name,
      meta: l.active[0] ? `since ${l.active[0].from}` : "",
    })),
    more: Math.max(0, links.length - PANEL_ITEMS),
  };
}
