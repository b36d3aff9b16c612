/** The name a place is labelled with on the map. */
import type { TopologyNode } from "../model/schema";

/**
 * The place's name up to its first comma: "Marseille" for "Marseille, France". The country is
 * named on the map around it, and the full name is in the tooltip and the details.
 */
export function placeLabelText(node: Pick<TopologyNode, "name">): string {
  const comma = node.name.indexOf(",");
  return (comma > 0 ? node.name.slice(0, comma) : node.name).trim();
}
