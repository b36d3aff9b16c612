/**
 * What a cluster of places or a bundle of links holds, in words: short for the tooltip, whole for
 * the panel a click opens (each place or link a way to select it). Pure.
 */
import type { LinkBundle } from "./bundles";
import type { PlaceCluster } from "./place-clusters";

/** The tooltip names this many of a group's places or links. */
const TOOLTIP_NAMES = 5;
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

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The tooltip of a cluster: how many places, the busiest of them; a click says more. */
export function describeCluster(cluster: PlaceCluster) {
  const shown = cluster.members.slice(0, TOOLTIP_NAMES);
  const more = cluster.members.length - shown.length;
  const names = shown.map((d) => d.node.name).join("; ");
  return {
    title: plural(cluster.members.length, "place"),
    lines: [
      more > 0 ? `${names}; and ${more} more` : names,
      "Click for the list; zoom in to split",
    ],
  };
}

/** The tooltip of a bundle: how many links between which ends, the first of them. */
export function describeBundle(bundle: LinkBundle) {
  const { links } = bundle;
  const shown = links.slice(0, TOOLTIP_NAMES).map((l) => l.name);
  const more = links.length - shown.length;
  return {
    title: `${plural(links.length, "link")}: ${bundle.fromName} — ${bundle.toName}`,
    lines: [...shown, ...(more > 0 ? [`and ${more} more`] : []), "Click for the list"],
  };
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
