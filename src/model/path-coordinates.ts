/**
 * A link's path as one array of numbers — longitude, latitude, longitude, latitude… — the form
 * the drawing code and whole-dataset scans read, without an array per vertex. A path of several
 * parts (a cable's trunk and branches) is one array too, its parts one after another, with the
 * vertex at which each part starts beside it (`pathPartStarts`); `pathParts` gives each part as
 * a view into the array.
 *
 * A link parsed from a compact path (`compact-path.ts`) keeps the decoded array, and its `path`
 * is built as `[lon, lat]` vertices only if something reads it (the details of one selected link,
 * say). A link with a plain path gets its array on first request. Either way the array belongs
 * to the link: readers must not modify it.
 */
import type { Link, LinkPath } from "./schema";

type Vertices = [number, number][];

const packed = new WeakMap<object, Float64Array>();
/** The first vertex of each part, for paths of several parts (absent: one part). */
const partStarts = new WeakMap<object, Uint32Array>();
/** One part: the path starts its only part at vertex 0. */
const ONE_PART: Uint32Array = new Uint32Array(1);

/** True when `path` is a list of parts (each a list of vertices), not a list of vertices. */
export function isPartsPath(path: LinkPath): path is Vertices[] {
  const first = path[0];
  return Array.isArray(first) && Array.isArray(first[0]);
}

/** The parts of `path`, each a list of vertices: a path of one part is its only part. */
export function pathVertexParts(path: LinkPath): readonly Vertices[] {
  return isPartsPath(path) ? path : [path as Vertices];
}

function pack(link: Pick<Link, "path">): Float64Array {
  const parts = pathVertexParts(link.path);
  let vertices = 0;
  for (const part of parts) vertices += part.length;
  const coordinates = new Float64Array(vertices * 2);
  if (parts.length > 1) {
    const starts = new Uint32Array(parts.length);
    let at = 0;
    parts.forEach((part, i) => {
      starts[i] = at;
      flattenVertices(part, coordinates.subarray(2 * at));
      at += part.length;
    });
    partStarts.set(link, starts);
  } else if (parts[0]) flattenVertices(parts[0], coordinates);
  packed.set(link, coordinates);
  return coordinates;
}

/**
 * The interleaved longitudes and latitudes of `link.path`: of all its parts, one after another
 * (for extents and scans; to draw or measure, take {@link pathParts}: a part's end does not join
 * the next part's start).
 */
export function pathCoordinates(link: Pick<Link, "path">): Float64Array {
  return packed.get(link) ?? pack(link);
}

/** The vertex at which each part of `link.path` starts in {@link pathCoordinates}; `[0]` for one part. */
export function pathPartStarts(link: Pick<Link, "path">): Uint32Array {
  if (!packed.has(link)) pack(link);
  return partStarts.get(link) ?? ONE_PART;
}

/** The interleaved coordinates of each part of `link.path`: views into {@link pathCoordinates}. */
export function pathParts(link: Pick<Link, "path">): Float64Array[] {
  const coordinates = pathCoordinates(link);
  const starts = pathPartStarts(link);
  const parts: Float64Array[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : coordinates.length >> 1;
    parts.push(coordinates.subarray(2 * (starts[i] as number), 2 * end));
  }
  return parts;
}

/** The number of parts of `link.path`. */
export const pathPartCount = (link: Pick<Link, "path">): number => pathPartStarts(link).length;

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
 * The path of interleaved `coordinates` whose parts start at the vertices `starts`: a list of
 * vertices for one part, a list of parts for several.
 */
export function toLinkPath(coordinates: Float64Array, starts?: ArrayLike<number>): LinkPath {
  if (!starts || starts.length <= 1) return toVertices(coordinates);
  const parts: Vertices[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? (starts[i + 1] as number) : coordinates.length >> 1;
    parts.push(toVertices(coordinates.subarray(2 * (starts[i] as number), 2 * end)));
  }
  return parts;
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
function readVertices(this: object): LinkPath {
  const vertices = toLinkPath(packed.get(this) ?? new Float64Array(0), partStarts.get(this));
  defineOwnField(this, "path", vertices);
  return vertices;
}

function writePath(this: object, value: unknown): void {
  packed.delete(this);
  partStarts.delete(this);
  defineOwnField(this, "path", value);
}

const PACKED_PATH: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get: readVertices,
  set: writePath,
};

/**
 * A copy of `record` whose path is `coordinates` (interleaved longitudes and latitudes; its parts
 * starting at the vertices `starts`, when there are several), in place of what its `path` held:
 * {@link pathCoordinates} returns the array itself, and `path` reads as `[lon, lat]` vertices
 * (a list per part, for several), built on the first read. Assigning `path` replaces both.
 */
export function withPackedPath<T extends { path: unknown }>(
  record: T,
  coordinates: Float64Array,
  starts?: Uint32Array,
): Omit<T, "path"> & { path: LinkPath } {
  // Built field by field, the getter added as a new property: an object whose data property is
  // turned into an accessor becomes a slow dictionary object in V8.
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === "path") addPackedPath(copy, coordinates, starts);
    else copy[key] = record[key as keyof T];
  }
  return copy as Omit<T, "path"> & { path: LinkPath };
}

/**
 * Gives `record`, which has no `path` yet, the path `coordinates` as {@link withPackedPath} does,
 * without a copy: for a record being built, field by field, in the order its fields are listed.
 */
export function addPackedPath(
  record: object,
  coordinates: Float64Array,
  starts?: Uint32Array,
): void {
  Object.defineProperty(record, "path", PACKED_PATH);
  packed.set(record, coordinates);
  if (starts && starts.length > 1) partStarts.set(record, starts);
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
