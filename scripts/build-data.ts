/** `npm run build:data`: datasets → public/data/*.json, the stamps of imports, the JSON Schema. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildAll, OUTPUT_DIR } from "./lib/pipeline";

try {
  const started = performance.now();
  const output = await buildAll(undefined, undefined, { log: (line) => console.log(line) });
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const name of readdirSync(OUTPUT_DIR)) {
    const file = join(OUTPUT_DIR, name);
    if (name.endsWith(".topology.json") && !output.has(file)) rmSync(file);
  }
  for (const [file, text] of output) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const sizes = [...output].map(
    ([file, text]) => `  ${file} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`,
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`build:data wrote ${output.size} files in ${seconds} s:\n${sizes.join("\n")}`);
} catch (error) {
  console.error(`build:data failed; nothing was written.\n${(error as Error).message}`);
  process.exit(1);
}
