/** `npm run validate -- FILE…`: prints every problem of each topology or catalog file; exit 1 if any. */
import { validateFile } from "./lib/validate-files";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: npm run validate -- FILE.json [FILE.json …]");
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  const problems = validateFile(file);
  if (problems.length === 0) console.log(`${file}: ok`);
  else {
    failed++;
    for (const line of problems) console.log(line);
  }
}
if (failed > 0) {
  console.error(`${failed} of ${files.length} file(s) have problems`);
  process.exit(1);
}
