/**
 * A Vite plugin that builds the basemap once, when the app is built, instead of in every browser
 * at start-up: world-atlas's countries TopoJSON → `BasemapData` (planar GeoJSON and label points,
 * src/map/basemap.ts) → one JSON file. `import basemapUrl from "virtual:uplinks-basemap"` gives
 * the file's address: a hashed asset in a build, a path the dev server answers in development.
 *
 * Coordinates are written to 4 decimal places (11 m): the 1:50m source is ~36 times coarser, so
 * nothing visible changes, and the file is half the size. Other numbers (label areas) are kept.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Topology as TopoJSON } from "topojson-specification";
import { type Plugin, runnerImport } from "vite";
import type { BasemapData } from "../../src/map/basemap";

export const BASEMAP_MODULE = "virtual:uplinks-basemap";
const RESOLVED = `\0${BASEMAP_MODULE}`;
/** Where the dev server answers with the basemap. */
const DEV_PATH = "/@uplinks/basemap.json";
const COORDINATE_SCALE = 1e4;

const isPosition = (value: unknown): value is number[] =>
  Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === "number");

/** `data` as the JSON the app loads. */
export function basemapJson(data: BasemapData): string {
  return JSON.stringify(data, (_key, value: unknown) =>
    isPosition(value)
      ? value.map((x) => Math.round(x * COORDINATE_SCALE) / COORDINATE_SCALE)
      : value,
  );
}

/**
 * The app's basemap of world-atlas's countries. The app's own module builds it, loaded through
 * Vite (it is TypeScript), so the configuration that loads this plugin stays free of app code.
 */
async function worldAtlasBasemap(): Promise<string> {
  const file = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const world = JSON.parse(readFileSync(file, "utf8")) as TopoJSON;
  const basemap = fileURLToPath(new URL("../../src/map/basemap.ts", import.meta.url));
  const { module } = await runnerImport<typeof import("../../src/map/basemap")>(basemap);
  return basemapJson(module.buildBasemapData(world));
}

export function prebuiltBasemap(): Plugin {
  let text: Promise<string> | undefined;
  const source = () => {
    text ??= worldAtlasBasemap();
    return text;
  };
  let serving = false;
  return {
    name: "uplinks-basemap",
    configResolved(config) {
      serving = config.command === "serve";
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_request, response, next) => {
        source().then((json) => {
          response.setHeader("Content-Type", "application/json");
          response.end(json);
        }, next);
      });
    },
    resolveId: (id) => (id === BASEMAP_MODULE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      if (serving) return `export default ${JSON.stringify(DEV_PATH)};`;
      const json = await source();
      const reference = this.emitFile({ type: "asset", name: "basemap.json", source: json });
      return `export default import.meta.ROLLUP_FILE_URL_${reference};`;
    },
  };
}
