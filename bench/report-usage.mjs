// Preloaded into a benchmarked child process: prints its peak memory when it exits.
import { writeSync } from "node:fs";

process.on("exit", () => {
  const { maxRSS } = process.resourceUsage();
  writeSync(2, `\nBENCH_USAGE ${JSON.stringify({ maxRssKb: maxRSS })}\n`);
});
