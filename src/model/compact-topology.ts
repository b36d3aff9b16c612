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
import { createNetworkIndex, type NetworkIndex, type NetworkRef } from "./networks";
import { decodeCompactParts } from "./packed-parts";
import { pathCoordinates, pathPartCount, pathParts } from "./path-coordinates";
import { type Interval, LINK_KINDS, type Link, type LinkTable, type Topology } from "./schema";

/** A link as a compact document holds it: its path is a compact path string, or one per part. */
export type CompactLink = Omit<Link, "path"> & { path: string | string[] };
/** What {@link encodeCompactTopology} returns: a topology document, ready for `JSON.stringify`. */
export type CompactTopologyDocument = Omit<Topology, "links"> & { links: CompactLink[] };

/**
 * The compact form of `link`'s path, written by `encode`: one string for a path of one part (no
 * array of parts is built for it), a list of strings, one per part, for several.
 */
function compactPathOf(
  link: Link,
  encode: (coordinates: Float64Array) => string,
): string | string[] {
  return pathPartCount(link) === 1
    ? encode(pathCoordinates(link))
    : pathParts(link).map((part) => encode(part));
}

/** `link` with `path` in place of its path, every other field as it was, in the same order. */
function withPath(link: Link, path: string | string[]): CompactLink {
  // Field by field rather than a spread, which would build the vertices of a decoded path.
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(link)) out[key] = key === "path" ? path : link[key as keyof Link];
  return out as CompactLink;
}

/** A writer of compact paths at `decimals`, in `encoding` ("shortest": each in the shorter form). */
const pathEncoder =
  (decimals: number, encoding: CompactPathEncoding | "shortest") => (coordinates: Float64Array) =>
    encoding === "shortest"
      ? encodeShortestPath(coordinates, decimals)
      : encodeCompactPath(coordinates, decimals, encoding);

/**
 * `topology` with every link's path in the compact form (see `compact-path.ts`), each part of a
 * path of several parts as a string of its own, its coordinates rounded to `decimals`, in
 * `encoding` ("shortest": each path or part in the shorter form); everything else as it was, in
 * the same field order. `parseTopology` reads it back as the same topology, within half a unit of
 * the last decimal.
 */
export function encodeCompactTopology(
  topology: Topology,
  decimals: number = DEFAULT_PATH_DECIMALS,
  encoding: CompactPathEncoding | "shortest" = "q",
): CompactTopologyDocument {
  const encode = pathEncoder(decimals, encoding);
  const links = topology.links.map((link) => withPath(link, compactPathOf(link, encode)));
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
  /** The form of the paths (see `compact-path.ts`); "shortest": each part in the shorter form. */
  readonly encoding?: CompactPathEncoding | "shortest";
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

const dayNumbers = (intervals: readonly Interval[]) =>
  intervals.flatMap((i) =>
    i.to === null ? [toDayNumber(i.from)] : [toDayNumber(i.from), toDayNumber(i.to)],
  );

/**
 * True when a row of the link table reads back as `link` exactly. What a row cannot hold: a note
 * on an interval (rows hold day numbers), an empty `planned` list (a row reads it as none), and
 * a network named by its AS number when the network also has an id (a row names it by its id).
 */
function fitsTable(link: Link, networks: NetworkIndex): boolean {
  const noted = (intervals: readonly Interval[] | undefined) =>
    intervals?.some((i) => i.note !== undefined) ?? false;
  if (noted(link.active) || noted(link.planned) || link.planned?.length === 0) return false;
  return (link.networks ?? []).every((ref) => {
    const network = networks.resolve(ref);
    return network !== undefined && (network.id ?? network.asn) === ref;
  });
}

/**
 * `topology` with its links in a link table (see `link-table.ts`), their paths compact (each
 * part of a path of several parts in its own string). Columns that the reader can derive are
 * left out when every link has the derived value: names "From – To", the endpoints' countries,
 * no crossings, and lengths within 0.1 km of the stored path's; so are the optional columns no
 * link needs. A link that a row cannot hold exactly (see {@link fitsTable}) stays a record.
 * `parseTopology` reads the document back as the same topology (links in table order after any
 * records, paths within half a unit of the last decimal).
 */
export function encodeTableTopology(
  topology: Topology,
  { decimals = DEFAULT_PATH_DECIMALS, encoding = "q" }: TableOptions = {},
): TableTopologyDocument {
  const nodeIndex = new Map(topology.nodes.map((n, i) => [n.id, i]));
  const networkIndex = new Map<NetworkRef, number>();
  topology.networks.forEach((n, i) => {
    if (n.asn !== undefined) networkIndex.set(n.asn, i);
    if (n.id !== undefined) networkIndex.set(n.id, i);
  });
  const sourceIndex = new Map(topology.sources.map((s, i) => [s.id, i]));
  const at = <K>(map: Map<K, number>, key: K, what: string) => {
    const i = map.get(key);
    if (i === undefined) throw new RangeError(`unknown ${what}: ${String(key)}`);
    return i;
  };
  const networks = createNetworkIndex(topology.networks);
  const records = topology.links.filter((l) => !fitsTable(l, networks));
  const rows = topology.links.filter((l) => fitsTable(l, networks));
  const nodeById = new Map(topology.nodes.map((n) => [n.id, n]));

  const encode = pathEncoder(decimals, encoding);
  const paths = rows.map((l) => compactPathOf(l, encode));
  const table: LinkTable = {
    id: rows.map((l) => l.id),
    kind: rows.map((l) => LINK_KINDS.indexOf(l.kind)),
    from: rows.map((l) => at(nodeIndex, l.from, "node")),
    to: rows.map((l) => at(nodeIndex, l.to, "node")),
    active: rows.map((l) => dayNumbers(l.active)),
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
      (l.networks ?? []).map((ref) => at(networkIndex, ref, "network")),
    );
  }
  if (rows.some((l) => l.planned !== undefined)) {
    table.planned = rows.map((l) => dayNumbers(l.planned ?? []));
  }
  if (rows.some((l) => l.formerNames !== undefined)) {
    table.formerNames = rows.map((l) => l.formerNames ?? null);
  }
  if (rows.some((l) => l.note !== undefined)) table.note = rows.map((l) => l.note ?? null);
  if (rows.some((l) => l.assumptions !== undefined)) {
    table.assumptions = rows.map((l) => l.assumptions ?? null);
  }
  // The reader derives lengths from the stored paths, rounded as they are, not the originals.
  const storedKm = (path: string | string[]) => {
    if (typeof path === "string") return derivedLengthKm(decodeCompactPath(path).coordinates ?? []);
    const parts = decodeCompactParts(path, (n) => new Float64Array(n), Number.POSITIVE_INFINITY);
    return "problems" in parts ? 0 : derivedLengthKm(parts.coordinates, parts.starts);
  };
  if (
    rows.some((l, i) => Math.abs(l.lengthKm - storedKm(paths[i] as string | string[])) > 0.1 + 1e-9)
  ) {
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

  const rest = encodeCompactTopology({ ...topology, links: records }, decimals, encoding);
  return { ...rest, linkTable: table };
}
