/**
 * One cable → one link: its route of several parts (trunk and branches), its landing points as
 * from, to and via, its owners as networks, its dates and the names it had.
 *
 * A link joins the cable's landing points only: no waypoint for a branching unit or where a
 * drawn line stops, since the parts are drawn as they are and need no node at their ends. A
 * waypoint is made only where a cable would otherwise have fewer than two ends (a cable without
 * details whose drawing ends far from any landing point).
 */
import type { CountryIndex } from "../../src/model/country-index";
import { measureParts } from "../../src/model/crossings";
import { greatCircleKm, type LonLat } from "../../src/model/route";
import type { Crossing, FormerName, Link, TopologyNode } from "../../src/model/schema";
import type { IdAllocator } from "./ids";
import type { ImportReport } from "./import-report";
import type { CableActivity } from "./telegeography-activity";
import {
  type CableHistory,
  type CableRename,
  drawingParts,
  lastListing,
} from "./telegeography-history";
import { SAME_ROUTE } from "./telegeography-routes";
import type { DetailsLanding } from "./telegeography-snapshot";

/** A drawn line's end is joined to a landing point this close to it. */
export const SNAP_KM = 25;

/** What building links needs from the rest of the import. */
export interface LinkContext {
  /** The snapshots' dates and source ids, oldest first. */
  dates: readonly string[];
  sourceIds: readonly string[];
  boundaries: CountryIndex;
  /** The node of a landing point a details file names (a node is made for one known only there). */
  landingNode(landing: DetailsLanding): TopologyNode | undefined;
  /** Every landing point node, for drawings without details. */
  landingNodes: readonly TopologyNode[];
  /** Makes a waypoint node (see the file's comment). */
  waypoint(cableId: string, name: string, at: LonLat, note: string): TopologyNode;
  linkIds: IdAllocator;
  report: ImportReport;
}

/** The link of one cable history; `activity` from `cableActivity`, `networks` its owners' ids. */
export function buildCableLink(
  history: CableHistory,
  activity: CableActivity,
  networks: readonly string[],
  context: LinkContext,
): Link {
  const last = lastListing(history);
  const parts = drawingParts(last.drawing);
  const name = cableName(last);
  const ends = cableEnds(history, parts, name, context);
  const measures = measureCable(parts, ends, context.boundaries);
  const formerNames = namesBefore(history, context.dates);
  const renamed = history.renames.map((rename) => renameNote(history, rename, context.dates));
  const link: Link = {
    id: context.linkIds.take(last.id),
    name,
    kind: "submarine",
    from: (ends[0] as TopologyNode).id,
    to: (ends[ends.length - 1] as TopologyNode).id,
    active: activity.active,
    sources: [...new Set(history.listings.map((l) => context.sourceIds[l.snapshot] as string))],
    note: [...activity.facts, ...renamed].join(" "),
    path: parts.length === 1 ? (parts[0] as LonLat[]) : parts,
    ...measures,
  };
  if (ends.length > 2) link.via = ends.slice(1, -1).map((n) => n.id);
  if (networks.length > 0) link.networks = [...networks];
  if (activity.planned) link.planned = activity.planned;
  if (formerNames.length > 0) link.formerNames = formerNames;
  if (activity.assumptions.length > 0) link.assumptions = activity.assumptions;
  return link;
}

/** The name the details give, else the drawing's, else the id. */
const cableName = (listing: CableHistory["listings"][number]) =>
  listing.details?.name ?? listing.drawing.name ?? listing.id;

/**
 * The names a cable had before its last one, each with the last snapshot that listed it so. A
 * change of case or spacing only ("NATITUA", "Natitua") is no new name: search finds either.
 */
function namesBefore(history: CableHistory, dates: readonly string[]): FormerName[] {
  const key = (name: string) => name.toLowerCase().replace(/\s+/g, " ");
  const current = key(cableName(lastListing(history)));
  const former: FormerName[] = [];
  for (const listing of history.listings) {
    const name = cableName(listing);
    const until = dates[listing.snapshot] as string;
    const previous = former[former.length - 1];
    if (previous && key(previous.name) === key(name)) previous.until = until;
    else if (key(name) !== current || previous) former.push({ name, until });
  }
  // The run of listings under the current name is not a former name.
  while (former.length > 0 && key(former[former.length - 1]?.name ?? "") === current) former.pop();
  return former;
}

/**
 * The cable's ends: the landing points its details list, in their order; without details, the
 * landing points nearest the ends of its drawn lines, in drawing order.
 */
function cableEnds(
  history: CableHistory,
  parts: readonly LonLat[][],
  name: string,
  context: LinkContext,
): TopologyNode[] {
  const last = lastListing(history);
  const ends: TopologyNode[] = [];
  const add = (node: TopologyNode | undefined) => {
    if (node && !ends.includes(node)) ends.push(node);
  };
  for (const landing of last.details?.landings ?? []) {
    const node = context.landingNode(landing);
    if (!node)
      context.report.remark(
        "landing points of a cable's details not found (left out)",
        `${last.id}: ${landing.id}`,
      );
    add(node);
  }
  if (ends.length >= 2) return ends;
  if (last.details)
    context.report.remark(
      "cables whose details list fewer than two landing points (ends taken from the drawing)",
      last.id,
    );
  const lineEnds = parts.flatMap((part) => [part[0] as LonLat, part[part.length - 1] as LonLat]);
  const unmatched: LonLat[] = [];
  for (const at of lineEnds) {
    const node = nearestNode(at, context.landingNodes);
    if (node) add(node);
    else unmatched.push(at);
  }
  for (const at of unmatched) {
    if (ends.length >= 2) break;
    if (ends.some((n) => greatCircleKm(n.coordinates as LonLat, at) < 1)) continue;
    add(
      context.waypoint(
        last.id,
        `${name}: end of the drawn route`,
        at,
        `Where the drawn cable ends with no landing point within ${SNAP_KM} km: a branching unit at sea, or where the drawing stops.`,
      ),
    );
  }
  if (ends.length < 2) {
    // A loop drawn back to where it starts (a festoon): its far end is its vertex farthest away.
    const start = (ends[0]?.coordinates ?? lineEnds[0]) as LonLat;
    let far = start;
    for (const part of parts) {
      for (const vertex of part)
        if (greatCircleKm(start, vertex) > greatCircleKm(start, far)) far = vertex;
    }
    add(
      context.waypoint(
        last.id,
        `${name}: turning point`,
        far,
        "The cable is drawn as a loop; this is its point farthest from where it starts.",
      ),
    );
  }
  return ends;
}

/** The nearest node within {@link SNAP_KM}, or `undefined`. */
function nearestNode(at: LonLat, candidates: readonly TopologyNode[]): TopologyNode | undefined {
  let best: TopologyNode | undefined;
  let bestKm = SNAP_KM;
  for (const node of candidates) {
    const km = greatCircleKm(at, node.coordinates as LonLat);
    if (km <= bestKm) {
      best = node;
      bestKm = km;
    }
  }
  return best;
}

/**
 * Length, countries and crossings over all parts (`measureParts`), with the countries of the
 * landing points that no part reaches (a drawing that stops short of the coast).
 */
function measureCable(
  parts: readonly LonLat[][],
  ends: readonly TopologyNode[],
  boundaries: CountryIndex,
): { lengthKm: number; countries: string[]; crossings: Crossing[] } {
  const measured = measureParts(parts, boundaries);
  const countries = [...measured.countries];
  for (const node of ends)
    if (node.country && !countries.includes(node.country)) countries.push(node.country);
  return { lengthKm: measured.lengthKm, countries, crossings: measured.crossings };
}

/** "TeleGeography listed it as "Alaska United East" (alaska-united-east) until 2019-12-11 …" */
function renameNote(history: CableHistory, rename: CableRename, dates: readonly string[]): string {
  const i = history.listings.findIndex((l) => l.id === rename.to);
  const before = history.listings[i - 1];
  const after = history.listings[i];
  if (!before || !after) return "";
  const why =
    rename.by === "route"
      ? `most of each route runs within ${SAME_ROUTE.km} km of the other`
      : "both land at the same places";
  return `TeleGeography listed it as "${cableName(before)}" (${before.id}) until ${dates[before.snapshot]} and as "${cableName(after)}" (${after.id}) from ${dates[after.snapshot]}: taken as one cable renamed, since ${why}.`;
}
