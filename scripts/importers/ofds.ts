/**
 * Open Fibre Data Standard 0.3, GeoJSON publication format → topology: spans become terrestrial
 * links that keep their drawn route, nodes become nodes, countries come from the coordinates.
 */
import { statSync } from "node:fs";
import { basename } from "node:path";
import { isIsoDate } from "../../src/model/dates";
import { densifyRoute, type LonLat } from "../../src/model/route";
import type { Interval, Link, Source, Topology, TopologyNode } from "../../src/model/schema";
import { measureLink, pathAlong, roundLonLat } from "./geometry";
import { naturalEarthGridIndex } from "./grid-country-index";
import { createIdAllocator, slugify } from "./ids";
import { createImportReport, type ImportReport } from "./import-report";
import { createProblemList } from "./input-error";
import {
  featuresOf,
  isRecord,
  type JsonRecord,
  readJsonFile,
  readLineGeometry,
  readPointFeature,
  stringProperty,
} from "./json-input";
import { parsePartialDate, partialDateAssumption } from "./partial-dates";
import { createProgress, PROGRESS_MIN_BYTES } from "./progress";
import { assembleTopology } from "./topology-output";

export interface OfdsOptions {
  /** A FeatureCollection of node Points. */
  nodesFile: string;
  /** A FeatureCollection of span LineStrings. */
  spansFile: string;
  /** Keep only spans whose route crosses a border (or whose ends are in different countries). */
  crossBorderOnly?: boolean | undefined;
  /**
   * Defaults to the latest `network.publicationDate` (or `collectionDate`) in the input, else the
   * modification date of the spans file.
   */
  updated?: string | undefined;
  id?: string | undefined;
  title?: string | undefined;
}

/** The span and node statuses of OFDS 0.3. */
export const OFDS_STATUSES = [
  "proposed",
  "planned",
  "underConstruction",
  "operational",
  "decommissioned",
  "inactive",
] as const;
const PLANNED = new Set(["proposed", "planned", "underConstruction"]);
const ENDED = new Set(["decommissioned", "inactive"]);

interface OfdsNode {
  key: string;
  node: TopologyNode;
}

const nameOf = (value: unknown) => (isRecord(value) ? stringProperty(value, "name") : undefined);
const nodeKey = (network: string | undefined, id: string) => `${network ?? ""}\u0000${id}`;

/** Imports an OFDS network; throws an InputError listing every problem found. */
export async function importOfds(
  options: OfdsOptions,
  report: ImportReport = createImportReport("ofds"),
): Promise<{ topology: Topology; report: ImportReport }> {
  const problems = createProblemList();
  const boundaries = naturalEarthGridIndex();
  const nodeFeatures = featuresOf(readJsonFile(options.nodesFile), options.nodesFile);
  const spanFeatures = featuresOf(readJsonFile(options.spansFile), options.spansFile);

  const networks = new Map<string, JsonRecord>();
  const noteNetwork = (value: unknown) => {
    if (!isRecord(value)) return undefined;
    const id = stringProperty(value, "id") ?? stringProperty(value, "name");
    // Nodes often carry a short network reference, spans the full record: keep every field seen.
    if (id) networks.set(id, { ...networks.get(id), ...value });
    return id;
  };

  // Nodes: ids are unique within a network, so they are looked up per network.
  const nodeIds = createIdAllocator("node");
  const nodes = new Map<string, OfdsNode>();
  nodeFeatures.forEach((feature, i) => {
    report.read("node features");
    const file = options.nodesFile;
    const path = ["features", i];
    const p = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = stringProperty(p, "id");
    if (!id) {
      problems.add({
        file,
        path: [...path, "properties", "id"],
        message: "a node needs an id",
        value: p.id,
      });
      return;
    }
    if (p.featureType !== undefined && p.featureType !== "node") {
      problems.add({
        file,
        path: [...path, "properties", "featureType"],
        message: 'expected "node"',
        value: p.featureType,
      });
      return;
    }
    const at = readPointFeature(feature, file, path, problems);
    if (!at) return;
    const network = noteNetwork(p.network);
    const key = nodeKey(network, id);
    if (nodes.has(key)) {
      problems.add({
        file,
        path: [...path, "properties", "id"],
        message: "duplicate node id in this network",
        value: id,
      });
      return;
    }
    const name = stringProperty(p, "name") ?? `Node ${id}`;
    const coordinates = roundLonLat(at);
    const addressCountry = isRecord(p.address) ? stringProperty(p.address, "country") : undefined;
    const country =
      boundaries.countryAt(coordinates) ??
      (addressCountry && /^[A-Z]{2}$/.test(addressCountry) ? addressCountry : undefined);
    const types = Array.isArray(p.type)
      ? p.type.filter((t): t is string => typeof t === "string")
      : [];
    const node: TopologyNode = {
      id: nodeIds.take(name === `Node ${id}` ? `node-${id}` : name),
      name,
      kind: nodeKind(types),
      coordinates,
      sources: [],
    };
    if (country) node.country = country;
    else report.remark("nodes whose country is not known", id);
    if (types.length > 0) node.note = `OFDS node type: ${types.join(", ")}.`;
    nodes.set(key, { key, node });
  });

  const linkIds = createIdAllocator("span");
  const links: Link[] = [];
  const usedNodes = new Set<string>();
  const rfsDates: string[] = [];
  const large = statSync(options.spansFile).size >= PROGRESS_MIN_BYTES;
  const progress = createProgress("ofds: routing spans", spanFeatures.length, { enabled: large });
  const pending: (() => void)[] = [];
  spanFeatures.forEach((feature, i) => {
    report.read("span features");
    const file = options.spansFile;
    const path = ["features", i];
    const propertiesPath = [...path, "properties"];
    const p = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = stringProperty(p, "id");
    if (!id) {
      problems.add({
        file,
        path: [...propertiesPath, "id"],
        message: "a span needs an id",
        value: p.id,
      });
      return;
    }
    if (p.featureType !== undefined && p.featureType !== "span") {
      problems.add({
        file,
        path: [...propertiesPath, "featureType"],
        message: 'expected "span"',
        value: p.featureType,
      });
      return;
    }
    const network = noteNetwork(p.network);
    const ends = (["start", "end"] as const).map((field) => {
      const ref = p[field];
      const refId =
        typeof ref === "string" ? ref : isRecord(ref) ? stringProperty(ref, "id") : undefined;
      const found = refId !== undefined ? nodes.get(nodeKey(network, refId)) : undefined;
      if (!found) {
        problems.add({
          file,
          path: [...propertiesPath, field],
          message:
            refId === undefined
              ? "required field is missing (a node id)"
              : `unknown node id (not in ${basename(options.nodesFile)})`,
          value: refId,
        });
      }
      return found;
    });
    const status = p.status === undefined ? undefined : String(p.status);
    if (status !== undefined && !(OFDS_STATUSES as readonly string[]).includes(status)) {
      problems.add({
        file,
        path: [...propertiesPath, "status"],
        message: `not an OFDS status (${OFDS_STATUSES.join(", ")})`,
        value: p.status,
      });
      return;
    }
    const rfsText = stringProperty(p, "readyForServiceDate");
    const rfs = rfsText ? parsePartialDate(rfsText) : undefined;
    if (rfsText && !rfs) {
      problems.add({
        file,
        path: [...propertiesPath, "readyForServiceDate"],
        message: "not a date (expected YYYY-MM-DD)",
        value: rfsText,
      });
      return;
    }
    const geometry = isRecord(feature) ? feature.geometry : undefined;
    const lines =
      geometry === null || geometry === undefined
        ? []
        : readLineGeometry(geometry, file, [...path, "geometry"], problems);
    const [start, end] = ends;
    if (!start || !end || !lines) return;
    if (start === end) {
      problems.add({
        file,
        path: [...propertiesPath, "end"],
        message: "the span ends at its start node",
        value: start.node.name,
      });
      return;
    }
    if (rfs) rfsDates.push(rfs.date);
    // Routing waits until every problem is known and `updated` is settled.
    pending.push(() => {
      progress.update(i);
      const label = `${id}${stringProperty(p, "name") ? ` (${stringProperty(p, "name")})` : ""}`;
      if (status && ENDED.has(status)) {
        report.skip(`${status} spans (OFDS gives no end date)`, label);
        return;
      }
      if (status && PLANNED.has(status) && !rfs) {
        report.skip("planned spans without a ready-for-service date", label);
        return;
      }
      const drawn = lines.length === 0 ? undefined : lines.flat();
      const route = drawn
        ? pathAlong([start.node.coordinates as LonLat, ...drawn, end.node.coordinates as LonLat])
        : densifyRoute([start.node.coordinates as LonLat, end.node.coordinates as LonLat]);
      const measures = measureLink(
        route,
        "terrestrial",
        [start.node.country, end.node.country],
        boundaries,
      );
      const crossesBorder =
        measures.crossings.length > 0 ||
        (start.node.country !== undefined &&
          end.node.country !== undefined &&
          start.node.country !== end.node.country);
      if (options.crossBorderOnly && !crossesBorder) {
        report.skip("spans within one country (--cross-border-only)", label);
        return;
      }
      const { active, note, assumptions } = spanActivity(status, rfsText, rfs, updated);
      if (!drawn)
        assumptions.push("The span has no geometry: drawn as a great circle between its nodes.");
      const parties = [
        nameOf(p.network) && `Network: ${nameOf(p.network)}.`,
        nameOf(p.physicalInfrastructureProvider) &&
          `Physical infrastructure provider: ${nameOf(p.physicalInfrastructureProvider)}.`,
        Array.isArray(p.networkProviders) && p.networkProviders.length > 0
          ? `Network providers: ${p.networkProviders.map(nameOf).filter(Boolean).join(", ")}.`
          : undefined,
      ].filter((x): x is string => Boolean(x));
      const link: Link = {
        id: linkIds.take(stringProperty(p, "name") ?? `span-${id}`),
        name: stringProperty(p, "name") ?? `${start.node.name} – ${end.node.name}`,
        kind: "terrestrial",
        from: start.node.id,
        to: end.node.id,
        active,
        sources: [],
        note: [note, ...parties].join(" "),
        path: route,
        ...measures,
      };
      if (assumptions.length > 0) link.assumptions = assumptions;
      links.push(link);
      usedNodes.add(start.key).add(end.key);
      report.imported(crossesBorder ? "links (cross-border spans)" : "links (domestic spans)");
    });
  });
  problems.throwIfAny();

  const published = [...networks.values()]
    .flatMap((n) => [stringProperty(n, "publicationDate"), stringProperty(n, "collectionDate")])
    .filter((d): d is string => d !== undefined && isIsoDate(d))
    .sort();
  const updated =
    options.updated ??
    published[published.length - 1] ??
    statSync(options.spansFile).mtime.toISOString().slice(0, 10);
  if (!options.updated) {
    report.note(
      published.length > 0
        ? `--updated not given: using ${updated}, the network's latest publication date`
        : `--updated not given: using ${updated}, the modification date of ${basename(options.spansFile)}; pass --updated YYYY-MM-DD to pin it`,
    );
  }
  for (const route of pending) route();
  progress.finish();

  const networkNames = [...networks.values()]
    .map((n) => stringProperty(n, "name"))
    .filter((n): n is string => Boolean(n));
  const publisher = [...networks.values()].map((n) => nameOf(n.publisher)).find(Boolean);
  const website = [...networks.values()]
    .map((n) => stringProperty(n, "website"))
    .find((w) => w && /^https?:\/\//.test(w));
  const sourceId =
    networkNames.length === 1
      ? `ofds-${slugify(networkNames[0] ?? "")}`.slice(0, 100)
      : "ofds-networks";
  const source: Source = {
    id: sourceId.replace(/-+$/, ""),
    title: `${networkNames.length > 0 ? networkNames.join(", ") : "Fibre network"} (Open Fibre Data Standard GeoJSON: ${basename(options.nodesFile)}, ${basename(options.spansFile)})`,
    ...(publisher ? { publisher } : {}),
    ...(website ? { url: website } : {}),
    date: updated,
  };
  const kept: TopologyNode[] = [];
  for (const { key, node } of nodes.values()) {
    if (options.crossBorderOnly && !usedNodes.has(key)) {
      report.skip("nodes on no kept span (--cross-border-only)", node.id);
      continue;
    }
    kept.push({ ...node, sources: [source.id] });
    report.imported("nodes");
  }
  const topology = assembleTopology({
    id:
      options.id ??
      (networkNames.length === 1
        ? slugify(networkNames[0] ?? "") || "fibre-network"
        : "fibre-networks"),
    title:
      options.title ??
      `${networkNames.length > 0 ? networkNames.join(", ") : "Fibre network"} (OFDS)`,
    description: `Fibre spans and nodes from Open Fibre Data Standard data (${basename(options.spansFile)}), as of ${updated}${options.crossBorderOnly ? "; only spans that cross a border" : ""}. Operators are named in each link's note (OFDS gives no AS numbers).`,
    updated,
    sources: [source],
    networks: [],
    nodes: kept,
    links: links.map((l) => ({ ...l, sources: [source.id] })),
  });
  return { topology, report };
}

function nodeKind(types: readonly string[]): TopologyNode["kind"] {
  const t = types.join(" ").toLowerCase();
  if (t.includes("landing")) return "landing";
  if (/junction|splice/.test(t)) return "waypoint";
  return "datacenter";
}

function spanActivity(
  status: string | undefined,
  rfsText: string | undefined,
  rfs: ReturnType<typeof parsePartialDate>,
  updated: string,
): { active: Interval[]; note: string; assumptions: string[] } {
  if (!rfs || !rfsText) {
    return {
      active: [
        {
          from: updated,
          to: null,
          note: `dates unknown: no readyForServiceDate; shown from ${updated}, the date of the data`,
        },
      ],
      note: `Dates unknown (status: ${status ?? "not given"}; no ready-for-service date).`,
      assumptions: [
        `Active from ${updated} (the date of the data): when the span entered service is not known.`,
      ],
    };
  }
  const assumptions = partialDateAssumption("Ready-for-service date", rfsText, rfs);
  if ((status && PLANNED.has(status)) || rfs.date > updated) {
    return {
      active: [
        {
          from: rfs.date,
          to: null,
          note: `planned (RFS ${rfsText}; status ${status ?? "not given"})`,
        },
      ],
      note: `Planned: ready for service expected ${rfsText} (status: ${status ?? "not given"}, as of ${updated}).`,
      assumptions,
    };
  }
  return {
    active: [{ from: rfs.date, to: null }],
    note: `Ready for service: ${rfsText}.`,
    assumptions,
  };
}
