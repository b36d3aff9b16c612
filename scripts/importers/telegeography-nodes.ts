/**
 * The nodes of a TeleGeography import: a landing point node for every landing point any snapshot
 * lists (one per identity, `telegeography-landing-points.ts`), taking its latest name and
 * position; and, made as links ask for them, nodes for landing points known only from a cable's
 * details and waypoints where a drawing ends far from any landing point.
 */
import type { CountryIndex } from "../../src/model/country-index";
import type { LonLat } from "../../src/model/route";
import type { TopologyNode } from "../../src/model/schema";
import { countryCodeOfPlaceName } from "./country-names";
import { roundLonLat } from "./geometry";
import { createIdAllocator } from "./ids";
import type { ImportReport } from "./import-report";
import type { LandingPointIdentities } from "./telegeography-landing-points";
import type { DetailsLanding, Snapshot } from "./telegeography-snapshot";

export interface CableNodes {
  /** Every node made so far, landing points first. */
  readonly nodes: TopologyNode[];
  /** The nodes of the landing points the snapshots list. */
  readonly landingNodes: readonly TopologyNode[];
  /** The node of a landing point a details file names; `undefined` when it is nowhere placed. */
  landingNode(landing: DetailsLanding): TopologyNode | undefined;
  /** A waypoint at `at`, for the cable `cableId`. */
  waypoint(cableId: string, name: string, at: LonLat, note: string): TopologyNode;
}

/**
 * The nodes of `landingPoints`, each citing the snapshots (`sourceIds`) that list it. Its country
 * comes from the cables' details, else the end of its name, else the boundaries.
 */
export function createCableNodes(
  snapshots: readonly Snapshot[],
  landingPoints: LandingPointIdentities,
  sourceIds: readonly string[],
  boundaries: CountryIndex,
  report: ImportReport,
): CableNodes {
  const nodeIds = createIdAllocator("landing-point");
  const nodes: TopologyNode[] = [];
  const countries = detailsCountries(snapshots);
  const nodeOf = new Map<object, TopologyNode>();
  const latestSource = [sourceIds[sourceIds.length - 1] as string];
  for (const point of landingPoints.points) {
    const { latest } = point;
    const country =
      point.ids.map((id) => countries.get(id)).findLast(Boolean) ??
      countryCodeOfPlaceName(latest.name) ??
      boundaries.countryAt(latest.coordinates) ??
      undefined;
    if (!country) report.remark("landing points whose country is not known", latest.id);
    const node: TopologyNode = {
      id: nodeIds.take(latest.id),
      name: latest.name,
      kind: "landing",
      coordinates: latest.coordinates,
      sources: [...new Set(point.snapshots.map((s) => sourceIds[s] as string))],
    };
    if (country) node.country = country;
    if (latest.tbd) {
      node.note = "TeleGeography marks this landing point as TBD (to be determined).";
      node.assumptions = ["The location shown is TeleGeography's provisional one."];
    }
    nodes.push(node);
    nodeOf.set(point, node);
    report.imported("landing points");
  }
  const landingNodes = [...nodes];
  // A landing point named only in a cable's details (older files give its position there).
  const detailsOnly = new Map<string, TopologyNode>();
  const placed = (node: TopologyNode, at: LonLat) => {
    const country = node.country ?? boundaries.countryAt(at);
    if (country) node.country = country;
    nodes.push(node);
    return node;
  };
  return {
    nodes,
    landingNodes,
    landingNode(landing) {
      const tracked = landingPoints.byId.get(landing.id);
      if (tracked) return nodeOf.get(tracked);
      if (!landing.coordinates) return undefined;
      let node = detailsOnly.get(landing.id);
      if (!node) {
        node = placed(
          {
            id: nodeIds.take(landing.id),
            name: landing.name ?? landing.id,
            kind: "landing",
            coordinates: landing.coordinates,
            sources: [...latestSource],
            note: "Listed in a cable's details but not among the map's landing points.",
            ...(landing.country ? { country: landing.country } : {}),
          },
          landing.coordinates,
        );
        detailsOnly.set(landing.id, node);
        report.imported("landing points named only in cables' details");
      }
      return node;
    },
    waypoint(cableId, name, at, note) {
      report.imported("waypoints (drawn ends without a landing point)");
      return placed(
        {
          id: nodeIds.take(`${cableId}-end`),
          name,
          kind: "waypoint",
          coordinates: roundLonLat(at),
          sources: [...latestSource],
          note,
        },
        at,
      );
    },
  };
}

/** The country each landing point id has in the cables' details; later snapshots win. */
function detailsCountries(snapshots: readonly Snapshot[]): Map<string, string> {
  const countries = new Map<string, string>();
  for (const snapshot of snapshots) {
    for (const details of snapshot.details.values()) {
      for (const { id, country } of details.landings) if (country) countries.set(id, country);
    }
  }
  return countries;
}
