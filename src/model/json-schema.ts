/** The published JSON Schema of the topology format, generated from the zod schema. */
import * as z from "zod";
import { TOPOLOGY_VERSION, topologySchema } from "./schema";

export const TOPOLOGY_SCHEMA_PATH = `public/schema/topology-v${TOPOLOGY_VERSION}.json`;

/** JSON Schema (draft 2020-12) of topology documents. Cross-reference rules are stated, not encoded. */
export function buildTopologyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(topologySchema, { target: "draft-2020-12" }),
    $id: `https://uplinks.invalid/schema/topology-v${TOPOLOGY_VERSION}.json`,
    title: `Uplinks topology, version ${TOPOLOGY_VERSION}`,
    description:
      "One dataset of cross-border internet links over time. Beyond this schema, a valid document " +
      "has unique ids (and unique AS numbers); every network has an id or an AS number; every node, " +
      "link, network (by id or AS number) and source it refers to is listed; every link has an active " +
      "or a planned interval; intervals and events do not end before they start; a link's active " +
      "intervals, and its planned ones, are in order and do not overlap.",
  };
}
