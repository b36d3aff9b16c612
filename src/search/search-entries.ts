/**
 * What each record of a topology is found by: its result (what choosing it does) and its texts,
 * normalized. `search-index.ts` ranks them. Pure: no DOM.
 */
import { describeIntervals, linkKindName } from "../layers/describe";
import { networkKey } from "../model/networks";
import { coordinatesExtent, pathCoordinates } from "../model/path-coordinates";
import type { Link, Network, Topology } from "../model/schema";
import { networkIndexOf, networksWithLinks } from "../state/networks";
import type { Selection } from "../state/store";
import type { Bounds, SearchResult } from "./search-index";

/** A result before it is scored (`Omit` applied to each member of the union). */
export type Unscored = SearchResult extends infer R
  ? R extends SearchResult
    ? Omit<R, "score">
    : never
  : never;

/** A record's result and the texts it is found by, normalized (see {@link normalizeText}). */
export interface RecordEntry {
  readonly result: Unscored;
  /** The label, and identifiers typed as they are (ids, "as20485", "20485", "ru", dates). */
  readonly primary: readonly string[];
  /** Identifiers of related records: the AS numbers and ids of a link's operators. */
  readonly refs: readonly string[];
  /** Words about it: a node's country, a link's operators and kind, an event's kind. */
  readonly context: readonly string[];
}

/** Lower case, accents dropped, punctuation as single spaces: "Tumangang–Khasan" → "tumangang khasan". */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The extent of some points, or null for none. */
export function boundsOf(points: Iterable<readonly number[]>): Bounds | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lon, lat] of points) {
    if (lon === undefined || lat === undefined) continue;
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  return west <= east
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}

/** The extent of `links`' paths and of `points`; each path is read as packed coordinates. */
const linksBounds = (links: readonly Link[], points: readonly (readonly number[])[] = []) =>
  boundsOf([...points, ...links.flatMap((l) => coordinatesExtent(pathCoordinates(l)) ?? [])]);
const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** An entry for `result`, its texts normalized and the empty ones left out. */
const entry = (
  result: Unscored,
  primary: readonly string[],
  context: readonly string[],
  refs: readonly string[] = [],
): RecordEntry => {
  const clean = (texts: readonly string[]) => texts.map(normalizeText).filter(Boolean);
  return { result, primary: clean(primary), refs: clean(refs), context: clean(context) };
};

/** What a network is typed as: "AS20485", "20485", and its id ("orange-sa") where it has one. */
const networkIdentifiers = (network: Pick<Network, "id" | "asn">): string[] => [
  ...(network.asn === undefined ? [] : [`AS${network.asn}`, String(network.asn)]),
  ...(network.id === undefined ? [] : [network.id]),
];

/** "Submarine cable · 2001-01-01 – today · formerly SAT-2"; a link never built says planned. */
function linkDetail(link: Link): string {
  const activity = link.active.length > 0 ? describeIntervals(link) : "planned, never in service";
  const former = link.formerNames?.map((f) => f.name) ?? [];
  return [linkKindName(link.kind), activity, former.length > 0 && `formerly ${former.join(", ")}`]
    .filter(Boolean)
    .join(" · ");
}

function linkEntries(topology: Topology): RecordEntry[] {
  const index = networkIndexOf(topology);
  return topology.links.map((link) => {
    const refs = link.networks ?? [];
    const networks = refs.map((ref) => index.resolve(ref));
    const identifiers = refs.flatMap((ref, i) =>
      networkIdentifiers(networks[i] ?? (typeof ref === "number" ? { asn: ref } : { id: ref })),
    );
    return entry(
      {
        type: "link",
        id: link.id,
        label: link.name,
        detail: linkDetail(link),
        target: {
          selection: { kind: "link", id: link.id },
          bounds: linksBounds([link]) as Bounds,
        },
      },
      // A renamed cable is found by the names it had, as by its own.
      [link.name, link.id, ...(link.formerNames ?? []).map((f) => f.name)],
      [...networks.flatMap((n) => n?.name ?? []), link.kind, linkKindName(link.kind)],
      identifiers,
    );
  });
}

/** Every listed network (those without links too, found but framing nothing), by key. */
function networkEntries(topology: Topology): RecordEntry[] {
  const linksOf = new Map(networksWithLinks(topology).map((n) => [n.key, n.links]));
  return topology.networks.map((network) => {
    const key = networkKey(network);
    const links = linksOf.get(key) ?? [];
    // An operator without an AS number is told apart by how many links it runs.
    const asn = network.asn === undefined ? plural(links.length, "link") : `AS${network.asn}`;
    return entry(
      {
        type: "network",
        id: key,
        label: network.name,
        detail: [asn, network.country].filter(Boolean).join(" · "),
        target: { network: key, bounds: linksBounds(links) },
      },
      [network.name, ...networkIdentifiers(network)],
      [],
    );
  });
}

function countryEntries(topology: Topology, countryName: (code: string) => string): RecordEntry[] {
  const byCountry = new Map<string, Link[]>();
  for (const link of topology.links) {
    for (const code of new Set(link.countries)) {
      const links = byCountry.get(code);
      if (links) links.push(link);
      else byCountry.set(code, [link]);
    }
  }
  return [...byCountry.keys()].sort().map((code) => {
    const links = byCountry.get(code) ?? [];
    return entry(
      {
        type: "country",
        id: code,
        label: countryName(code),
        detail: `${code} · ${plural(links.length, "link")}`,
        target: { country: code, bounds: linksBounds(links) as Bounds },
      },
      [countryName(code), code],
      [],
    );
  });
}

function eventEntries(topology: Topology): RecordEntry[] {
  const nodesById = new Map(topology.nodes.map((n) => [n.id, n]));
  const linksById = new Map(topology.links.map((l) => [l.id, l]));
  return topology.events.map((event) => {
    const links = (event.links ?? []).flatMap((id) => linksById.get(id) ?? []);
    const nodes = (event.nodes ?? []).flatMap((id) => nodesById.get(id) ?? []);
    const first: Selection | undefined = links[0]
      ? { kind: "link", id: links[0].id }
      : nodes[0]
        ? { kind: "node", id: nodes[0].id }
        : undefined;
    const bounds = linksBounds(
      links,
      nodes.map((n) => n.coordinates),
    );
    const when =
      event.end && event.end !== event.date ? `${event.date} – ${event.end}` : event.date;
    return entry(
      {
        type: "event",
        id: event.id,
        label: event.title,
        detail: `${when} · ${event.kind}`,
        target: {
          date: event.date,
          ...(first && { selection: first }),
          ...(bounds && { bounds }),
        },
      },
      [event.title, event.id, event.date],
      [event.kind],
    );
  });
}

/**
 * The entries of a topology's nodes, links, networks, countries (those its links pass through)
 * and events, in that order. `countryName("RU")` names a country ("Russia").
 */
export function collectEntries(
  topology: Topology,
  countryName: (code: string) => string,
): RecordEntry[] {
  const nodes = topology.nodes.map((node) => {
    const country = node.country ? countryName(node.country) : undefined;
    return entry(
      {
        type: "node",
        id: node.id,
        label: node.name,
        detail: [capitalize(node.kind), country].filter(Boolean).join(" · "),
        target: {
          selection: { kind: "node", id: node.id },
          bounds: boundsOf([node.coordinates]) as Bounds,
        },
      },
      [node.name, node.id],
      country ? [country] : [],
    );
  });
  return [
    ...nodes,
    ...linkEntries(topology),
    ...networkEntries(topology),
    ...countryEntries(topology, countryName),
    ...eventEntries(topology),
  ];
}
