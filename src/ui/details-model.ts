/**
 * What the details panel shows for the selected link or node, computed from the topology and the
 * store's date: its header, status, route, operators, activity, border crossings, notes, related
 * events and cited sources. No DOM: `details-view.ts` draws it.
 */
import { describeIntervals, linkKindName } from "../layers/describe";
import type { Link, Network, Source, Topology, TopologyEvent, TopologyNode } from "../model/schema";
import {
  DISRUPTIVE_EVENT_KINDS,
  eventsAbout,
  eventsOn,
  isActiveOn,
  linksThrough,
  nearestNode,
} from "../state/selectors";
import type { Selection } from "../state/store";

/** "170 km", "1,234 km": one decimal under 100 km. */
export const formatKm = (km: number): string =>
  `${km.toLocaleString("en-GB", { maximumFractionDigits: km < 100 ? 1 : 0 })} km`;

/** "39.000° N, 125.700° E" for `[lon, lat]`, the longitude wrapped into -180…180. */
export const formatLatLon = ([lon, lat]: readonly number[]): string => {
  const la = lat ?? 0;
  const lo = (((lon ?? 0) + 540) % 360) - 180;
  return `${Math.abs(la).toFixed(3)}° ${la >= 0 ? "N" : "S"}, ${Math.abs(lo).toFixed(3)}° ${lo >= 0 ? "E" : "W"}`;
};

/** The topology's records by id, looked up on every render. */
export interface DetailsIndex {
  readonly sources: ReadonlyMap<string, Source>;
  readonly networks: ReadonlyMap<number, Network>;
  readonly nodes: ReadonlyMap<string, TopologyNode>;
}

export function buildDetailsIndex(topology: Topology): DetailsIndex {
  return {
    sources: new Map(topology.sources.map((s) => [s.id, s])),
    networks: new Map(topology.networks.map((n) => [n.asn, n])),
    nodes: new Map(topology.nodes.map((n) => [n.id, n])),
  };
}

/** The record the selection names, or null when nothing (known) is selected: the panel hides. */
export type Selected =
  | { readonly kind: "link"; readonly link: Link }
  | { readonly kind: "node"; readonly node: TopologyNode };

export function findSelected(
  topology: Topology,
  index: DetailsIndex,
  selection: Selection | null,
): Selected | null {
  if (selection?.kind === "link") {
    const link = topology.links.find((l) => l.id === selection.id);
    return link ? { kind: "link", link } : null;
  }
  if (selection?.kind === "node") {
    const node = index.nodes.get(selection.id);
    return node ? { kind: "node", node } : null;
  }
  return null;
}

/** Whether a link runs on the store's date: `tone` picks its class, `status-${tone}`. */
export interface LinkStatus {
  readonly tone: "on" | "off" | "disrupted";
  readonly text: string;
}

/** An active link named by an outage or attack in progress on `date` is disrupted. */
export function buildLinkStatus(topology: Topology, link: Link, date: string): LinkStatus {
  const active = isActiveOn(link.active, date);
  const disruption = active
    ? eventsOn(topology, date).find(
        (e) => DISRUPTIVE_EVENT_KINDS.has(e.kind) && e.links?.includes(link.id),
      )
    : undefined;
  if (disruption) return { tone: "disrupted", text: `Disrupted on this date: ${disruption.title}` };
  return active
    ? { tone: "on", text: "Active on this date" }
    : { tone: "off", text: "Not active on this date" };
}

/**
 * A cited source. `href` is set only for an http(s) address; `meta` (publisher · author · date)
 * and `note` may be empty strings, which the view keeps as empty text.
 */
export interface SourceRow {
  readonly title: string;
  readonly href: string | null;
  readonly meta: string;
  readonly note: string | undefined;
}

/** A related event: a button that moves the timeline to `date`. */
export interface EventRow {
  readonly kind: string;
  readonly date: string;
  /** "2014-12-22", or "2014-12-22 – 2015-01-03" for an event that lasts. */
  readonly when: string;
  readonly title: string;
}

/** The record's caveats, each shown only when present. */
export interface DetailsNotes {
  readonly dispute: string | undefined;
  readonly note: string | undefined;
  readonly assumptions: readonly string[];
}

/** A network running the link: "AS64500" and its name ("" for an unknown AS). */
export interface OperatorRow {
  readonly asn: string;
  readonly name: string;
}

/** An activity interval: "2010-01-01 – today", with its note if any. */
export interface IntervalRow {
  readonly span: string;
  readonly note: string | undefined;
}

/** A border crossing: "KP → CN", where it is near ("" when no place is) and its coordinates. */
export interface CrossingRow {
  readonly label: string;
  readonly near: string;
  readonly coordinates: string;
}

/** The details of a link, top to bottom. Empty lists leave their section out, except crossings. */
export interface LinkDetails {
  /** The link's kind, e.g. "Terrestrial fibre". */
  readonly eyebrow: string;
  readonly title: string;
  /** Its places in order, e.g. "A → B". */
  readonly route: string;
  readonly length: string;
  readonly operators: readonly OperatorRow[];
  readonly intervals: readonly IntervalRow[];
  /** "KP → CN", or "—" for none. */
  readonly countries: string;
  readonly crossings: readonly CrossingRow[];
  /** Said instead of the crossings when there are none. */
  readonly noCrossing: string;
  readonly notes: DetailsNotes;
  readonly events: readonly EventRow[];
  readonly sources: readonly SourceRow[];
}

/** A link through a node: a button that selects it, with its activity. */
export interface NodeLinkRow {
  readonly id: string;
  readonly name: string;
  /** "2010-01-01 – today, …" */
  readonly activity: string;
}

/** The details of a node, top to bottom. */
export interface NodeDetails {
  /** "city · KP" */
  readonly eyebrow: string;
  readonly title: string;
  readonly coordinates: string;
  readonly notes: DetailsNotes;
  readonly links: readonly NodeLinkRow[];
  readonly events: readonly EventRow[];
  readonly sources: readonly SourceRow[];
}

const buildNotes = (record: {
  note?: string | undefined;
  assumptions?: string[] | undefined;
  dispute?: string | undefined;
}): DetailsNotes => ({
  dispute: record.dispute,
  note: record.note,
  assumptions: record.assumptions ?? [],
});

const buildEventRows = (events: readonly TopologyEvent[]): EventRow[] =>
  events.map((e) => ({
    kind: e.kind,
    date: e.date,
    when: e.end ? `${e.date} – ${e.end}` : e.date,
    title: e.title,
  }));

const buildSourceRows = (index: DetailsIndex, ids: readonly string[]): SourceRow[] =>
  ids.map((id) => {
    // parseTopology has checked that every cited source id is in the topology.
    const source = index.sources.get(id) as Source;
    return {
      title: source.title,
      href: source.url && /^https?:/.test(source.url) ? source.url : null,
      meta: [source.publisher, source.author, source.date].filter(Boolean).join(" · "),
      note: source.note,
    };
  });

export function buildLinkDetails(topology: Topology, index: DetailsIndex, link: Link): LinkDetails {
  const stops = [link.from, ...(link.via ?? []), link.to].map(
    (id) => index.nodes.get(id)?.name ?? id,
  );
  return {
    eyebrow: linkKindName(link.kind),
    title: link.name,
    route: stops.join(" → "),
    length: `${formatKm(link.lengthKm)} along the drawn route`,
    operators: (link.networks ?? []).map((asn) => ({
      asn: `AS${asn}`,
      name: index.networks.get(asn)?.name ?? "",
    })),
    intervals: link.active.map((i) => ({ span: `${i.from} – ${i.to ?? "today"}`, note: i.note })),
    countries: link.countries.join(" → ") || "—",
    crossings: link.crossings.map((c) => {
      const near = nearestNode(topology, c.at);
      return {
        label: `${c.from} → ${c.to}`,
        near: near ? ` near ${near.node.name} (${formatKm(near.km)})` : "",
        coordinates: formatLatLon(c.at),
      };
    }),
    noCrossing:
      link.kind === "satellite"
        ? "A satellite hop crosses no border on the ground."
        : "No border crossing on the drawn route.",
    notes: buildNotes(link),
    events: buildEventRows(eventsAbout(topology, "link", link.id)),
    sources: buildSourceRows(index, link.sources),
  };
}

export function buildNodeDetails(
  topology: Topology,
  index: DetailsIndex,
  node: TopologyNode,
): NodeDetails {
  return {
    eyebrow: [node.kind, node.country].filter(Boolean).join(" · "),
    title: node.name,
    coordinates: formatLatLon(node.coordinates),
    notes: buildNotes(node),
    links: linksThrough(topology, node.id).map((l) => ({
      id: l.id,
      name: l.name,
      activity: describeIntervals(l),
    })),
    events: buildEventRows(eventsAbout(topology, "node", node.id)),
    sources: buildSourceRows(index, node.sources),
  };
}
