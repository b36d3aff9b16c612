/** The dataset catalog (`data/index.json`) the app starts from. */
import {
  CATALOG_FORMAT,
  type Catalog,
  TOPOLOGY_VERSION,
  type Topology,
} from "../../src/model/schema";

/** The file name a topology is written to, relative to the catalog. */
export const topologyFileName = (id: string) => `${id}.topology.json`;

/** The catalog of `topologies`: the default first, then by id. */
export function buildCatalog(topologies: readonly Topology[], defaultId: string): Catalog {
  const sorted = [...topologies].sort((a, b) =>
    a.id === defaultId ? -1 : b.id === defaultId ? 1 : a.id < b.id ? -1 : 1,
  );
  return {
    format: CATALOG_FORMAT,
    version: TOPOLOGY_VERSION,
    default: defaultId,
    datasets: sorted.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      file: topologyFileName(t.id),
      updated: t.updated,
      timeRange: t.timeRange,
      // The Datasets dialog shows a dataset's terms before it is opened.
      ...(t.license ? { license: t.license } : {}),
      counts: {
        nodes: t.nodes.length,
        links: t.links.length,
        networks: t.networks.length,
        events: t.events.length,
        sources: t.sources.length,
        stories: t.stories.length,
      },
    })),
  };
}
