/** Curated dataset → topology: routes, lengths, countries, crossings, time range; sorted. */
import type { CountryIndex } from "../../src/model/country-index";
import { measureParts } from "../../src/model/crossings";
import { compareNetworks } from "../../src/model/network-order";
import { densifyRoute, type LonLat, pathLengthKm } from "../../src/model/route";
import {
  type DatasetSource,
  type Link,
  type SourceLink,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
  type TopologyNode,
} from "../../src/model/schema";

const byString =
  <T>(key: (item: T) => string) =>
  (a: T, b: T) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };

/**
 * Builds the topology of a checked dataset. `boundaries` is the index that decides which country
 * each point of a route lies in; `boundariesNote` says what it is, for readers of the output.
 */
export function buildTopology(
  source: DatasetSource,
  boundaries: CountryIndex,
  boundariesNote: string,
): Topology {
  const nodes = new Map(source.nodes.map((node) => [node.id, node]));
  const nodeOf = (id: string): TopologyNode => {
    const node = nodes.get(id);
    if (!node) throw new Error(`${source.id}: unknown node id ${JSON.stringify(id)}`);
    return node;
  };
  const links = source.links.map((link) => routeLink(link, nodeOf, boundaries));

  return {
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    id: source.id,
    title: source.title,
    description: source.description,
    updated: source.updated,
    boundaries: source.boundaries ?? boundariesNote,
    ...(source.license ? { license: source.license } : {}),
    timeRange: timeRangeOf(source),
    sources: [...source.sources].sort(byString((s) => s.id)),
    networks: [...source.networks].sort(compareNetworks),
    nodes: [...source.nodes].sort(byString((n) => n.id)),
    links: links.sort(byString((l) => l.id)),
    events: [...source.events].sort(byString((e) => `${e.date} ${e.id}`)),
    stories: source.stories,
  };
}

function routeLink(
  link: SourceLink,
  nodeOf: (id: string) => TopologyNode,
  boundaries: CountryIndex,
): Link {
  const stops = [link.from, ...(link.via ?? []), link.to].map(nodeOf);
  const path = densifyRoute(stops.map((n) => n.coordinates as LonLat));
  // A satellite hop is not on the ground: it crosses no border on the way, only between its ends.
  const computed =
    link.kind === "satellite"
      ? { lengthKm: Math.round(pathLengthKm(path) * 10) / 10, countries: [], crossings: [] }
      : measureParts([path], boundaries);
  const countries = [...computed.countries];
  for (const stop of stops) {
    if (stop.country && !countries.includes(stop.country)) countries.push(stop.country);
  }
  return {
    ...link,
    path,
    lengthKm: computed.lengthKm,
    countries,
    crossings: computed.crossings,
  };
}

/**
 * From the earliest to the latest date the dataset mentions (and at least to `updated`): a
 * link's planned intervals count, as the app shows a planned link.
 */
export function timeRangeOf(source: DatasetSource): [string, string] {
  const dates = [source.updated];
  for (const link of source.links) {
    for (const interval of [...link.active, ...(link.planned ?? [])]) {
      dates.push(interval.from);
      if (interval.to) dates.push(interval.to);
    }
  }
  for (const event of source.events) {
    dates.push(event.date);
    if (event.end) dates.push(event.end);
  }
  for (const story of source.stories) for (const step of story.steps) dates.push(step.date);
  dates.sort();
  return [dates[0] ?? source.updated, dates[dates.length - 1] ?? source.updated];
}
