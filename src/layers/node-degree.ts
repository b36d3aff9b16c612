/** Pixels a node's radius grows by per square root of its number of links, in a small dataset. */
const DEGREE_SCALE = 2;
/** The most a node's radius grows by its number of links, in pixels. */
const MAX_DEGREE_GROWTH = 8;

/**
 * How much a node's radius grows per square root of its number of links: 2 px, or less where
 * the busiest node would grow by more than 8 px. In a dataset of thousands of links, hubs would
 * otherwise be discs of 20 px and more that hide the map and the links around them.
 */
export function nodeDegreeScale(nodes: readonly { degree: number }[]): number {
  const most = nodes.reduce((max, n) => Math.max(max, n.degree), 0);
  return most > 0 ? Math.min(DEGREE_SCALE, MAX_DEGREE_GROWTH / Math.sqrt(most)) : DEGREE_SCALE;
}

/**
 * A place's dot radius in pixels at full size, for its number of links: what the places' layer
 * draws (times the zoom's scale) and what place names keep clear of.
 */
export const placeRadius = (degree: number, degreeScale: number): number =>
  3.5 + Math.sqrt(degree) * degreeScale;
