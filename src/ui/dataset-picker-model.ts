/**
 * What the Datasets dialog shows, computed from the catalog and what is open now: a line naming
 * a local file on show, and one choice per catalog dataset (its link, its summary, whether it is
 * the one open, its license). No DOM: `dataset-picker-view.ts` draws it.
 */
import type { Catalog, CatalogEntry } from "../model/schema";
import { formatDateLong } from "../model/time-steps";

/** What is shown now: a catalog dataset (`file: null`) or a file from this computer. */
export interface Shown {
  readonly id: string;
  /** The name of the local file shown, or `null` for a catalog dataset. */
  readonly file: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "2010–2026": the years a dataset covers (one year when it starts and ends in the same). */
export function formatYears([from, to]: readonly [string, string]): string {
  const a = from.slice(0, 4);
  const b = to.slice(0, 4);
  return a === b ? a : `${a}–${b}`;
}

/** "3 links · 10 nodes · 8 events · 1 story" */
export function formatCounts(counts: CatalogEntry["counts"]): string {
  return [
    plural(counts.links, "link"),
    plural(counts.nodes, "node"),
    plural(counts.events, "event"),
    plural(counts.stories, "story", "stories"),
  ].join(" · ");
}

/** The accessible summary line of an entry: what it covers, how much, and how fresh. */
export function formatEntryMeta(entry: CatalogEntry): string {
  return `${formatYears(entry.timeRange)} · ${formatCounts(entry.counts)} · updated ${formatDateLong(entry.updated)}`;
}

/** One catalog dataset as the dialog lists it: a link named by its title, described by the rest. */
export interface DatasetChoice {
  readonly id: string;
  readonly href: string;
  /** The id of the title element, which names the link. */
  readonly titleId: string;
  /** The id of the element holding the description and summary, which describes the link. */
  readonly aboutId: string;
  readonly title: string;
  readonly description: string;
  readonly meta: string;
  /** True for the catalog dataset open now: choosing it only closes the dialog. */
  readonly current: boolean;
  /** The terms it is published under, where the catalog says; shown beside the choice. */
  readonly license: DatasetLicense | null;
}

/** A dataset's license: its name, linked to its text when it has an http(s) address, and credit. */
export interface DatasetLicense {
  readonly name: string;
  readonly href: string | null;
  readonly attribution: string | null;
}

/** What the dialog says of `entry`'s license, or `null` when the catalog names none. */
export function buildDatasetLicense(entry: CatalogEntry): DatasetLicense | null {
  const { license } = entry;
  if (!license) return null;
  return {
    name: license.name,
    href: license.url && /^https?:/.test(license.url) ? license.url : null,
    attribution: license.attribution ?? null,
  };
}

/** What the dialog lists. */
export interface DatasetListing {
  /** The line naming the local file open now, or `null` when none is. */
  readonly openNow: string | null;
  readonly choices: readonly DatasetChoice[];
}

/**
 * The dialog's listing of `catalog` with `shown` open (`null` before anything opened): each
 * choice links to `hashOf(id)`, and its element ids are prefixed with `id`.
 */
export function buildDatasetListing(
  catalog: Catalog,
  shown: Shown | null,
  hashOf: (id: string) => string,
  id: string,
): DatasetListing {
  const currentId = shown && !shown.file ? shown.id : null;
  return {
    openNow: shown?.file ? `Open now: ${shown.file}, from this computer (not uploaded).` : null,
    choices: catalog.datasets.map((entry) => {
      const titleId = `${id}-${entry.id}`;
      return {
        id: entry.id,
        href: hashOf(entry.id),
        titleId,
        aboutId: `${titleId}-about`,
        title: entry.title,
        description: entry.description,
        meta: formatEntryMeta(entry),
        current: entry.id === currentId,
        license: buildDatasetLicense(entry),
      };
    }),
  };
}

/** The parts of a click that say how a link should open. */
export type LinkClick = Pick<MouseEvent, "button" | "metaKey" | "ctrlKey" | "shiftKey" | "altKey">;

/** True for a plain primary click; one with a modifier opens the link in another tab or window. */
export function isPlainClick(e: LinkClick): boolean {
  return !(e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey);
}
