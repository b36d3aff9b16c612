/** Topology documents in the compact forms, for datasets too large for plain coordinates. */
import {
  type CompactPathEncoding,
  DEFAULT_PATH_DECIMALS,
  decodeCompactPath,
  encodeCompactPath,
  encodeShortestPath,
} from "./compact-path";
import { toDayNumber } from "./dates";
import { defaultLinkName, derivedLengthKm, endpointCountries } from "./link-table";
import { pathCoordinates } from "./path-coordinates";
import { LINK_KINDS, type Link, type LinkTable, type Topology } from "./schema";

/** A link as a compact document holds it: its path is a compact path string. */
export type CompactLink = Omit<Link, "path"> & { path: string };
/** What {@link encodeCompactTopology} returns: a topology document, ready for `JSON.stringify`. */
export type CompactTopologyDocument = Omit<Topology, "links"> & { links: CompactLink[] };

/**
 * `topology` with every link's path in the compact form (see `compact-path.ts`), its coordinates
 * rounded to `decimals`; everything else as it was, in the same field order. `parseTopology`
 * reads it back as the same topology, within half a unit of the last decimal.
 */
export function encodeCompactTopology(
  topology: Topology,
  decimals: number = DEFAULT_PATH_DECIMALS,
): CompactTopologyDocument {
  const links = topology.links.map((link) => {
    const path = encodeCompactPath(pathCoordinates(link), decimals);
    // Field by field rather than a spread, which would build the vertices of a decoded path.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(link)) {
      out[key] = key === "path" ? path : link[key as keyof Link];
    }
    return out as CompactLink;
  });
  return { ...topology, links };
}

/** What {@link encodeTableTopology} returns: links in `linkTable`, `links` empty or nearly. */
export type TableTopologyDocument = Omit<Topology, "links"> & {
  links: CompactLink[];
  linkTable: LinkTable;
};

export interface TableOptions {
  /** Decimals of the paths (see `compact-path.ts`). */
  readonly decimals?: number;
  /** The form of the paths (see `compact-path.ts`); "shortest": each in the shorter form. */
  readonly encoding?: CompactPathEncoding | "shortest";
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * `topology` with its links in a link table (see `link-table.ts`), their paths compact. Columns
 * that the reader can derive are left out when every link has the derived value: names
 * "From – To", the endpoints' countries, no crossings, and lengths within 0.1 km of the stored
 * path's. A link with a note or assumptions stays a record, as the table has no column for them.
 * `parseTopology` reads the document back as the same topology (links in table order after any
 * records, paths within half a unit of the last decimal).
 */
export function encodeTableTopology(
  topology: Topology,
  { decimals = DEFAULT_PATH_DECIMALS, encoding = "q" }: TableOptions = {},
): TableTopologyDocument {
  const nodeIndex = new Map(topology.nodes.map((n, i) => [n.id, i]));
  const networkIndex = new Map(topology.networks.map((n, i) => [n.asn, i]));
  const sourceIndex = new Map(topology.sources.map((s, i) => [s.id, i]));
  const at = <K>(map: Map<K, number>, key: K, what: string) => {
    const i = map.get(key);
    if (i === undefined) throw new RangeError(`unknown ${what}: ${String(key)}`);
    return i;
  };
  const records = topology.links.filter((l) => l.note !== undefined || l.assumptions !== undefined);
  const rows = topology.links.filter((l) => l.note === undefined && l.assumptions === undefined);
  const nodeById = new Map(topology.nodes.map((n) => [n.id, n]));

  const paths = rows.map((l) =>
    encoding === "shortest"
      ? encodeShortestPath(pathCoordinates(l), decimals)
      : encodeCompactPath(pathCoordinates(l), decimals, encoding),
  );
  // The reader derives lengths from the stored paths, rounded as they are, not the originals.
  const derivedKm = paths.map((text) => derivedLengthKm(decodeCompactPath(text).coordinates ?? []));
  const table: LinkTable = {
    id: rows.map((l) => l.id),
    kind: rows.map((l) => LINK_KINDS.indexOf(l.kind)),
    from: rows.map((l) => at(nodeIndex, l.from, "node")),
    to: rows.map((l) => at(nodeIndex, l.to, "node")),
    active: rows.map((l) =>
      l.active.flatMap((i) =>
        i.to === null ? [toDayNumber(i.from)] : [toDayNumber(i.from), toDayNumber(i.to)],
      ),
    ),
    sources: rows.map((l) => l.sources.map((id) => at(sourceIndex, id, "source"))),
    path: paths,
  };
  const names = rows.map((l) => {
    const derived = defaultLinkName(nodeById.get(l.from)?.name, nodeById.get(l.to)?.name);
    return l.name === derived ? null : l.name;
  });
  if (names.some((n) => n !== null)) table.name = names;
  if (rows.some((l) => l.via !== undefined)) {
    table.via = rows.map((l) => (l.via ?? []).map((id) => at(nodeIndex, id, "node")));
  }
  if (rows.some((l) => l.networks !== undefined)) {
    table.networks = rows.map((l) =>
      (l.networks ?? []).map((asn) => at(networkIndex, asn, "network")),
    );
  }
  if (rows.some((l, i) => Math.abs(l.lengthKm - (derivedKm[i] as number)) > 0.1 + 1e-9)) {
    table.lengthKm = rows.map((l) => l.lengthKm);
  }
  if (
    rows.some(
      (l) => !sameList(l.countries, endpointCountries(nodeById.get(l.from), nodeById.get(l.to))),
    )
  ) {
    table.countries = rows.map((l) => l.countries);
  }
  if (rows.some((l) => l.crossings.length > 0)) table.crossings = rows.map((l) => l.crossings);

  return { ...encodeCompactTopology({ ...topology, links: records }, decimals), linkTable: table };
}
