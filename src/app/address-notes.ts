/** What the notices say about an address: what of it was ignored, and what has changed since. */
import type { Topology } from "../model/schema";
import { formatUrlProblem, type UrlProblem, type UrlState } from "../url/codec";

/** `data=` is this app's own parameter, though the address codec does not know it. */
const isDataProblem = (p: UrlProblem) => p.key === "data";

/** The lines naming what of an address was ignored, `data=` left out (see `isDataProblem`). */
export const ignoredNotes = (problems: readonly UrlProblem[]): string[] =>
  problems.filter((p) => !isDataProblem(p)).map(formatUrlProblem);

/** `lines` (of a session's notice about its address) without the one about `data=`. */
export const withoutDataLines = (lines: readonly string[]): string[] =>
  lines.filter((l) => !l.startsWith("data="));

/** The line saying that `dataset` was updated after the link (its `v=`) was made, if it was. */
export function versionNotes(
  url: UrlState,
  dataset: Pick<Topology, "title" | "updated">,
): string[] {
  return url.datasetVersion && url.datasetVersion !== dataset.updated
    ? [
        `v=${url.datasetVersion}: this link was made with "${dataset.title}" as of ${url.datasetVersion}; the dataset has been updated since (${dataset.updated}), so what you see may differ`,
      ]
    : [];
}
