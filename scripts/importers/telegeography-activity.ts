/**
 * When a cable was planned and when in service, from its ready-for-service date and the dates of
 * the snapshots that list it.
 *
 * - Active from its RFS (to the month, quarter or year given: `partial-dates.ts`).
 * - Planned from the first snapshot listing it, when that is before its RFS, to its RFS.
 * - It ends at the first snapshot from which it is missing for good (retired, or removed from the
 *   map); a snapshot or two missing it between listings is taken as a gap in the map, not an end.
 * - A cable missing for good while still planned (its RFS after its last listing) was withdrawn:
 *   planned until it went missing, never active.
 * - Without a readable RFS it is active from its first listing (dates unknown).
 * The RFS and the facts come from its last listing: the latest word on it.
 */
import type { Interval } from "../../src/model/schema";
import { partialDateAssumption } from "./partial-dates";
import type { CableDetails } from "./telegeography-snapshot";

export interface CableActivity {
  active: Interval[];
  planned?: Interval[] | undefined;
  /** Sentences for the link's note: its RFS, its length. */
  facts: string[];
  assumptions: string[];
  /** How it ended, if it did: the snapshot dates the end was inferred from. */
  ending?: { kind: "retired" | "withdrawn"; lastListed: string; absentFrom: string } | undefined;
  /** Why its dates are unknown, when they are. */
  datesUnknown?: string | undefined;
}

export interface ListingDates {
  /** The dates of the snapshots that list the cable, oldest first. */
  listed: readonly string[];
  /** The dates of all snapshots, oldest first. */
  snapshots: readonly string[];
  /** Its details, as the last snapshot listing it gives them. */
  details: CableDetails | undefined;
}

/** A cable's planned and active intervals and what they rest on. */
export function cableActivity({ listed, snapshots, details }: ListingDates): CableActivity {
  const first = listed[0] as string;
  const last = listed[listed.length - 1] as string;
  const absentFrom = snapshots.find((date) => date > last);
  const single = snapshots.length === 1;
  const facts: string[] = [];
  const assumptions: string[] = [];
  const gaps = snapshots.filter((date) => date > first && date < last && !listed.includes(date));
  if (gaps.length > 0) {
    assumptions.push(
      `Missing from the ${list(gaps)} snapshot${gaps.length > 1 ? "s" : ""}, listed before and after: taken as a gap in the map, not a time out of service.`,
    );
  }
  // "n.a." and the like say nothing.
  const length = /\d/.test(details?.length ?? "") ? details?.length?.replace(/\.$/, "") : undefined;
  const lengthFact = length ? [`Length given by TeleGeography: ${length}.`] : [];
  // Its active interval starts on or before `last`, so it ends after it starts.
  const retired = () => {
    if (!absentFrom) return undefined;
    assumptions.push(
      `Last listed on ${last}; absent from ${absentFrom} (retired or removed from the map).`,
    );
    return { kind: "retired" as const, lastListed: last, absentFrom };
  };

  const rfs = details?.rfs;
  if (!rfs || !details?.rfsText) {
    const why = !details
      ? "no details file for this cable"
      : details.rfsText
        ? `its ready-for-service date "${details.rfsText}" is not a date this importer reads`
        : "its details give no ready-for-service date";
    const shown = single
      ? `${first}, the date of the import, when it is on TeleGeography's map`
      : `${first}, the first snapshot listing it`;
    facts.push(`Dates unknown (${why}).`, ...lengthFact);
    assumptions.unshift(
      single
        ? `Active from ${first} (the import's date): the cable is on the map then, but when it entered service is not known.`
        : `Active from ${first}, the first snapshot listing it: when it entered service is not known.`,
    );
    const ending = retired();
    return {
      active: [
        { from: first, to: absentFrom ?? null, note: `dates unknown: ${why}; shown from ${shown}` },
      ],
      facts,
      assumptions,
      ending,
      datesUnknown: why,
    };
  }

  assumptions.unshift(...partialDateAssumption("Ready-for-service date", details.rfsText, rfs));
  const planned: Interval[] | undefined =
    first < rfs.date ? [{ from: first, to: rfs.date }] : undefined;
  if (absentFrom && rfs.date > last) {
    facts.push(
      `Planned (ready for service expected ${details.rfsText} as of ${last}) and withdrawn: missing from the map from ${absentFrom}.`,
      ...lengthFact,
    );
    assumptions.push(
      `Listed as planned until ${last}; absent from ${absentFrom}, before its ready-for-service date: taken as withdrawn, never in service.`,
    );
    return {
      active: [],
      planned: [{ from: first, to: absentFrom }],
      facts,
      assumptions,
      ending: { kind: "withdrawn", lastListed: last, absentFrom },
    };
  }
  facts.push(
    rfs.date > last
      ? `Planned: ready for service expected ${details.rfsText} (as of ${last}).`
      : `Ready for service: ${details.rfsText}.`,
    ...lengthFact,
  );
  return {
    active: [{ from: rfs.date, to: absentFrom ?? null }],
    planned,
    facts,
    assumptions,
    ending: retired(),
  };
}

/** "2019-12-11", "2019-12-11 and 2020-06-26", "a, b and c". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
