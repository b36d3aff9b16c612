/**
 * One snapshot of TeleGeography's Submarine Cable Map API, read: its landing points, its cables'
 * drawings and, where downloaded, each cable's details file (`cable/<id>.json`).
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { LonLat } from "../../src/model/route";
import { countryCodeOfName, countryCodeOfPlaceName } from "./country-names";
import { roundLonLat } from "./geometry";
import type { ImportReport } from "./import-report";
import type { ProblemList } from "./input-error";
import {
  featuresOf,
  isRecord,
  type JsonRecord,
  readJsonFile,
  readLineGeometry,
  readPointFeature,
  stringProperty,
} from "./json-input";
import { type PartialDate, parsePartialDate } from "./partial-dates";
import { splitOwners } from "./telegeography-owners";

/** The files of one snapshot. */
export interface SnapshotFiles {
  /**
   * The date the files stand for (when they were downloaded). Optional for a single snapshot:
   * it then defaults to the modification date of `cablesFile`.
   */
  date?: string | undefined;
  /** `cable-geo.json`: a FeatureCollection of (Multi)LineStrings. */
  cablesFile: string;
  /** `landing-point-geo.json`: a FeatureCollection of Points. */
  landingPointsFile: string;
  /** The directory of per-cable files `<id>.json` (the API's `cable/`), if downloaded. */
  detailsDir?: string | undefined;
}

/** The files of a snapshot folder laid out as the API serves them. */
export const snapshotInDir = (dir: string, date?: string): SnapshotFiles => ({
  date,
  cablesFile: join(dir, "cable-geo.json"),
  landingPointsFile: join(dir, "landing-point-geo.json"),
  detailsDir: join(dir, "cable"),
});

export interface LandingPoint {
  id: string;
  name: string;
  coordinates: LonLat;
  tbd: boolean;
}

/** A landing point as a cable's details list it. */
export interface DetailsLanding {
  id: string;
  name?: string | undefined;
  /** ISO code of the country the details give (or the one ending its name). */
  country?: string | undefined;
  /** Older files give a `latlon`: kept for landing points missing from the landing-point file. */
  coordinates?: LonLat | undefined;
}

export interface CableDetails {
  name?: string | undefined;
  length?: string | undefined;
  rfsText?: string | undefined;
  rfs?: PartialDate | undefined;
  /** Newer files say so (`is_planned`); older ones leave it to the RFS date. */
  planned: boolean;
  /** As written, in the file's order. */
  owners: string[];
  landings: DetailsLanding[];
}

/** A cable as the map draws it: every line of every feature with its id. */
export interface CableDrawing {
  id: string;
  /** The feature's `name` (newer files only; the API's files name cables in their details). */
  name?: string | undefined;
  lines: LonLat[][];
}

export interface Snapshot {
  date: string;
  landingPoints: Map<string, LandingPoint>;
  /** In file order. */
  cables: Map<string, CableDrawing>;
  details: Map<string, CableDetails>;
}

/** The UTC date a file was last modified: when a download was saved. */
export const modificationDate = (file: string): string =>
  statSync(file).mtime.toISOString().slice(0, 10);

/** Reads a snapshot dated `date`; problems are added to `problems` (the caller throws). */
export function readSnapshot(
  files: SnapshotFiles,
  date: string,
  problems: ProblemList,
  report: ImportReport,
): Snapshot {
  const landingPoints = readLandingPoints(files.landingPointsFile, problems, report);
  const cables = readCables(files.cablesFile, problems, report);
  const details = new Map<string, CableDetails>();
  if (files.detailsDir) {
    for (const id of cables.keys()) {
      const file = join(files.detailsDir, `${id}.json`);
      if (!existsSync(file)) continue;
      const d = readDetails(file, problems);
      if (d) details.set(id, d);
    }
  }
  return { date, landingPoints, cables, details };
}

/** Older files have a numeric `id` beside the text `slug` that names files and references. */
const idOf = (properties: JsonRecord) =>
  stringProperty(properties, "slug") ?? stringProperty(properties, "id");

const propertiesOf = (feature: unknown): JsonRecord =>
  isRecord(feature) && isRecord(feature.properties) ? feature.properties : {};

/**
 * Calls `each` with every feature of `file` that has an id (or slug), its properties and its path
 * in the file; a feature without one is a problem, named by `what` ("cable"). Every feature is
 * counted in `report` as read.
 */
function eachIdentifiedFeature(
  file: string,
  what: string,
  { problems, report }: { problems: ProblemList; report: ImportReport },
  each: (id: string, feature: unknown, properties: JsonRecord, path: (string | number)[]) => void,
): void {
  featuresOf(readJsonFile(file), file).forEach((feature, i) => {
    report.read(`${what} features`);
    const path = ["features", i];
    const properties = propertiesOf(feature);
    const id = idOf(properties);
    if (id) each(id, feature, properties, path);
    else {
      problems.add({
        file,
        path: [...path, "properties", "id"],
        message: `a ${what.replace("-", " ")} needs an id (or slug)`,
        value: properties.id,
      });
    }
  });
}

function readLandingPoints(
  file: string,
  problems: ProblemList,
  report: ImportReport,
): Map<string, LandingPoint> {
  const points = new Map<string, LandingPoint>();
  const context = { problems, report };
  eachIdentifiedFeature(file, "landing-point", context, (id, feature, properties, path) => {
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
function readCables(
  file: string,
  problems: ProblemList,
  report: ImportReport,
): Map<string, CableDrawing> {
  const cables = new Map<string, CableDrawing>();
  eachIdentifiedFeature(file, "cable", { problems, report }, (id, feature, properties, path) => {
    const lines = readLineGeometry(
      isRecord(feature) ? feature.geometry : undefined,
      file,
      [...path, "geometry"],
      problems,
    );
    if (!lines) return;
    const cable: CableDrawing = cables.get(id) ?? {
      id,
      name: stringProperty(properties, "name"),
      lines: [],
    };
    cable.lines.push(...lines);
    cables.set(id, cable);
  });
  return cables;
}

/** `"35.037517,139.816956"` (latitude first) → `[lon, lat]`, or `undefined`. */
function readLatLon(text: string | undefined): LonLat | undefined {
  const [lat, lon] = (text ?? "").split(",").map((v) => Number(v.trim()));
  if (lat === undefined || lon === undefined || !Number.isFinite(lat) || !Number.isFinite(lon))
    return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  return roundLonLat([lon, lat]);
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
  const landings: DetailsLanding[] = [];
  const list = Array.isArray(doc.landing_points) ? doc.landing_points : [];
  for (const point of list) {
    if (!isRecord(point)) continue;
    const id = idOf(point);
    if (!id || landings.some((l) => l.id === id)) continue;
    const name = stringProperty(point, "name");
    const countryName = stringProperty(point, "country");
    landings.push({
      id,
      name,
      country:
        (countryName && countryCodeOfName(countryName)) || countryCodeOfPlaceName(name ?? ""),
      coordinates: readLatLon(stringProperty(point, "latlon")),
    });
  }
  return {
    name: stringProperty(doc, "name"),
    length: stringProperty(doc, "length"),
    rfsText,
    // An RFS this importer cannot read leaves the cable's dates unknown (reported), not the run failed.
    rfs: rfsText ? parsePartialDate(rfsText) : undefined,
    planned: doc.is_planned === true,
    owners: splitOwners(stringProperty(doc, "owners") ?? ""),
    landings,
  };
}
