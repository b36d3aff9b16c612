/** The attribution line of exported images and clips: the app, the boundaries and who is cited. */
import type { Source, Topology } from "../model/schema";
import type { Selection } from "../state/store";

export const ATTRIBUTION_PREFIX = "Uplinks · Boundaries: Natural Earth";

const publisherOf = (source: Source) => source.publisher ?? source.author ?? source.title;

/**
 * Who published the sources: those the selected link or node cites, else all the dataset's
 * sources; each name once, in the order cited.
 */
export function attributionPublishers(topology: Topology, selection: Selection | null): string[] {
  const cited =
    selection?.kind === "link"
      ? topology.links.find((l) => l.id === selection.id)?.sources
      : selection?.kind === "node"
        ? topology.nodes.find((n) => n.id === selection.id)?.sources
        : undefined;
  const byId = new Map(topology.sources.map((s) => [s.id, s]));
  const sources = cited
    ? cited.flatMap((id) => {
        const source = byId.get(id);
        return source ? [source] : [];
      })
    : topology.sources;
  return [...new Set(sources.map(publisherOf))];
}

/**
 * "Uplinks · Boundaries: Natural Earth · Sources: A, B and 3 more": as many publishers as `fits`
 * allows (it measures a candidate line), the rest counted. The prefix alone when none fits.
 */
export function buildAttribution(
  publishers: readonly string[],
  fits: (line: string) => boolean,
): string {
  if (publishers.length === 0) return ATTRIBUTION_PREFIX;
  for (let shown = publishers.length; shown >= 1; shown--) {
    const names = publishers.slice(0, shown).join(", ");
    const rest = publishers.length - shown;
    const line = `${ATTRIBUTION_PREFIX} · Sources: ${names}${rest > 0 ? ` and ${rest} more` : ""}`;
    if (fits(line)) return line;
  }
  const counted = `${ATTRIBUTION_PREFIX} · Sources: ${publishers.length} publishers`;
  return publishers.length > 1 && fits(counted) ? counted : ATTRIBUTION_PREFIX;
}

/**
 * `text` in lines that each pass `fits` (it measures a candidate line), broken between words; at
 * most `maxLines`, the last holding the rest whether it fits or not. A word too long for a line
 * has a line of its own.
 */
export function wrapText(
  text: string,
  fits: (line: string) => boolean,
  maxLines: number,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const longer = line ? `${line} ${word}` : word;
    if (!line || fits(longer)) {
      line = longer;
    } else if (lines.length + 1 >= maxLines) {
      line = [line, ...words.slice(i)].join(" ");
      break;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
