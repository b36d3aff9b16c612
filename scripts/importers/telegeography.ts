/**
 * TeleGeography's Submarine Cable Map (its public JSON API) → topology: cables become submarine
 * links that keep their drawn geometry, landing points become nodes.
 */
import { existsSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { CountryIndex } from "../../src/model/country-index";
import { greatCircleKm, type LonLat } from "../../src/model/route";
import type { Interval, Link, Source, Topology, TopologyNode } from "../../src/model/schema";
import { countryCodeOfName, countryCodeOfPlaceName } from "./country-names";
import { measureLink, pathAlong, roundLonLat } from "./geometry";
import { naturalEarthGridIndex } from "./grid-country-index";
import { createIdAllocator } from "./ids";
import { createImportReport, type ImportReport } from "./import-report";
import { createProblemList, type ProblemList } from "./input-error";
import {
  featuresOf,
  isRecord,
  type JsonRecord,
  readJsonFile,
  readLineGeometry,
  readPointFeature,
  stringProperty,
} from "./json-input";
import { type PartialDate, parsePartialDate, partialDateAssumption } from "./partial-dates";
import { createProgress, PROGRESS_MIN_BYTES } from "./progress";
import { assembleTopology } from "./topology-output";

export const TELEGEOGRAPHY_SOURCE_ID = "telegeography-submarine-cable-map";
/** A cable's drawn end is joined to a landing point this close to it. */
export const SNAP_KM = 25;

export interface TelegeographyOptions {
  /** `cable-geo.json`: a FeatureCollection of (Multi)LineStrings. */
  cablesFile: string;
  /** `landing-point-geo.json`: a FeatureCollection of Points. */
  landingPointsFile: string;
  /** The directory of per-cable files `<id>.json` (the API's `cable/`), if downloaded. */
  detailsDir?: string | undefined;
  /**
   * The date the files stand for (when they were downloaded): the topology's `updated`, the
   * reference for "planned" (an RFS after it), and the start of "dates unknown" intervals.
   * Defaults to the modification date of `cablesFile`.
   */
  updated?: string | undefined;
  id?: string | undefined;
  title?: string | undefined;
}

interface LandingPoint {
  id: string;
  name: string;
  coordinates: LonLat;
  tbd: boolean;
}

interface CableDetails {
  file: string;
  name?: string | undefined;
  length?: string | undefined;
  rfsText?: string | undefined;
  rfs?: PartialDate | undefined;
  planned: boolean;
  owners: string[];
  landingPointIds: string[];
  /** Countries of the cable's landing points, by landing point id. */
  countries: Map<string, string>;
}

interface Cable {
  id: string;
  name: string;
  featureIndexes: number[];
  lines: LonLat[][];
}

/** Imports the Submarine Cable Map files; throws an InputError listing every problem found. */
export async function importTelegeography(
  options: TelegeographyOptions,
  report: ImportReport = createImportReport("telegeography"),
): Promise<{ topology: Topology; report: ImportReport }> {
  const problems = createProblemList();
  const updated = options.updated ?? modificationDate(options.cablesFile);
  if (!options.updated) {
    report.note(
      `--updated not given: using ${updated}, the modification date of ${basename(options.cablesFile)} (when it was downloaded); pass --updated YYYY-MM-DD to pin it`,
    );
  }
  const boundaries = naturalEarthGridIndex();

  const landingPoints = readLandingPoints(options.landingPointsFile, problems, report);
  const cables = readCables(options.cablesFile, problems, report);
  const details = new Map<string, CableDetails>();
  for (const cable of cables) {
    const file = options.detailsDir ? join(options.detailsDir, `${cable.id}.json`) : undefined;
    if (file && existsSync(file)) {
      const d = readDetails(file, problems);
      if (d) details.set(cable.id, d);
    }
  }
  problems.throwIfAny();

  // Landing points become nodes; their country comes from the details, the name, or the map.
  const nodeIds = createIdAllocator("landing-point");
  const nodes = new Map<string, TopologyNode>();
  const detailCountries = new Map<string, string>();
  for (const d of details.values()) {
    for (const [id, code] of d.countries) detailCountries.set(id, code);
  }
  for (const point of landingPoints.values()) {
    const country =
      detailCountries.get(point.id) ??
      countryCodeOfPlaceName(point.name) ??
      boundaries.countryAt(point.coordinates) ??
      undefined;
    if (!country) report.remark("landing points whose country is not known", point.id);
    const node: TopologyNode = {
      id: nodeIds.take(point.id),
      name: point.name,
      kind: "landing",
      coordinates: point.coordinates,
      sources: [TELEGEOGRAPHY_SOURCE_ID],
    };
    if (country) node.country = country;
    if (point.tbd) {
      node.note = "TeleGeography marks this landing point as TBD (to be determined).";
      node.assumptions = ["The location shown is TeleGeography's provisional one."];
    }
    nodes.set(point.id, node);
    report.imported("landing points");
  }

  const landingNodes = [...nodes.values()];
  const linkIds = createIdAllocator("cable");
  const links: Link[] = [];
  const large = statSync(options.cablesFile).size >= PROGRESS_MIN_BYTES;
  const progress = createProgress("telegeography: routing cables", cables.length, {
    enabled: large,
  });
  cables.forEach((cable, i) => {
    progress.update(i);
    const d = details.get(cable.id);
    if (!d) report.remark("cables without a details file (dates unknown)", cable.id);
    else if (d.rfsText && !d.rfs)
      report.remark(
        "cables whose RFS is not a date read here (dates unknown)",
        `${cable.id}: "${d.rfsText}"`,
      );
    else if (!d.rfs)
      report.remark("cables whose details give no RFS date (dates unknown)", cable.id);
    else if (d.planned || d.rfs.date > updated)
      report.remark("planned cables (RFS after --updated)", cable.id);
    const candidates = d
      ? d.landingPointIds.flatMap((id) => {
          const node = nodes.get(id);
          return node ? [node] : [];
        })
      : landingNodes;
    const segments = joinAtAntimeridian(cable.lines);
    const junctions = new Map<string, TopologyNode>();
    const endNode = (at: LonLat): TopologyNode => {
      const near = nearestNode(at, candidates) ?? nearestNode(at, landingNodes);
      if (near) return near;
      const key = `${at[0].toFixed(4)},${at[1].toFixed(4)}`;
      let junction = junctions.get(key);
      if (!junction) {
        const n = junctions.size + 1;
        junction = {
          id: nodeIds.take(`${cable.id}-junction-${n}`),
          name: `${cable.name}: junction ${n}`,
          kind: "waypoint",
          coordinates: roundLonLat(at),
          sources: [TELEGEOGRAPHY_SOURCE_ID],
          note: "An end of a drawn cable segment with no landing point nearby: a branching unit, or where the drawing stops.",
        };
        const country = boundaries.countryAt(at);
        if (country) junction.country = country;
        junctions.set(key, junction);
        nodes.set(`junction ${junction.id}`, junction);
        report.imported("junction waypoints");
      }
      return junction;
    };

    segments.forEach((line, s) => {
      const first = line[0] as LonLat;
      const last = line[line.length - 1] as LonLat;
      const from = endNode(first);
      let to = endNode(last);
      if (to === from) to = turningPoint(cable, line, from, nodeIds, nodes, boundaries);
      const vertices = [...line];
      if (!samePoint(from.coordinates as LonLat, first))
        vertices.unshift(from.coordinates as LonLat);
      if (!samePoint(to.coordinates as LonLat, last)) vertices.push(to.coordinates as LonLat);
      const path = pathAlong(vertices);
      const measures = measureLink(path, "submarine", [from.country, to.country], boundaries);
      const segmentNote =
        segments.length > 1
          ? `Segment ${s + 1} of ${segments.length} of the cable's drawn route.`
          : "";
      const { active, note, assumptions } = activity(d, updated);
      const link: Link = {
        id: linkIds.take(segments.length > 1 ? `${cable.id}-s${s + 1}` : cable.id),
        name:
          segments.length > 1
            ? `${cable.name} (segment ${s + 1} of ${segments.length})`
            : cable.name,
        kind: "submarine",
        from: from.id,
        to: to.id,
        active,
        sources: [TELEGEOGRAPHY_SOURCE_ID],
        note: [note, segmentNote].filter(Boolean).join(" "),
        path,
        ...measures,
      };
      if (assumptions.length > 0) link.assumptions = assumptions;
      links.push(link);
      report.imported("links (cable segments)");
    });
    report.imported("cables");
  });
  progress.finish();

  const source: Source = {
    id: TELEGEOGRAPHY_SOURCE_ID,
    title: `Submarine Cable Map (${basename(options.cablesFile)}, ${basename(options.landingPointsFile)}${options.detailsDir ? ", cable/<id>.json" : ""})`,
    publisher: "TeleGeography",
    url: "https://www.submarinecablemap.com/",
    date: updated,
  };
  const topology = assembleTopology({
    id: options.id ?? "submarine-cables",
    title: options.title ?? "Submarine cables (TeleGeography)",
    description: `${cables.length} submarine cables and ${landingPoints.size} landing points from TeleGeography's Submarine Cable Map, as of ${updated}. Cable owners are named in each link's note (they have no AS numbers).`,
    updated,
    sources: [source],
    networks: [],
    nodes: [...nodes.values()],
    links,
  });
  return { topology, report };
}

/** The UTC date a file was last modified: when a download was saved. */
function modificationDate(file: string): string {
  return statSync(file).mtime.toISOString().slice(0, 10);
}

/** Older files have a numeric `id` beside the text `slug` that names files and references. */
const idOf = (properties: JsonRecord) =>
  stringProperty(properties, "slug") ?? stringProperty(properties, "id");

function readLandingPoints(
  file: string,
  problems: ProblemList,
  report: ImportReport,
): Map<string, LandingPoint> {
  const points = new Map<string, LandingPoint>();
  featuresOf(readJsonFile(file), file).forEach((feature, i) => {
    report.read("landing-point features");
    const path = ["features", i];
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = idOf(properties);
    if (!id) {
      problems.add({
        file,
        path: [...path, "properties", "id"],
        message: "a landing point needs an id (or slug)",
        value: properties.id,
      });
      return;
    }
    const at = readPointFeature(feature, file, path, problems);
    if (!at) return;
    if (points.has(id)) {
      report.skip("landing points repeated with the same id (first kept)", id);
      return;
    }
    points.set(id, {
      id,
      name: stringProperty(properties, "name") ?? id,
      coordinates: roundLonLat(at),
      tbd: properties.is_tbd === true,
    });
  });
  return points;
}

/** Cables in file order; the features of one cable (same id) are gathered into one. */
function readCables(file: string, problems: ProblemList, report: ImportReport): Cable[] {
  const cables = new Map<string, Cable>();
  featuresOf(readJsonFile(file), file).forEach((feature, i) => {
    report.read("cable features");
    const path = ["features", i];
    const properties = isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};
    const id = idOf(properties);
    if (!id) {
      problems.add({
        file,
        path: [...path, "properties", "id"],
        message: "a cable needs an id (or slug)",
        value: properties.id,
      });
      return;
    }
    const lines = readLineGeometry(
      isRecord(feature) ? feature.geometry : undefined,
      file,
      [...path, "geometry"],
      problems,
    );
    if (!lines) return;
    const cable = cables.get(id) ?? {
      id,
      name: stringProperty(properties, "name") ?? id,
      featureIndexes: [],
      lines: [],
    };
    cable.featureIndexes.push(i);
    cable.lines.push(...lines);
    cables.set(id, cable);
  });
  return [...cables.values()];
}

function readDetails(file: string, problems: ProblemList): CableDetails | undefined {
  let doc: unknown;
  try {
    doc = readJsonFile(file);
  } catch (error) {
    problems.add({ file, message: (error as Error).message.replace(`${file}: `, "") });
    return undefined;
  }
  if (!isRecord(doc)) {
    problems.add({ file, message: "expected a JSON object", value: doc });
    return undefined;
  }
  const rfsText =
    stringProperty(doc, "rfs") ??
    (typeof doc.rfs_year === "number" ? String(doc.rfs_year) : undefined);
  // An RFS this importer cannot read leaves the cable's dates unknown (reported), not the run failed.
  const rfs = rfsText ? parsePartialDate(rfsText) : undefined;
  const owners = (stringProperty(doc, "owners") ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  const landingPointIds: string[] = [];
  const countries = new Map<string, string>();
  const list = Array.isArray(doc.landing_points) ? doc.landing_points : [];
  list.forEach((point) => {
    if (!isRecord(point)) return;
    const id = idOf(point);
    if (!id) return;
    landingPointIds.push(id);
    const country =
      (stringProperty(point, "country") &&
        countryCodeOfName(stringProperty(point, "country") ?? "")) ||
      countryCodeOfPlaceName(stringProperty(point, "name") ?? "");
    if (country) countries.set(id, country);
  });
  return {
    file,
    name: stringProperty(doc, "name"),
    length: stringProperty(doc, "length"),
    rfsText,
    rfs,
    planned: doc.is_planned === true,
    owners,
    landingPointIds,
    countries,
  };
}

/** A cable's active interval and what it says, from its details (or their absence). */
function activity(
  d: CableDetails | undefined,
  updated: string,
): { active: Interval[]; note: string; assumptions: string[] } {
  const facts: string[] = [];
  if (d?.owners.length) facts.push(`Owners: ${d.owners.join(", ")}.`);
  if (d?.length) facts.push(`Length given by TeleGeography: ${d.length}.`);
  if (!d?.rfs || !d.rfsText) {
    const why = !d
      ? "no details file for this cable"
      : d.rfsText
        ? `its ready-for-service date "${d.rfsText}" is not a date this importer reads`
        : "its details give no ready-for-service date";
    const planned = d?.planned ? " TeleGeography lists it as planned." : "";
    return {
      active: [
        {
          from: updated,
          to: null,
          note: `dates unknown: ${why}; shown from ${updated}, the date of the import, when it is on TeleGeography's map`,
        },
      ],
      note: [`Dates unknown (${why}).${planned}`, ...facts].join(" "),
      assumptions: [
        `Active from ${updated} (the import's date): the cable is on the map then, but when it entered service is not known.`,
      ],
    };
  }
  const assumptions = partialDateAssumption("Ready-for-service date", d.rfsText, d.rfs);
  if (d.planned || d.rfs.date > updated) {
    return {
      active: [{ from: d.rfs.date, to: null, note: `planned (RFS ${d.rfsText})` }],
      note: [`Planned: ready for service expected ${d.rfsText} (as of ${updated}).`, ...facts].join(
        " ",
      ),
      assumptions,
    };
  }
  return {
    active: [{ from: d.rfs.date, to: null }],
    note: [`Ready for service: ${d.rfsText}.`, ...facts].join(" "),
    assumptions,
  };
}

const samePoint = (a: LonLat, b: LonLat) =>
  Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/** The nearest node within {@link SNAP_KM}, or `undefined`. */
function nearestNode(at: LonLat, candidates: readonly TopologyNode[]): TopologyNode | undefined {
  let best: TopologyNode | undefined;
  let bestKm = SNAP_KM;
  for (const node of candidates) {
    const km = greatCircleKm(at, node.coordinates as LonLat);
    if (km <= bestKm) {
      best = node;
      bestKm = km;
    }
  }
  return best;
}

const ANTIMERIDIAN_EPSILON = 1e-6;
const onAntimeridian = ([lon]: LonLat) => Math.abs(Math.abs(lon) - 180) < ANTIMERIDIAN_EPSILON;
const meetAcrossAntimeridian = (a: LonLat, b: LonLat) =>
  onAntimeridian(a) && onAntimeridian(b) && Math.abs(a[1] - b[1]) < 1e-3;

/**
 * Drawings split a cable where it crosses the antimeridian (one line ends at 180°, the next starts
 * at -180°). Such pieces are joined back into one line, so the crossing is kept as one route;
 * other segments stay separate.
 */
export function joinAtAntimeridian(lines: readonly LonLat[][]): LonLat[][] {
  const out = lines.map((line) => [...line]);
  for (let joined = true; joined; ) {
    joined = false;
    search: for (let i = 0; i < out.length; i++) {
      for (let j = 0; j < out.length; j++) {
        if (i === j) continue;
        const a = out[i] as LonLat[];
        const b = out[j] as LonLat[];
        const aEnd = a[a.length - 1] as LonLat;
        const bStart = b[0] as LonLat;
        const bEnd = b[b.length - 1] as LonLat;
        let merged: LonLat[] | undefined;
        if (meetAcrossAntimeridian(aEnd, bStart)) merged = [...a, ...b.slice(1)];
        else if (meetAcrossAntimeridian(aEnd, bEnd)) merged = [...a, ...[...b].reverse().slice(1)];
        if (merged) {
          out[i] = merged;
          out.splice(j, 1);
          joined = true;
          break search;
        }
      }
    }
  }
  return out;
}

/**
 * A segment drawn as a loop back to where it started (a festoon) needs a far end: the vertex
 * farthest from its start, as a waypoint.
 */
function turningPoint(
  cable: Cable,
  line: readonly LonLat[],
  from: TopologyNode,
  nodeIds: ReturnType<typeof createIdAllocator>,
  nodes: Map<string, TopologyNode>,
  boundaries: CountryIndex,
): TopologyNode {
  let far = line[0] as LonLat;
  let farKm = -1;
  for (const vertex of line) {
    const km = greatCircleKm(from.coordinates as LonLat, vertex);
    if (km > farKm) {
      far = vertex;
      farKm = km;
    }
  }
  const node: TopologyNode = {
    id: nodeIds.take(`${cable.id}-turning-point`),
    name: `${cable.name}: turning point`,
    kind: "waypoint",
    coordinates: roundLonLat(far),
    sources: [TELEGEOGRAPHY_SOURCE_ID],
    note: "The segment is drawn as a loop; this is its point farthest from where it starts.",
  };
  const country = boundaries.countryAt(far);
  if (country) node.country = country;
  nodes.set(`turning ${node.id}`, node);
  return node;
}
