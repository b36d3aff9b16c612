/**
 * A link's path as one array of numbers — longitude, latitude, longitude, latitude… — the form
 * the drawing code and whole-dataset scans read, without an array per vertex.
 *
 * A link parsed from a compact path (`compact-path.ts`) keeps the decoded array, and its `path`
 * is built as `[lon, lat]` vertices only if something reads it (the details of one selected link,
 * say). A link with a plain path gets its array on first request. Either way the array belongs
 * to the link: readers must not modify it.
 */
import type { Link } from "./schema";

type Vertices = [number, number][];

const packed = new WeakMap<object, Float64Array>();

/** The interleaved longitudes and latitudes of `link.path`. */
export function pathCoordinates(link: Pick<Link, "path">): Float64Array {
  const known = packed.get(link);
  if (known) return known;
  const coordinates = flattenVertices(link.path, new Float64Array(link.path.length * 2));
  packed.set(link, coordinates);
  return coordinates;
}

/** Writes `[lon, lat]` vertices into `out` as interleaved longitudes and latitudes; returns `out`. */
export function flattenVertices(
  vertices: readonly (readonly [number, number])[],
  out: Float64Array,
): Float64Array {
  for (let i = 0; i < vertices.length; i++) {
    const vertex = vertices[i] as readonly [number, number];
    out[2 * i] = vertex[0];
    out[2 * i + 1] = vertex[1];
  }
  return out;
}

/** `[lon, lat]` vertices of interleaved coordinates. */
export function toVertices(coordinates: ArrayLike<number>): Vertices {
  const vertices: Vertices = [];
  for (let i = 0; i + 1 < coordinates.length; i += 2) {
    vertices.push([coordinates[i] as number, coordinates[i + 1] as number]);
  }
  return vertices;
}

/**
 * Makes `key` a plain field of `target` holding `value`, in place of what it was: how a field
 * computed on first read (an accessor shared by many records) becomes an ordinary one.
 */
export const defineOwnField = (target: object, key: string, value: unknown) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

// One getter and one setter for every packed link, not two closures each: 100,000 links are
// parsed faster. The first read replaces the getter with the vertices, as a plain property.
function readVertices(this: object): Vertices {
  const vertices = toVertices(packed.get(this) ?? []);
  defineOwnField(this, "path", vertices);
  return vertices;
}

function writePath(this: object, value: unknown): void {
  packed.delete(this);
  defineOwnField(this, "path", value);
}

const PACKED_PATH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get: readVertices,
  set: writePath,
};

/**
 * A copy of `record` whose path is `coordinates` (interleaved longitudes and latitudes), in place
 * of what its `path` held: {@link pathCoordinates} returns the array itself, and `path` reads as
 * `[lon, lat]` vertices, built on the first read. Assigning `path` replaces both.
 */
export function withPackedPath<T extends { path: unknown }>(
  record: T,
  coordinates: Float64Array,
): Omit<T, "path"> & { path: Vertices } {
  // Built field by field, the getter added as a new property: an object whose data property is
  // turned into an accessor becomes a slow dictionary object in V8.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === "path") addPackedPath(copy, coordinates);
    else copy[key] = record[key as keyof T];
  }
  return copy as Omit<T, "path"> & { path: Vertices };
}

/**
 * Gives `record`, which has no `path` yet, the path `coordinates` as {@link withPackedPath} does,
 * without a copy: for a record being built, field by field, in the order its fields are listed.
 */
export function addPackedPath(record: object, coordinates: Float64Array): void {
  Object.defineProperty(record, "path", PACKED_PATH);
  packed.set(record, coordinates);
}

/** `[[west, south], [east, north]]` of interleaved coordinates; `null` for none. */
export function coordinatesExtent(
  coordinates: ArrayLike<number>,
): [[number, number], [number, number]] | null {
  if (coordinates.length < 2) return null;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < coordinates.length; i += 2) {
    const lon = coordinates[i] as number;
    const lat = coordinates[i + 1] as number;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [
    [west, south],
    [east, north],
  ];
}
