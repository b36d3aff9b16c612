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
 * The first segment of each link in each class (none without `sets`). One drawing per link: a
 * link with several intervals has one segment per interval.
 */
export function buildComparedSegments(
  geometry: LinkGeometry,
  sets: CompareSets | null,
): ComparedSegments {
  const firstOf = (ids: ReadonlySet<string> | undefined) =>
    [...(ids ?? [])].flatMap((id) => geometry.segmentsByLink.get(id)?.slice(0, 1) ?? []);
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
