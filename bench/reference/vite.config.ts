/**
 * Builds the benchmark's reference page (bench/reference/index.html) into bench/reference/dist,
 * apart from the app: `npx vite build --config bench/reference/vite.config.ts`.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2600,
  },
});
