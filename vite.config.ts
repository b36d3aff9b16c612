/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { prebuiltBasemap } from "./scripts/lib/basemap-plugin.ts";

export default defineConfig({
  base: "./",
  // One page, routed by its hash: a missing file (an ocean tile the basemap leaves out) is a 404,
  // which MapLibre reads as an empty tile, not the page's HTML in its place (a parse error).
  appType: "mpa",
  plugins: [prebuiltBasemap()],
  // MapLibre and deck.gl are one large chunk by nature; it is loaded once and cached.
  build: { target: "es2022", sourcemap: true, chunkSizeWarningLimit: 2600 },
  preview: { host: "127.0.0.1" },
  test: {
    include: [
      "src/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bench/**/*.test.ts",
      "lint/**/*.test.ts",
    ],
    environment: "node",
    testTimeout: 30_000,
  },
});
