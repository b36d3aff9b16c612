/**
 * TeleGeography's Submarine Cable Map (its public JSON API) → topology, from one snapshot of its
 * files or several dated ones: each cable one submarine link along its drawn route (trunk and
 * branches as parts), its landing points nodes, its owners networks, and its history — planned,
 * in service, renamed, retired — read from the snapshots.
 *
 * The parts: `telegeography-snapshot.ts` reads a snapshot, `telegeography-landing-points.ts` and
 * `telegeography-history.ts` follow landing points and cables across snapshots (the rename rule
 * is there), `telegeography-activity.ts` dates them, `telegeography-nodes.ts`,
 * `telegeography-links.ts` and `telegeography-owners.ts` build the records, and
 * `telegeography-report.ts` says what changed from one snapshot to the next.
 */
import { basename } from "node:path";
import { isIsoDate } from "../../src/model/dates";
import type { License, Source, Topology } from "../../src/model/schema";
import { naturalEarthGridIndex } from "./grid-country-index";
import { createIdAllocator } from "./ids";
import { createImportReport, type ImportReport } from "./import-report";
import { createProblemList } from "./input-error";
import { createProgress } from "./progress";
import { type CableActivity, cableActivity } from "./telegeography-activity";
import { lastListing, trackCables } from "./telegeography-history";
import { trackLandingPoints } from "./telegeography-landing-points";
import { buildCableLink, type LinkContext } from "./telegeography-links";
import { createCableNodes } from "./telegeography-nodes";
import { createOwnerNetworks } from "./telegeography-owners";
import { reportHistory } from "./telegeography-report";
import {
  modificationDate,
  readSnapshot,
  type Snapshot,
  type SnapshotFiles,
} from "./telegeography-snapshot";
import { assembleTopology } from "./topology-output";

export { joinAtAntimeridian } from "./telegeography-routes";
export { type SnapshotFiles, snapshotInDir } from "./telegeography-snapshot";

/** The terms TeleGeography publishes the map's data under, with the credit it asks for. */
export const TELEGEOGRAPHY_LICENSE: License = {
  spdx: "CC-BY-NC-SA-3.0",
  name: "CC BY-NC-SA 3.0",
  url: "https://creativecommons.org/licenses/by-nc-sa/3.0/",
  attribution: "Submarine cable data: TeleGeography, submarinecablemap.com (CC BY-NC-SA 3.0)",
};

/** The source id of the snapshot of `date`. */
export const telegeographySourceId = (date: string) => `telegeography-${date}`;

export interface TelegeographyOptions {
  /**
   * One snapshot, or several (each with its `date`): the history is read from them, whatever
   * their order here.
   */
  snapshots: readonly SnapshotFiles[];
  id?: string | undefined;
  title?: string | undefined;
  description?: string | undefined;
}

/** Imports the Submarine Cable Map files; throws an InputError listing every problem found. */
export async function importTelegeography(
  options: TelegeographyOptions,
  report: ImportReport = createImportReport("telegeography"),
): Promise<{ topology: Topology; report: ImportReport }> {
  const problems = createProblemList();
  const dated = datedSnapshots(options.snapshots, report);
  const snapshots: Snapshot[] = dated.map(({ files, date }) =>
    readSnapshot(files, date, problems, report),
  );
  problems.throwIfAny();
  const dates = snapshots.map((s) => s.date);
  const sourceIds = dates.map(telegeographySourceId);
  const updated = dates[dates.length - 1] as string;
  const boundaries = naturalEarthGridIndex();

  const landingPoints = trackLandingPoints(snapshots);
  const { histories, steps } = trackCables(snapshots, landingPoints);

  const cableNodes = createCableNodes(snapshots, landingPoints, sourceIds, boundaries, report);
  const context: LinkContext = {
    ...cableNodes,
    dates,
    sourceIds,
    boundaries,
    linkIds: createIdAllocator("cable"),
    report,
  };

  const owners = createOwnerNetworks();
  const usedNetworks = new Set<string>();
  const activities = new Map<object, CableActivity>();
  const progress = createProgress("telegeography: routing cables", histories.length, {
    enabled: histories.length > 2_000,
  });
  const links = histories.map((history, i) => {
    progress.update(i);
    let networks: string[] = [];
    for (const listing of history.listings) {
      networks = owners.add(listing.details?.owners ?? [], sourceIds[listing.snapshot] as string);
    }
    for (const id of networks) usedNetworks.add(id);
    const last = lastListing(history);
    const activity = cableActivity({
      listed: history.listings.map((l) => dates[l.snapshot] as string),
      snapshots: dates,
      details: last.details,
    });
    activities.set(history, activity);
    report.imported("cables");
    return buildCableLink(history, activity, networks, context);
  });
  progress.finish();
  const networks = owners.networks().filter((n) => usedNetworks.has(n.id as string));
  report.imported("networks (cable owners)", networks.length);
  reportHistory(report, { dates, histories, steps, activities });

  const sources: Source[] = dates.map((date, s) => ({
    id: sourceIds[s] as string,
    title: `Submarine Cable Map, snapshot of ${date}`,
    publisher: "TeleGeography",
    url: "https://www.submarinecablemap.com/",
    date,
    license: TELEGEOGRAPHY_LICENSE,
  }));
  const span =
    dates.length > 1 ? `${dates.length} snapshots, ${dates[0]} to ${updated}` : `as of ${updated}`;
  const topology = withLicense(
    assembleTopology({
      id: options.id ?? "submarine-cables",
      title: options.title ?? "Submarine cables (TeleGeography)",
      description:
        options.description ??
        `${links.length} submarine cables and their landing points from TeleGeography's Submarine Cable Map (${span}). A cable is active from its ready-for-service date; one that drops off the map ends at the first snapshot without it. Owners are networks without AS numbers.`,
      updated,
      sources,
      networks,
      nodes: cableNodes.nodes,
      links,
    }),
    TELEGEOGRAPHY_LICENSE,
  );
  return { topology, report };
}

/**
 * The snapshots with their dates, oldest first. A lone snapshot without a date takes the
 * modification date of its cables file (when it was downloaded); several need one each.
 */
function datedSnapshots(
  list: readonly SnapshotFiles[],
  report: ImportReport,
): { files: SnapshotFiles; date: string }[] {
  if (list.length === 0) throw new Error("importTelegeography: no snapshot given");
  const problems = createProblemList();
  const dated = list.flatMap((files) => {
    if (files.date === undefined && list.length === 1) {
      const date = modificationDate(files.cablesFile);
      report.note(
        `--updated not given: using ${date}, the modification date of ${basename(files.cablesFile)} (when it was downloaded); pass --updated YYYY-MM-DD to pin it`,
      );
      return [{ files, date }];
    }
    if (files.date === undefined || !isIsoDate(files.date)) {
      problems.add({
        file: files.cablesFile,
        message: "each of several snapshots needs its date (YYYY-MM-DD)",
        value: files.date,
      });
      return [];
    }
    return [{ files, date: files.date }];
  });
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  dated.forEach(({ files, date }, i) => {
    if (i > 0 && dated[i - 1]?.date === date)
      problems.add({
        file: files.cablesFile,
        message: "another snapshot has the same date",
        value: date,
      });
  });
  problems.throwIfAny();
  return dated;
}

/** `topology` with its `license`, placed after its `boundaries` note. */
function withLicense(topology: Topology, license: License): Topology {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(topology)) {
    out[key] = value;
    if (key === "boundaries") out.license = license;
  }
  if (!("license" in out)) out.license = license;
  return out as Topology;
}
