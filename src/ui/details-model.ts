/**
 * What the details panel shows for the selected link or node, computed from the topology and the
 * store's date: its header, status, route, operators, activity, border crossings, notes, related
 * events and cited sources. No DOM: `details-view.ts` draws it.
 */
import { describeIntervals, linkKindName } from "../layers/describe";
import { count } from "../model/count";
import type { NetworkIndex } from "../model/networks";
import { pathPartCount } from "../model/path-coordinates";
import type {
  Interval,
  License,
  Link,
  Source,
  Topology,
  TopologyEvent,
  TopologyNode,
} from "../model/schema";
import { networkIndexOf } from "../state/networks";
import {
  DISRUPTIVE_EVENT_KINDS,
  eventsAbout,
  eventsOn,
  isActiveOn,
  linksThrough,
  nearestNode,
  plannedIntervalOn,
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

/** The topology's records by id, looked up on every render; and the dataset's license. */
export interface DetailsIndex {
  readonly sources: ReadonlyMap<string, Source>;
  readonly networks: NetworkIndex;
  readonly nodes: ReadonlyMap<string, TopologyNode>;
  readonly license: License | undefined;
}

export function buildDetailsIndex(topology: Topology): DetailsIndex {
  return {
    sources: new Map(topology.sources.map((s) => [s.id, s])),
    networks: networkIndexOf(topology),
    nodes: new Map(topology.nodes.map((n) => [n.id, n])),
    license: topology.license,
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
  readonly tone: "on" | "off" | "disrupted" | "planned";
  readonly text: string;
}

/**
 * What a link planned on `date` (in `plan`) became: in service from the next active interval's
 * start, or withdrawn when none follows and the plan ended.
 */
function plannedStatus(link: Link, plan: Interval, date: string): LinkStatus {
  const service = link.active.find((i) => i.from > date);
  if (service) return { tone: "planned", text: `Planned — ready for service ${service.from}` };
  if (plan.to === null) return { tone: "planned", text: "Planned — not yet in service" };
  return { tone: "planned", text: `Planned until ${plan.to}; never in service` };
}

/**
 * An active link named by an outage or attack in progress on `date` is disrupted; a link in a
 * planned interval (announced, not yet in service) is planned, never active.
 */
export function buildLinkStatus(topology: Topology, link: Link, date: string): LinkStatus {
  const active = isActiveOn(link.active, date);
  const disruption = active
    ? eventsOn(topology, date).find(
        (e) => DISRUPTIVE_EVENT_KINDS.has(e.kind) && e.links?.includes(link.id),
      )
    : undefined;
  if (disruption) return { tone: "disrupted", text: `Disrupted on this date: ${disruption.title}` };
  if (active) return { tone: "on", text: "Active on this date" };
  const plan = plannedIntervalOn(link, date);
  if (plan) return plannedStatus(link, plan, date);
  return { tone: "off", text: "Not active on this date" };
}

/** A license: its name, linked when it has an http(s) address, and the credit it asks for. */
export interface LicenseRow {
  readonly name: string;
  readonly href: string | null;
  readonly attribution: string | undefined;
}

const httpHref = (url: string | undefined) => (url && /^https?:/.test(url) ? url : null);

export const buildLicenseRow = (license: License | undefined): LicenseRow | undefined =>
  license && {
    name: license.name,
    href: httpHref(license.url),
    attribution: license.attribution,
  };

/**
 * A cited source. `href` is set only for an http(s) address; `meta` (publisher · author · date)
 * and `note` may be empty strings, which the view keeps as empty text.
 */
export interface SourceRow {
  readonly title: string;
  readonly href: string | null;
  readonly meta: string;
  readonly note: string | undefined;
  /** The terms the source's data is published under, where it says. */
  readonly license: LicenseRow | undefined;
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

/**
 * A network running the link: "AS64500" ("" for an operator without an AS number) and its name
 * ("" for an AS the dataset does not list; the id itself for an unlisted operator).
 */
export interface OperatorRow {
  readonly asn: string;
  readonly name: string;
}

/** A place the link lands at or passes: a button that selects it (`known`: the dataset has it). */
export interface PlaceRow {
  readonly id: string;
  readonly name: string;
  readonly known: boolean;
}

/** A name the link had before, and the last date it had it (if known). */
export interface FormerNameRow {
  readonly name: string;
  readonly until: string | undefined;
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
  /** Its places in order, e.g. "A → B"; for a route of several parts, what it is ("3 parts … joining 4 places"). */
  readonly route: string;
  readonly length: string;
  /** "Landings" for a submarine cable, "Places" for the other kinds. */
  readonly placesTitle: string;
  /** Its end points and waypoints that are places (not routing points), each once, in order. */
  readonly places: readonly PlaceRow[];
  readonly formerNames: readonly FormerNameRow[];
  readonly operators: readonly OperatorRow[];
  /** Empty for a link that was planned and never in service. */
  readonly intervals: readonly IntervalRow[];
  /** When it was announced but not yet in service. */
  readonly planned: readonly IntervalRow[];
  /** "KP → CN", or "—" for none. */
  readonly countries: string;
  readonly crossings: readonly CrossingRow[];
  /** Said instead of the crossings when there are none. */
  readonly noCrossing: string;
  readonly notes: DetailsNotes;
  readonly events: readonly EventRow[];
  readonly sources: readonly SourceRow[];
  /** The dataset's license. */
  readonly license: LicenseRow | undefined;
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
  /** The dataset's license. */
  readonly license: LicenseRow | undefined;
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
      href: httpHref(source.url),
      meta: [source.publisher, source.author, source.date].filter(Boolean).join(" · "),
      note: source.note,
      license: buildLicenseRow(source.license),
    };
  });

/** "2010-01-01 – today", with the interval's note. */
const buildIntervalRows = (intervals: readonly Interval[]): IntervalRow[] =>
  intervals.map((i) => ({ span: `${i.from} – ${i.to ?? "today"}`, note: i.note }));

/** A link's networks as listed: by name, with the AS number where there is one. */
const buildOperatorRows = (index: DetailsIndex, link: Link): OperatorRow[] =>
  (link.networks ?? []).map((ref) => {
    const network = index.networks.resolve(ref);
    const asn = network ? network.asn : typeof ref === "number" ? ref : undefined;
    return {
      asn: asn === undefined ? "" : `AS${asn}`,
      name: network?.name ?? (typeof ref === "string" ? ref : ""),
    };
  });

/** The link's places in route order, each once; routing waypoints are not places to visit. */
function buildPlaceRows(index: DetailsIndex, link: Link): PlaceRow[] {
  const ids = [...new Set([link.from, ...(link.via ?? []), link.to])];
  return ids.flatMap((id) => {
    const node = index.nodes.get(id);
    if (node?.kind === "waypoint") return [];
    return [{ id, name: node?.name ?? id, known: node !== undefined }];
  });
}

export function buildLinkDetails(topology: Topology, index: DetailsIndex, link: Link): LinkDetails {
  const stops = [link.from, ...(link.via ?? []), link.to].map(
    (id) => index.nodes.get(id)?.name ?? id,
  );
  const parts = pathPartCount(link);
  return {
    eyebrow: linkKindName(link.kind),
    title: link.name,
    // A route of several parts (a cable's trunk and branches) is no chain from one place to the
    // next: its places are listed below, the route says what it is.
    route:
      parts > 1
        ? `${count(parts)} parts (trunk and branches) joining ${count(new Set(stops).size)} places`
        : stops.join(" → "),
    length: `${formatKm(link.lengthKm)} along the drawn route`,
    placesTitle: link.kind === "submarine" ? "Landings" : "Places",
    places: buildPlaceRows(index, link),
    formerNames: (link.formerNames ?? []).map((f) => ({ name: f.name, until: f.until })),
    operators: buildOperatorRows(index, link),
    intervals: buildIntervalRows(link.active),
    planned: buildIntervalRows(link.planned ?? []),
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
    license: buildLicenseRow(index.license),
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
      activity: l.active.length > 0 ? describeIntervals(l) : "planned, never in service",
    })),
    events: buildEventRows(eventsAbout(topology, "node", node.id)),
    sources: buildSourceRows(index, node.sources),
    license: buildLicenseRow(index.license),
  };
}
