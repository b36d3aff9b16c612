/** What compare mode draws: one drawing per link of each class, and the links' border crossings. */
import type { CompareSets } from "./layer-builder-input";
import type { CrossingMarker, LinkGeometry, LinkSegment } from "./link-geometry";

/** The segments drawn for each class of `CompareSets`. */
export interface ComparedSegments {
  readonly onlyA: readonly LinkSegment[];
  readonly onlyB: readonly LinkSegment[];
  readonly both: readonly LinkSegment[];
}

/**
 * The segments that draw the link `id` once, as compare mode does: those of its first active
 * interval, one per part of its path (a link has a segment per part for each interval, and
 * compare mode draws without a day filter). None for a link never in service.
 */
export function comparedSegmentsOf(geometry: LinkGeometry, id: string): readonly LinkSegment[] {
  const own = geometry.segmentsByLink.get(id) ?? [];
  const first = own[0];
  if (!first || first.planned) return [];
  // The parts of one interval share its filter: the first interval's parts come first.
  let end = 1;
  while (end < own.length && own[end]?.filter === first.filter) end++;
  return own.slice(0, end);
}

/** Each link of each class drawn once (see `comparedSegmentsOf`); none without `sets`. */
export function buildComparedSegments(
  geometry: LinkGeometry,
  sets: CompareSets | null,
): ComparedSegments {
  const firstOf = (ids: ReadonlySet<string> | undefined) =>
    [...(ids ?? [])].flatMap((id) => comparedSegmentsOf(geometry, id));
  return { onlyA: firstOf(sets?.onlyA), onlyB: firstOf(sets?.onlyB), both: firstOf(sets?.both) };
}

/**
 * The crossings of the links in any class of `sets` (none without), one per link and position:
 * a link crosses a border at the same point in each of its intervals.
 */
export function buildComparedCrossings(
  geometry: LinkGeometry,
  sets: CompareSets | null,
): CrossingMarker[] {
  const inCompare = (id: string) =>
    Boolean(sets && (sets.onlyA.has(id) || sets.onlyB.has(id) || sets.both.has(id)));
  const seen = new Set<string>();
  return geometry.crossings.filter((c) => {
    const key = `${c.link.id}@${c.position.join(",")}`;
    if (!inCompare(c.link.id) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
