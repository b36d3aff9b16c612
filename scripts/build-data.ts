/** `npm run build:data`: curated sources → public/data/*.json and the published JSON Schema. */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildAll, OUTPUT_DIR } from "./lib/pipeline";

try {
  const output = buildAll();
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
    ([file, text]) => `  ${file} (${(text.length / 1024).toFixed(1)} KB)`,
  );
  console.log(`build:data wrote ${output.size} files:\n${sizes.join("\n")}`);
} catch (error) {
  console.error(`build:data failed; nothing was written.\n${(error as Error).message}`);
  process.exit(1);
}
