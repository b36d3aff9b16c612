/** Reading JSON and GeoJSON inputs, with problems that name the file, the JSON path and the value. */
import { readFileSync } from "node:fs";
import { locateSyntaxProblem } from "../../src/model/json-syntax";
import { parseJsonText } from "../../src/model/json-text";
import { DocumentError } from "../../src/model/problems";
import type { LonLat } from "../../src/model/route";
import { InputError, type ProblemList } from "./input-error";

type Path = (string | number)[];

/** A loosely typed JSON object. */
export type JsonRecord = Record<string, unknown>;

export const isRecord = (value: unknown): value is JsonRecord =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Reads a JSON file; a syntax error is reported with its line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new InputError([{ file, message: `cannot read file (${code})` }]);
  }
  try {
    return JSON.parse(text);
  } catch {
    // Parse again, slower, only to say where the error is.
    try {
      parseJsonText(text, file, locateSyntaxProblem);
    } catch (error) {
      if (error instanceof DocumentError) {
        throw new InputError(error.problems.map((p) => ({ file, message: p.message })));
      }
      throw error;
    }
    throw new InputError([{ file, message: "invalid JSON" }]);
  }
}

/** The features of a GeoJSON FeatureCollection, or an error naming the file. */
export function featuresOf(doc: unknown, file: string): unknown[] {
  if (!isRecord(doc) || doc.type !== "FeatureCollection" || !Array.isArray(doc.features)) {
    throw new InputError([
      {
        file,
        path: isRecord(doc) ? ["type"] : [],
        message: "expected a GeoJSON FeatureCollection",
        value: isRecord(doc) ? doc.type : doc,
      },
    ]);
  }
  return doc.features;
}

/** The position of a GeoJSON feature with a Point geometry at `path`; a problem otherwise. */
export function readPointFeature(
  feature: unknown,
  file: string,
  path: Path,
  problems: ProblemList,
): LonLat | undefined {
  const geometry = isRecord(feature) ? feature.geometry : undefined;
  if (!isRecord(geometry) || geometry.type !== "Point") {
    problems.add({
      file,
      path: [...path, "geometry"],
      message: "expected a Point geometry",
      value: isRecord(geometry) ? geometry.type : geometry,
    });
    return undefined;
  }
  return readPosition(geometry.coordinates, file, [...path, "geometry", "coordinates"], problems);
}

/** Checks a `[lon, lat]` position (extra values such as elevation are ignored). */
export function readPosition(
  value: unknown,
  file: string,
  path: Path,
  problems: ProblemList,
): LonLat | undefined {
  if (
    !Array.isArray(value) ||
    value.length < 2 ||
    typeof value[0] !== "number" ||
    typeof value[1] !== "number" ||
    !Number.isFinite(value[0]) ||
    !Number.isFinite(value[1])
  ) {
    problems.add({ file, path, message: "expected a [longitude, latitude] position", value });
    return undefined;
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180) {
    problems.add({
      file,
      path: [...path, 0],
      message: "longitude is off the globe (-180…180)",
      value: lon,
    });
    return undefined;
  }
  if (lat < -90 || lat > 90) {
    problems.add({
      file,
      path: [...path, 1],
      message: "latitude is off the globe (-90…90)",
      value: lat,
    });
    return undefined;
  }
  return [lon, lat];
}

/** Checks the positions of a LineString (at least two). */
export function readLine(
  value: unknown,
  file: string,
  path: Path,
  problems: ProblemList,
): LonLat[] | undefined {
  if (!Array.isArray(value) || value.length < 2) {
    problems.add({ file, path, message: "expected a line of at least 2 positions", value });
    return undefined;
  }
  const line: LonLat[] = [];
  let ok = true;
  value.forEach((position, i) => {
    const p = readPosition(position, file, [...path, i], problems);
    if (p) line.push(p);
    else ok = false;
  });
  return ok ? line : undefined;
}

/**
 * The lines of a LineString or MultiLineString geometry, each checked; `undefined` (with the
 * problems added) when the geometry is missing or malformed.
 */
export function readLineGeometry(
  geometry: unknown,
  file: string,
  path: Path,
  problems: ProblemList,
): LonLat[][] | undefined {
  if (!isRecord(geometry)) {
    problems.add({
      file,
      path,
      message: "expected a LineString or MultiLineString geometry",
      value: geometry,
    });
    return undefined;
  }
  if (geometry.type === "LineString") {
    const line = readLine(geometry.coordinates, file, [...path, "coordinates"], problems);
    return line ? [line] : undefined;
  }
  if (geometry.type === "MultiLineString" && Array.isArray(geometry.coordinates)) {
    const lines: LonLat[][] = [];
    let ok = true;
    geometry.coordinates.forEach((coordinates, i) => {
      const line = readLine(coordinates, file, [...path, "coordinates", i], problems);
      if (line) lines.push(line);
      else ok = false;
    });
    if (ok && lines.length === 0) {
      problems.add({ file, path: [...path, "coordinates"], message: "has no line", value: [] });
      return undefined;
    }
    return ok ? lines : undefined;
  }
  problems.add({
    file,
    path: [...path, "type"],
    message: "expected a LineString or MultiLineString geometry",
    value: geometry.type,
  });
  return undefined;
}

/** A non-empty string property, trimmed, or `undefined`. */
export function stringProperty(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
