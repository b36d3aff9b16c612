/**
 * The credit a dataset is shown with: the attribution its license asks for, in the map's
 * attribution control (beside the basemap's) and in every exported image and clip. Pure.
 */
import type { License, Topology } from "../model/schema";

/** A credit: what it says, and where its license is read (if the license says). */
export interface Credit {
  readonly text: string;
  readonly url: string | null;
}

/** The basemap's credit, always shown. */
export const BASEMAP_CREDIT = "Boundaries: Natural Earth";

/** The credit `license` asks for: its attribution as written, else "Data: <its name>". */
export const licenseCredit = (license: License): Credit => ({
  text: license.attribution?.trim() || `Data: ${license.name}`,
  url: license.url ?? null,
});

/**
 * The credits of `topology`'s data: its own license's; without one, each license its sources
 * carry (each credit once, in the sources' order), as what is built from them owes them that;
 * none when nothing carries a license.
 */
export function datasetCredits(topology: Pick<Topology, "license" | "sources">): Credit[] {
  if (topology.license) return [licenseCredit(topology.license)];
  const credits = new Map<string, Credit>();
  for (const source of topology.sources) {
    if (!source.license) continue;
    const credit = licenseCredit(source.license);
    if (!credits.has(credit.text)) credits.set(credit.text, credit);
  }
  return [...credits.values()];
}

/**
 * The credits of `topology`'s data as one line ("" for none): what exports draw, and what the
 * map's attribution control says beside the basemap's credit.
 */
export const attributionText = (topology: Pick<Topology, "license" | "sources">): string =>
  datasetCredits(topology)
    .map((c) => c.text)
    .join(" · ");

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** `text` as HTML that reads as `text`: no markup of a dataset's gets through. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/**
 * `credit` as MapLibre's attribution control takes it (HTML, which it sanitizes): the text
 * escaped, linked to the license when there is a URL. The schema lets only http(s) URLs in.
 */
export function creditHtml(credit: Credit): string {
  const text = escapeHtml(credit.text);
  if (!credit.url || !/^https?:\/\//i.test(credit.url)) return text;
  return `<a href="${escapeHtml(credit.url)}" target="_blank" rel="noopener license">${text}</a>`;
}
