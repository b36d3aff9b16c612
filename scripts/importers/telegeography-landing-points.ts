/**
 * Landing points across snapshots: one identity per place, whatever ids the snapshots gave it.
 *
 * Rule: the same id is the same landing point. A point under an id the earlier snapshots did not
 * use is an earlier point under a new id when that earlier point is missing from this snapshot
 * and either lies within {@link SAME_PLACE_KM} under the same place name — the name before its
 * first comma, ignoring case, accents and punctuation — or within {@link SAME_SPOT_KM} whatever
 * its name. TeleGeography re-keys landing points when it rewrites their names: a country's
 * ("Kwajalein, Republic of Marshall Islands" → "Kwajalein, Marshall Islands"; "Busan, Korea,
 * Rep." → "Busan, South Korea"), a state added ("Perth, Australia" → "Perth, WA, Australia"),
 * a spelling fixed in place ("Lavagulin" → "Lagavulin"); and it nudges positions by metres.
 * None of these makes a new place. The nearest qualifying point is taken.
 */
import { greatCircleKm } from "../../src/model/route";
import type { LandingPoint, Snapshot } from "./telegeography-snapshot";

/** A point this close, of the same place name, under a new id, is the same landing point. */
export const SAME_PLACE_KM = 1;
/** A point this close under a new id is the same landing point, whatever it is called. */
export const SAME_SPOT_KM = 0.1;

/** One landing point over all snapshots. */
export interface TrackedLandingPoint {
  /** Every id it had, oldest first. */
  ids: string[];
  /** As the latest snapshot listing it gives it: the node takes its name and position. */
  latest: LandingPoint;
  /** The indexes of the snapshots that list it. */
  snapshots: number[];
}

export interface LandingPointIdentities {
  /** In order of first listing. */
  points: TrackedLandingPoint[];
  /** The landing point an id (of any snapshot) stands for. */
  byId: ReadonlyMap<string, TrackedLandingPoint>;
}

/** `"Cancún, Mexico"` → `"cancun"`: the place, without its state or country, as words. */
const placeKey = (name: string) =>
  (name.split(",")[0] ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** The earlier point missing from this snapshot that `point` continues, if any. */
function earlierPoint(
  point: LandingPoint,
  missing: readonly TrackedLandingPoint[],
  listed: ReadonlySet<TrackedLandingPoint>,
): TrackedLandingPoint | undefined {
  const place = placeKey(point.name);
  let match: TrackedLandingPoint | undefined;
  let matchKm = Number.POSITIVE_INFINITY;
  for (const candidate of missing) {
    if (listed.has(candidate)) continue;
    const km = greatCircleKm(point.coordinates, candidate.latest.coordinates);
    const same =
      km <= SAME_SPOT_KM || (km <= SAME_PLACE_KM && placeKey(candidate.latest.name) === place);
    if (same && km < matchKm) {
      match = candidate;
      matchKm = km;
    }
  }
  return match;
}

/** Follows every landing point through `snapshots` (oldest first). */
export function trackLandingPoints(snapshots: readonly Snapshot[]): LandingPointIdentities {
  const points: TrackedLandingPoint[] = [];
  const byId = new Map<string, TrackedLandingPoint>();
  snapshots.forEach((snapshot, s) => {
    const listed = new Set<TrackedLandingPoint>();
    const newcomers: LandingPoint[] = [];
    for (const point of snapshot.landingPoints.values()) {
      const known = byId.get(point.id);
      if (known && !listed.has(known)) {
        known.latest = point;
        known.snapshots.push(s);
        listed.add(known);
      } else if (!known) newcomers.push(point);
    }
    const missing = points.filter((tracked) => !listed.has(tracked));
    for (const point of newcomers) {
      const match = earlierPoint(point, missing, listed);
      const tracked = match ?? { ids: [], latest: point, snapshots: [] };
      if (!match) points.push(tracked);
      tracked.ids.push(point.id);
      tracked.latest = point;
      tracked.snapshots.push(s);
      byId.set(point.id, tracked);
      listed.add(tracked);
    }
  });
  return { points, byId };
}
