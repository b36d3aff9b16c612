/**
 * What a cluster of places or a bundle of links holds, in words, for the tooltip (the panel a
 * click opens is `ui/group-details-model.ts`). Pure.
 */
import { count } from "../model/count";
import type { LinkBundle } from "./bundles";
import type { PlaceCluster } from "./place-clusters";

/** The tooltip names this many of a group's places or links. */
const TOOLTIP_NAMES = 5;

/** "1 place", "3 places". */
export const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

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

/** A cluster or a bundle the reader clicked. */
export type InspectedGroup =
  | { readonly kind: "cluster"; readonly cluster: PlaceCluster }
  | { readonly kind: "bundle"; readonly bundle: LinkBundle };
