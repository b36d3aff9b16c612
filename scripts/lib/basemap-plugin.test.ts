import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Topology as TopoJSON } from "topojson-specification";
import { build } from "vite";
import { describe, expect, it } from "vitest";
import { buildBasemapData, type TiledBasemap } from "../../src/map/basemap";
import { BASEMAP_MAXZOOM, BASEMAP_MODULE, basemapJson, prebuiltBasemap } from "./basemap-plugin";

const world = () =>
  JSON.parse(
    readFileSync(createRequire(import.meta.url).resolve("world-atlas/countries-50m.json"), "utf8"),
  ) as TopoJSON;

describe("the prebuilt basemap's file", () => {
  const { labels } = buildBasemapData(world());
  const written = JSON.parse(
    basemapJson({ tiles: "t/{z}/{x}/{y}.pbf", maxzoom: 6, labels }),
  ) as TiledBasemap;

  it("keeps the labels' names and areas whole and rounds their positions to 4 places", () => {
    expect(written.tiles).toBe("t/{z}/{x}/{y}.pbf");
    expect(written.maxzoom).toBe(6);
    expect(written.labels.map((l) => [l.code, l.name, l.area])).toEqual(
      labels.map((l) => [l.code, l.name, l.area]),
    );
    let changed = 0;
    written.labels.forEach((label, i) => {
      const before = labels[i]?.position ?? [];
      label.position.forEach((x, axis) => {
        expect(Math.round(x * 1e4) / 1e4).toBe(x);
        expect(Math.abs(x - (before[axis] as number))).toBeLessThanOrEqual(0.00005 + 1e-12);
        if (x !== before[axis]) changed++;
      });
    });
    expect(changed).toBeGreaterThan(0);
  });
});

describe("prebuiltBasemap", () => {
  it("is a module that only the plugin answers", () => {
    const plugin = prebuiltBasemap();
    const resolveId = plugin.resolveId as (id: string) => string | undefined;
    expect(resolveId(BASEMAP_MODULE)).toBe(`\0${BASEMAP_MODULE}`);
    expect(resolveId("virtual:something-else")).toBeUndefined();
  });

  it("builds the file, and its tiles in the folder the file names, beside it", async () => {
    const root = mkdtempSync(join(tmpdir(), "basemap-plugin-"));
    try {
      writeFileSync(join(root, "index.html"), '<script type="module" src="./main.js"></script>');
      writeFileSync(
        join(root, "main.js"),
        `import url from "${BASEMAP_MODULE}";\ndocument.title = url;\n`,
      );
      await build({
        root,
        configFile: false,
        logLevel: "silent",
        base: "./",
        plugins: [prebuiltBasemap()],
        build: { outDir: join(root, "dist") },
      });
      const assets = join(root, "dist", "assets");
      const [file] = readdirSync(assets).filter((f) => /^basemap-\w+\.json$/.test(f));
      if (!file) throw new Error(`no basemap file in ${readdirSync(assets).join(", ")}`);
      const script = readdirSync(assets).find((f) => f.endsWith(".js")) ?? "";
      expect(readFileSync(join(assets, script), "utf8")).toContain(file);
      const basemap = JSON.parse(readFileSync(join(assets, file), "utf8")) as TiledBasemap;
      expect(basemap.maxzoom).toBe(BASEMAP_MAXZOOM);
      expect(basemap.tiles).toBe(`${file.replace(/\.json$/, "")}/{z}/{x}/{y}.pbf`);
      const tile = (z: number, x: number, y: number) =>
        join(
          assets,
          basemap.tiles.replace("{z}", `${z}`).replace("{x}", `${x}`).replace("{y}", `${y}`),
        );
      expect(existsSync(tile(0, 0, 0))).toBe(true);
      expect(existsSync(tile(BASEMAP_MAXZOOM, 54, 24))).toBe(true); // over Pyongyang
      expect(basemap.labels.find((l) => l.code === "KP")?.name).toBe("North Korea");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
