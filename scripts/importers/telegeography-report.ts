/** What the snapshots said about the cables, for the import report: per cable, and per snapshot pair. */
import type { ImportReport } from "./import-report";
import type { CableActivity } from "./telegeography-activity";
import { type CableHistory, lastListing, type SnapshotStep } from "./telegeography-history";

export interface HistoryFacts {
  dates: readonly string[];
  histories: readonly CableHistory[];
  steps: readonly SnapshotStep[];
  activities: ReadonlyMap<object, CableActivity>;
}

/** Adds a remark per cable whose dates need a word, and a note per pair of consecutive snapshots. */
export function reportHistory(report: ImportReport, facts: HistoryFacts): void {
  const { dates, histories, steps, activities } = facts;
  const last = dates[dates.length - 1] as string;
  for (const history of histories) {
    const activity = activities.get(history);
    const listing = lastListing(history);
    const id = listing.id;
    const details = listing.details;
    if (!details) report.remark("cables without a details file (dates unknown)", id);
    else if (details.rfsText && !details.rfs)
      report.remark(
        "cables whose RFS is not a date read here (dates unknown)",
        `${id}: "${details.rfsText}"`,
      );
    else if (!details.rfs)
      report.remark("cables whose details give no RFS date (dates unknown)", id);
    for (const rename of history.renames)
      report.remark(
        "cables renamed (one link; the earlier names kept)",
        `${rename.from} → ${rename.to}`,
      );
    if (activity?.ending?.kind === "retired")
      report.remark("cables retired (missing from a later snapshot)", id);
    else if (activity?.ending?.kind === "withdrawn")
      report.remark("cables withdrawn while planned (never active)", id);
    else if (details?.rfs && details.rfs.date > last)
      report.remark("planned cables (RFS after the last snapshot)", id);
    if (
      history.listings.some(
        (l, i) => i > 0 && l.snapshot > (history.listings[i - 1]?.snapshot ?? 0) + 1,
      )
    )
      report.remark(
        "cables missing from a snapshot and listed again later (taken as continuous)",
        id,
      );
  }
  for (const step of steps) {
    const date = dates[step.snapshot] as string;
    let retired = 0;
    let withdrawn = 0;
    let gaps = 0;
    for (const history of step.missing) {
      const ending = activities.get(history)?.ending;
      if (ending?.absentFrom !== date) gaps++;
      else if (ending.kind === "retired") retired++;
      else withdrawn++;
    }
    const counts = [
      `${step.added.length} new`,
      `${step.renamed.length} renamed`,
      `${retired} retired`,
      `${withdrawn} withdrawn while planned`,
    ];
    if (gaps > 0) counts.push(`${gaps} missing but listed again later`);
    if (step.returned.length > 0) counts.push(`${step.returned.length} listed again after a gap`);
    counts.push(`${step.kept} kept`);
    report.note(`cables from ${dates[step.snapshot - 1]} to ${date}: ${counts.join(", ")}`);
  }
}
