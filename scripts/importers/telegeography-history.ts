/**
 * Cables across snapshots: which listings are one cable, including a cable TeleGeography renamed
 * (gave a new id) between two snapshots.
 *
 * The rename rule: a cable last listed in one snapshot and never again under its id, and a new
 * id first listed in the next snapshot, are one cable renamed when either
 * - both have details whose landing points are the same set of places (two or more; landing
 *   points are matched across snapshots as `telegeography-landing-points.ts` says), or
 * - their drawings are the same route: at least 80% of each one's vertices within 10 km of the
 *   other (`sameRoute`).
 * Each old cable is renamed to at most one new id: the best match, landing points first.
 *
 * Why both, and why these figures (measured on the five snapshots of 2019–2021, every pair of a
 * cable gone and a new id): most renames keep their landing points while the line is redrawn a
 * little (Alaska United, Coral Sea Cable System, Vodafone to Epic Malta–Sicily); Pacific Cable to
 * SPSC/Mistral keeps its landings with only 69% of its route within 5 km. North Sea Connect became
 * Havhingsten/North Sea Connect landing at Houstrup, not Esbjerg: 88% and 93% of the routes lie
 * within 10 km of each other, under 40% within 5 km. The closest pair that is not a rename,
 * Denmark–Norway 6 retired as Havsil arrived, shares 60% within 10 km; a cable cut down to one
 * of its segments (Columbus-III to its Azores–Portugal part) keeps too little of the old route.
 */
import type { LonLat } from "../../src/model/route";
import type { LandingPointIdentities, TrackedLandingPoint } from "./telegeography-landing-points";
import { routeParts, SAME_ROUTE, sameRoute, shareNear } from "./telegeography-routes";
import type { CableDetails, CableDrawing, Snapshot } from "./telegeography-snapshot";

/** A cable as one snapshot lists it. */
export interface CableListing {
  /** The index of the snapshot. */
  snapshot: number;
  id: string;
  drawing: CableDrawing;
  details: CableDetails | undefined;
}

export interface CableRename {
  /** The snapshot that first lists the new id. */
  snapshot: number;
  from: string;
  to: string;
  /** Which half of the rule matched. */
  by: "landing points" | "route";
}

/** One cable over all snapshots. */
export interface CableHistory {
  /** One per snapshot listing it, oldest first. */
  listings: CableListing[];
  renames: CableRename[];
}

/** What changed from one snapshot to the next. */
export interface SnapshotStep {
  /** The index of the later snapshot. */
  snapshot: number;
  /** Cables first listed here. */
  added: CableHistory[];
  renamed: CableRename[];
  /** Cables listed in the previous snapshot and not in this one (nor renamed). */
  missing: CableHistory[];
  /** Cables listed again after missing from one snapshot or more. */
  returned: CableHistory[];
  /** Cables listed in both under the same id. */
  kept: number;
}

export interface CableHistories {
  histories: CableHistory[];
  /** One per snapshot after the first. */
  steps: SnapshotStep[];
}

export const lastListing = (history: CableHistory) =>
  history.listings[history.listings.length - 1] as CableListing;

/** The route parts of a drawing, computed once. */
const partsCache = new WeakMap<CableDrawing, LonLat[][]>();
export function drawingParts(drawing: CableDrawing): LonLat[][] {
  let parts = partsCache.get(drawing);
  if (!parts) {
    parts = routeParts(drawing.lines);
    partsCache.set(drawing, parts);
  }
  return parts;
}

/** The places a cable's details say it lands at, as a key; `undefined` for fewer than two. */
function landingSetKey(
  details: CableDetails | undefined,
  landingPoints: LandingPointIdentities,
  placeIds: Map<TrackedLandingPoint, number>,
): string | undefined {
  if (!details || details.landings.length < 2) return undefined;
  const keys = details.landings.map(({ id }) => {
    const tracked = landingPoints.byId.get(id);
    return tracked ? `#${placeIds.get(tracked)}` : `id:${id}`;
  });
  return [...new Set(keys)].sort().join(" ");
}

/** Follows every cable through `snapshots` (oldest first). */
export function trackCables(
  snapshots: readonly Snapshot[],
  landingPoints: LandingPointIdentities,
): CableHistories {
  const placeIds = new Map(landingPoints.points.map((p, i) => [p, i]));
  const lastSnapshotOf = new Map<string, number>();
  snapshots.forEach((snapshot, s) => {
    for (const id of snapshot.cables.keys()) lastSnapshotOf.set(id, s);
  });
  const histories: CableHistory[] = [];
  const byId = new Map<string, CableHistory>();
  const steps: SnapshotStep[] = [];
  snapshots.forEach((snapshot, s) => {
    const step: SnapshotStep = {
      snapshot: s,
      added: [],
      renamed: [],
      missing: [],
      returned: [],
      kept: 0,
    };
    const listed = new Set<CableHistory>();
    const fresh: CableListing[] = [];
    for (const drawing of snapshot.cables.values()) {
      const listing = {
        snapshot: s,
        id: drawing.id,
        drawing,
        details: snapshot.details.get(drawing.id),
      };
      const known = byId.get(drawing.id);
      if (known) {
        if (lastListing(known).snapshot === s - 1) step.kept++;
        else step.returned.push(known);
        known.listings.push(listing);
        listed.add(known);
      } else fresh.push(listing);
    }
    const gone = histories.filter((h) => lastListing(h).snapshot === s - 1 && !listed.has(h));
    // Only a cable whose id is never listed again can have been renamed.
    const candidates = gone.filter((h) => lastSnapshotOf.get(lastListing(h).id) === s - 1);
    const matches = matchRenames(candidates, fresh, (details) =>
      landingSetKey(details, landingPoints, placeIds),
    );
    for (const listing of fresh) {
      const match = matches.get(listing);
      if (match) {
        const rename: CableRename = {
          snapshot: s,
          from: lastListing(match.history).id,
          to: listing.id,
          by: match.by,
        };
        match.history.renames.push(rename);
        match.history.listings.push(listing);
        step.renamed.push(rename);
        byId.set(listing.id, match.history);
        continue;
      }
      const history: CableHistory = { listings: [listing], renames: [] };
      histories.push(history);
      byId.set(listing.id, history);
      step.added.push(history);
    }
    step.missing = gone.filter((h) => lastListing(h).snapshot !== s);
    if (s > 0) steps.push(step);
  });
  return { histories, steps };
}

interface RenameMatch {
  history: CableHistory;
  by: CableRename["by"];
}

/** The new listing each old cable was renamed to, by the rule above. */
function matchRenames(
  gone: readonly CableHistory[],
  fresh: readonly CableListing[],
  landingKey: (details: CableDetails | undefined) => string | undefined,
): Map<CableListing, RenameMatch> {
  const pairs: {
    history: CableHistory;
    listing: CableListing;
    score: number;
    by: RenameMatch["by"];
  }[] = [];
  for (const history of gone) {
    const old = lastListing(history);
    const oldKey = landingKey(old.details);
    const oldParts = drawingParts(old.drawing);
    for (const listing of fresh) {
      const newParts = drawingParts(listing.drawing);
      const key = landingKey(listing.details);
      const route = sameRoute(oldParts, newParts);
      if (oldKey !== undefined && oldKey === key) {
        // Ties between cables with the same landing points go to the closer route.
        const closeness = route ? 1 : shareNear(oldParts, newParts, SAME_ROUTE.km);
        pairs.push({ history, listing, score: 2 + closeness, by: "landing points" });
      } else if (route) {
        const closeness = Math.min(
          shareNear(oldParts, newParts, SAME_ROUTE.km),
          shareNear(newParts, oldParts, SAME_ROUTE.km),
        );
        pairs.push({ history, listing, score: closeness, by: "route" });
      }
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  const matches = new Map<CableListing, RenameMatch>();
  const taken = new Set<CableHistory>();
  for (const { history, listing, by } of pairs) {
    if (taken.has(history) || matches.has(listing)) continue;
    taken.add(history);
    matches.set(listing, { history, by });
  }
  return matches;
}
