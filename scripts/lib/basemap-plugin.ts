/**
 * A Vite plugin that builds the basemap once, when the app is built, instead of in every browser
 * at start-up: world-atlas's countries TopoJSON → `BasemapData` (planar GeoJSON and label points,
 * src/map/basemap.ts) → vector tiles (./basemap-tiles.ts) and one small JSON file, a
 * `TiledBasemap` whose `tiles` address is relative to the file's own. `import basemapUrl from
 * "virtual:uplinks-basemap"` gives the file's address: a hashed asset in a build (the tiles in a
 * folder of the same hash beside it), a path the dev server answers in development.
 *
 * Label positions are written to 4 decimal places (11 m); their areas are kept.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import type { Topology as TopoJSON } from "topojson-specification";
import { type Plugin, runnerImport } from "vite";
import type { TiledBasemap } from "../../src/map/basemap";
import { cutBasemapTiles } from "./basemap-tiles.ts";

export const BASEMAP_MODULE = "virtual:uplinks-basemap";
const RESOLVED = `\0${BASEMAP_MODULE}`;
/** Where the dev server answers with the basemap, and its tiles below. */
const DEV_PATH = "/@uplinks/basemap.json";
const DEV_TILES = "/@uplinks/basemap-tiles/";
/** The deepest zoom of the tiles: past it, the 1:50m source has no more detail to show. */
export const BASEMAP_MAXZOOM = 6;
const TILE_PATH = "{z}/{x}/{y}.pbf";
const COORDINATE_SCALE = 1e4;

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === "number");

/** `basemap` as the JSON the app loads. */
export function basemapJson(basemap: TiledBasemap): string {
  return JSON.stringify(basemap, (_key, value: unknown) =>
    isPosition(value)
      ? value.map((x) => Math.round(x * COORDINATE_SCALE) / COORDINATE_SCALE)
      : value,
  );
}

/** The basemap's label file (its tiles in `folder`, relative to it) and its tiles by "z/x/y". */
export interface PrebuiltBasemap {
  json(folder: string): string;
  tiles: Map<string, Uint8Array>;
}

/**
 * The app's basemap of world-atlas's countries. The app's own module builds it, loaded through
 * Vite (it is TypeScript), so the configuration that loads this plugin stays free of app code.
 */
async function worldAtlasBasemap(): Promise<PrebuiltBasemap> {
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const world = JSON.parse(readFileSync(file, "utf8")) as TopoJSON;
  const basemap = fileURLToPath(new URL("../../src/map/basemap.ts", import.meta.url));
  const { module } = await runnerImport<typeof import("../../src/map/basemap")>(basemap);
  const data = module.buildBasemapData(world);
  return {
    json: (folder) =>
      basemapJson({
        tiles: `${folder}/${TILE_PATH}`,
        maxzoom: BASEMAP_MAXZOOM,
        labels: data.labels,
      }),
    tiles: cutBasemapTiles(data, BASEMAP_MAXZOOM, module.BASEMAP_TILE_LAYERS),
  };
}

export function prebuiltBasemap(): Plugin {
  let built: Promise<PrebuiltBasemap> | undefined;
  const source = () => {
    built ??= worldAtlasBasemap();
    return built;
  };
  let serving = false;
  let assetsDir = "assets";
  /** The tiles of the build, and the folder (in the output) they go to. */
  let tilesToWrite: { folder: string; tiles: Map<string, Uint8Array> } | undefined;
  return {
    name: "uplinks-basemap",
    configResolved(config) {
      serving = config.command === "serve";
      assetsDir = config.build.assetsDir;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response, next) => {
        source().then((basemap) => {
          response.setHeader("Content-Type", "application/json");
          response.end(basemap.json(posix.basename(DEV_TILES)));
        }, next);
      });
      server.middlewares.use(DEV_TILES, (request, response, next) => {
        source().then((basemap) => {
          const tile = basemap.tiles.get((request.url ?? "").replace(/^\/|\.pbf$/g, ""));
          if (!tile) {
            response.statusCode = 404;
            response.end();
            return;
          }
          response.setHeader("Content-Type", "application/x-protobuf");
          response.end(tile);
        }, next);
      });
    },
    // Thousands of small files: written beside the bundle rather than listed in Vite's report.
    async writeBundle(options) {
      if (!tilesToWrite || !options.dir) return;
      const { folder, tiles } = tilesToWrite;
      await Promise.all(
        [...tiles].map(async ([key, tile]) => {
          const file = join(options.dir as string, folder, `${key}.pbf`);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, tile);
        }),
      );
    },
    resolveId: (id) => (id === BASEMAP_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (serving) return `export default ${JSON.stringify(DEV_PATH)};`;
      const basemap = await source();
      const hash = createHash("sha256");
      for (const [key, tile] of basemap.tiles) hash.update(key).update(tile);
      const name = `basemap-${hash.update(basemap.json("")).digest("hex").slice(0, 10)}`;
      tilesToWrite = { folder: posix.join(assetsDir, name), tiles: basemap.tiles };
      const reference = this.emitFile({
        type: "asset",
        fileName: posix.join(assetsDir, `${name}.json`),
        source: basemap.json(name),
      });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
