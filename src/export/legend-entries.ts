/** What the exported legend lists: the link kinds the dataset has, and the marks it draws. */
import { linkKindName } from "../layers/describe";
import { DATA_PALETTES, type RGB } from "../layers/palette";
import { LINK_KINDS, type Topology } from "../model/schema";
import { DISRUPTIVE_EVENT_KINDS } from "../state/selectors";
import type { ThemeName } from "../state/store";

/** How a legend key is drawn: a line (dashed for hops through space), a ring or a dot. */
export type LegendKey = "line" | "dashed" | "ring";

export interface LegendEntry {
  readonly label: string;
  readonly color: RGB;
  readonly key: LegendKey;
}

/**
 * The link kinds present in `topology` (in the schema's order, coloured for `theme`), then
 * "Planned" if a link has a planned interval, "Disrupted" if an outage or attack names a link,
 * and "Border crossing" if a link crosses one.
 */
export function buildLegendEntries(topology: Topology, theme: ThemeName): LegendEntry[] {
  const palette = DATA_PALETTES[theme];
  const entries: LegendEntry[] = LINK_KINDS.filter((kind) =>
    topology.links.some((l) => l.kind === kind),
  ).map((kind) => ({
    label: linkKindName(kind),
    color: palette.links[kind],
    key: kind === "satellite" ? "dashed" : "line",
  }));
  // Planned links are drawn thin and dashed in their kind's colour: keyed in a neutral one.
  if (topology.links.some((l) => (l.planned?.length ?? 0) > 0))
    entries.push({ label: "Planned (not yet in service)", color: palette.nodeIdle, key: "dashed" });
  if (topology.events.some((e) => DISRUPTIVE_EVENT_KINDS.has(e.kind) && (e.links?.length ?? 0) > 0))
    entries.push({ label: "Disrupted (outage or attack)", color: palette.disrupted, key: "line" });
  if (topology.links.some((l) => l.crossings.length > 0))
    entries.push({ label: "Border crossing", color: palette.crossing, key: "ring" });
  return entries;
}
