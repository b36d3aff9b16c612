/**
 * Generated benchmark datasets: `links` invented links between real cities (bench/cities.ts),
 * each a great circle of {@link PATH_VERTICES} vertices, active over random intervals between
 * 2006 and 2026, with invented networks and a few events. Seeded, so the same options give the
 * same document; the output passes `parseTopology` like any dataset the pipeline writes.
 *
 * `tsx bench/generate.ts 1000 10000 [--seed N] [--out DIR]` writes `gen-<N>.topology.json` files
 * (default folder bench/.data, which git ignores).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { geoInterpolate } from "d3-geo";
import { timeRangeOf } from "../scripts/lib/build-topology";
import { encodeTableTopology, type TableOptions } from "../src/model/compact-topology";
import { fromDayNumber, toDayNumber } from "../src/model/dates";
import { defaultLinkName } from "../src/model/link-table";
import { greatCircleKm, type LonLat, pathLengthKm, unwrapLongitudes } from "../src/model/route";
import {
  EVENT_KINDS,
  type Link,
  type LinkKind,
  type Network,
  TOPOLOGY_FORMAT,
  TOPOLOGY_VERSION,
  type Topology,
  type TopologyEvent,
  type TopologyNode,
} from "../src/model/schema";
import { CITIES, type City, cityId } from "./cities";
import { createRandom, pick, type Random, randomInt } from "./random";

/** Vertices of every generated path, both ends included. */
export const PATH_VERTICES = 32;
export const DEFAULT_SEED = 20_260_101;
/** Where `npm run bench` and the CLI write generated files (git-ignored). */
export const GENERATED_DIR = fileURLToPath(new URL("./.data/", import.meta.url));

const FIRST_DAY = toDayNumber("2006-01-01");
const LAST_DAY = toDayNumber("2026-01-01");
const UPDATED = "2026-01-01";
const SOURCE_ID = "generated";
const NETWORK_COUNT = 200;
/** AS numbers from the private-use range (RFC 6996), so none can be mistaken for a real one. */
const FIRST_ASN = 4_200_000_001;
const EVENT_COUNT = 12;
/** Share of links drawn to one of a city's nearest foreign cities rather than anywhere. */
const NEAR_SHARE = 0.6;
const NEAREST = 12;
/** No satellite hops: the app draws those as raised arcs, which the reference page does not. */
const KIND_WEIGHTS: readonly [LinkKind, number][] = [
  ["terrestrial", 45],
  ["submarine", 35],
  ["peering", 15],
  ["microwave", 5],
];

export interface GenerateOptions {
  /** How many links (at least 1). */
  readonly links: number;
  readonly seed?: number;
}

/** The dataset id of a generated dataset of `links` links. */
export const generatedId = (links: number) => `gen-${links}`;

/**
 * Decimals of generated paths, as their files store them: 1e-3° (about 110 m, a pixel at zoom 10).
 * The paths are rounded when generated, so a file holds them exactly and the lengths the app
 * derives from them are the lengths generated.
 */
export const GENERATED_PATH_DECIMALS = 3;

const round = (value: number) => {
  const f = 10 ** GENERATED_PATH_DECIMALS;
  return Math.round(value * f) / f;
};

/**
 * The great circle from `a` to `b` as {@link PATH_VERTICES} vertices, each rounded to
 * {@link GENERATED_PATH_DECIMALS} (the ends too: within 60 m of the cities).
 */
export function greatCirclePath(a: LonLat, b: LonLat): LonLat[] {
  const at = geoInterpolate(a, b);
  const path: LonLat[] = [];
  for (let i = 0; i < PATH_VERTICES; i++) {
    const [lon, lat] = i === 0 ? a : i === PATH_VERTICES - 1 ? b : at(i / (PATH_VERTICES - 1));
    path.push([round(lon), round(lat)]);
  }
  return unwrapLongitudes(path).map(([lon, lat]) => [round(lon), lat]);
}

const coordinatesOf = (city: City): LonLat => [city.lon, city.lat];

/** For each city, its nearest cities in other countries, nearest first. */
function nearestForeign(cities: readonly City[]): City[][] {
  return cities.map((city) =>
    cities
      .filter((other) => other.country !== city.country)
      .map((other) => ({ other, km: greatCircleKm(coordinatesOf(city), coordinatesOf(other)) }))
      .sort((x, y) => x.km - y.km)
      .slice(0, NEAREST)
      .map((d) => d.other),
  );
}

function weighted<T>(random: Random, choices: readonly [T, number][]): T {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of choices) {
    r -= w;
    if (r < 0) return value;
  }
  return (choices[choices.length - 1] as [T, number])[0];
}

/** One or two ordered, non-overlapping intervals within 2006–2026; about half still active. */
function intervals(random: Random): Link["active"] {
  const from = randomInt(random, FIRST_DAY, LAST_DAY - 30);
  if (random() < 0.5) return [{ from: fromDayNumber(from), to: null }];
  const to = randomInt(random, from + 30, LAST_DAY);
  const first = { from: fromDayNumber(from), to: fromDayNumber(to) };
  if (random() >= 0.3 || to + 2 > LAST_DAY) return [first];
  const again = randomInt(random, to + 1, Math.min(LAST_DAY - 1, to + 730));
  const end = random() < 0.6 ? null : fromDayNumber(randomInt(random, again, LAST_DAY));
  return [first, { from: fromDayNumber(again), to: end }];
}

function distinctPicks<T>(random: Random, items: readonly T[], count: number): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(pick(random, items));
  return [...chosen];
}

/** A generated topology of `links` links; the same options always give the same document. */
export function generateTopology({ links: count, seed = DEFAULT_SEED }: GenerateOptions): Topology {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`invalid links: ${count}`);
  const random = createRandom(seed);
  const near = nearestForeign(CITIES);
  const countries = [...new Set(CITIES.map((c) => c.country))].sort();

  const networks: Network[] = Array.from({ length: NETWORK_COUNT }, (_, i) => ({
    asn: FIRST_ASN + i,
    name: `Generated network ${i + 1}`,
    country: pick(random, countries),
  }));

  const idWidth = String(count).length;
  const used = new Set<City>();
  const links: Link[] = [];
  for (let i = 0; i < count; i++) {
    const a = randomInt(random, 0, CITIES.length - 1);
    const from = CITIES[a] as City;
    let to = random() < NEAR_SHARE ? pick(random, near[a] ?? []) : pick(random, CITIES);
    while (to.country === from.country) to = pick(random, CITIES);
    used.add(from).add(to);
    const kind = weighted(random, KIND_WEIGHTS);
    const path = greatCirclePath(coordinatesOf(from), coordinatesOf(to));
    // The generated networks all have AS numbers (see above).
    const ownNetworks = distinctPicks(random, networks, random() < 0.7 ? 1 : 2).map(
      (n) => n.asn as number,
    );
    links.push({
      id: `link-${String(i + 1).padStart(idWidth, "0")}`,
      name: defaultLinkName(from.name, to.name),
      kind,
      from: cityId(from),
      to: cityId(to),
      networks: ownNetworks.sort((x, y) => x - y),
      active: intervals(random),
      sources: [SOURCE_ID],
      path,
      lengthKm: Math.round(pathLengthKm(path) * 10) / 10,
      countries: [from.country, to.country],
      crossings: [],
    });
  }

  const nodes: TopologyNode[] = [...used]
    .map((city) => ({
      id: cityId(city),
      name: city.name,
      kind: "city" as const,
      country: city.country,
      coordinates: coordinatesOf(city),
      sources: [SOURCE_ID],
    }))
    .sort((x, y) => (x.id < y.id ? -1 : 1));

  const linkIds = links.map((l) => l.id);
  const events: TopologyEvent[] = Array.from({ length: EVENT_COUNT }, (_, i) => {
    const kind = EVENT_KINDS[i % EVENT_KINDS.length] ?? "note";
    // Events end by mid-2025, so none is in progress on the date the app opens at.
    const day = randomInt(random, FIRST_DAY + 150, LAST_DAY - 200);
    const lasts = kind === "outage" || kind === "attack" || kind === "reroute";
    return {
      id: `event-${String(i + 1).padStart(2, "0")}`,
      date: fromDayNumber(day),
      ...(lasts ? { end: fromDayNumber(day + randomInt(random, 1, 21)) } : {}),
      kind,
      title: `Generated ${kind} ${i + 1} (not real)`,
      links: distinctPicks(random, linkIds, randomInt(random, 1, 3)).sort(),
      sources: [SOURCE_ID],
    };
  }).sort((x, y) => (`${x.date} ${x.id}` < `${y.date} ${y.id}` ? -1 : 1));

  const dataset = {
    id: generatedId(count),
    title: `Generated: ${count.toLocaleString("en-US")} links (not real)`,
    description: `Benchmark data from bench/generate.ts (seed ${seed}): ${count.toLocaleString("en-US")} invented links between real cities, with invented dates, networks and events. Not real.`,
    updated: UPDATED,
    boundaries:
      "Generated data: each link's countries are its endpoints' countries; no border crossings are computed.",
    sources: [
      {
        id: SOURCE_ID,
        title: "Generated benchmark data (not real)",
        publisher: "Uplinks bench/generate.ts",
        note: `Seeded (seed ${seed}). The cities are real places; the links, their dates, networks and events are invented.`,
      },
    ],
    networks,
    nodes,
    links,
    events,
    stories: [],
  };
  return {
    format: TOPOLOGY_FORMAT,
    version: TOPOLOGY_VERSION,
    ...dataset,
    timeRange: timeRangeOf(dataset),
  };
}

/**
 * Writes a topology to `file` and returns the bytes written. Every generated file goes through
 * one of these, so a compact encoding can replace {@link writeTopologyJson} in one place.
 */
export type TopologyWriter = (topology: Topology, file: string) => Promise<number>;

/** Plain JSON, no indentation (the pipeline's indented form would be twice the size at 100k). */
export const writeTopologyJson: TopologyWriter = async (topology, file) => {
  const text = `${JSON.stringify(topology)}\n`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
};

/** How generated files are written: a link table, each path in its shorter compact form. */
export const GENERATED_TABLE: TableOptions = {
  decimals: GENERATED_PATH_DECIMALS,
  encoding: "shortest",
};

/**
 * The generated topology as its file holds it: links in a link table
 * (src/model/link-table.ts), paths compact (src/model/compact-path.ts).
 */
export const encodeGenerated = (topology: Topology) =>
  encodeTableTopology(topology, GENERATED_TABLE);

/** JSON with a link table, no indentation: what the bench serves. */
export const writeCompactTopologyJson: TopologyWriter = async (topology, file) => {
  const text = `${JSON.stringify(encodeGenerated(topology))}\n`;
  await writeFile(file, text);
  return Buffer.byteLength(text);
};

/** The file name of a dataset, as the catalog expects it. */
export const topologyFile = (id: string) => `${id}.topology.json`;

export interface GeneratedFile {
  readonly topology: Topology;
  readonly file: string;
  readonly bytes: number;
}

/** Generates a dataset of `links` links and writes it into `dir` as `gen-<links>.topology.json`. */
export async function writeGenerated(
  links: number,
  dir: string = GENERATED_DIR,
  {
    seed = DEFAULT_SEED,
    writer = writeCompactTopologyJson,
  }: { seed?: number; writer?: TopologyWriter } = {},
): Promise<GeneratedFile> {
  await mkdir(dir, { recursive: true });
  const topology = generateTopology({ links, seed });
  const file = join(dir, topologyFile(topology.id));
  return { topology, file, bytes: await writer(topology, file) };
}

async function main(args: string[]) {
  let seed = DEFAULT_SEED;
  let dir = GENERATED_DIR;
  const counts: number[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === "--seed") seed = Number(args[++i]);
    else if (arg === "--out") dir = args[++i] ?? dir;
    else counts.push(Number(arg));
  }
  if (counts.length === 0)
    throw new Error("usage: tsx bench/generate.ts N… [--seed N] [--out DIR]");
  for (const n of counts) {
    const { file, bytes } = await writeGenerated(n, dir, { seed });
    console.log(`wrote ${file} (${(bytes / 1e6).toFixed(1)} MB)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main(process.argv.slice(2));
}
