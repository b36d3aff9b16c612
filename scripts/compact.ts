/**
 * `npm run compact -- IN --out OUT`: rewrites a topology file (plain or compact) in the compact
 * form — links in the link table, paths as compact strings — or, with `--plain`, back to records
 * with `[lon, lat]` vertices. Writes nothing unless the result reads back as the same topology.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { type CompactPathEncoding, DEFAULT_PATH_DECIMALS } from "../src/model/compact-path";
import { locateSyntaxProblem } from "../src/model/json-syntax";
import { parseJsonText } from "../src/model/json-text";
import { parseTopology } from "../src/model/parse-topology";
import { DocumentError } from "../src/model/problems";
import {
  checkCompactText,
  type TopologyTextOptions,
  topologyText,
  writeFileWhole,
} from "./importers/topology-output";

const HELP = `Usage: npm run compact -- IN --out OUT [--decimals N] [--encoding q|b|shortest] [--plain]

Rewrites the topology file IN (plain or compact) as OUT in the compact form: links in the link
table, each path a compact string. Prints both sizes. OUT may be IN.

Options:
  --out FILE        the file to write (required); written only if the result reads back as IN's
                    topology (paths within half a unit of the last decimal)
  --decimals N      decimals the coordinates are rounded to, 0–9 (default ${DEFAULT_PATH_DECIMALS}: 1e-5°, about 1 m)
  --encoding FORM   q (5-bit digits), b (bit-packed, shorter for short steps) or shortest (each
                    path in the shorter of the two; default)
  --plain           the reverse: records with [lon, lat] vertices, as the pipeline writes small files
  -h, --help        show this help

Exit status: 0 written, 1 bad input (nothing is written), 2 bad usage.`;

const ENCODINGS = ["q", "b", "shortest"] as const;

class UsageError extends Error {}

/** The conversion `argv` asks for. */
function readArguments(argv: string[]) {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        out: { type: "string" },
        decimals: { type: "string" },
        encoding: { type: "string" },
        plain: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values.help) return undefined;
  const [input, ...extra] = parsed.positionals;
  if (!input || extra.length > 0) throw new UsageError("give exactly one input file");
  const out = values.out;
  if (typeof out !== "string" || out === "") throw new UsageError("--out is required");
  const decimalsText = values.decimals as string | undefined;
  if (decimalsText !== undefined && !/^\d$/.test(decimalsText))
    throw new UsageError(`--decimals: expected a whole number from 0 to 9: ${decimalsText}`);
  const decimals = decimalsText === undefined ? DEFAULT_PATH_DECIMALS : Number(decimalsText);
  const encoding = (values.encoding ?? "shortest") as string;
  if (!(ENCODINGS as readonly string[]).includes(encoding))
    throw new UsageError(`--encoding: expected q, b or shortest: ${encoding}`);
  const plain = values.plain === true;
  if (plain && (values.decimals !== undefined || values.encoding !== undefined))
    throw new UsageError(
      "--plain writes vertices as they are: --decimals and --encoding do not apply",
    );
  const options: TopologyTextOptions = {
    paths: plain ? "plain" : "compact",
    decimals,
    encoding: encoding as CompactPathEncoding | "shortest",
  };
  return { input, out, options };
}

/** Reads and checks a topology file; every problem names the file. */
function readTopologyFile(file: string) {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    // A plain file of more than about 500 MB is longer than the longest string Node can hold.
    const why = code === "ERR_STRING_TOO_LONG" ? "too large to read as one text" : code;
    throw new DocumentError(file, [{ path: [], message: `cannot read file (${why})` }]);
  }
  return {
    topology: parseTopology(parseJsonText(text, file, locateSyntaxProblem), file),
    bytes: Buffer.byteLength(text),
  };
}

const size = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;

function main(argv: string[]): number {
  const request = readArguments(argv);
  if (!request) {
    console.log(HELP);
    return 0;
  }
  const { input, out, options } = request;
  const { topology, bytes } = readTopologyFile(input);
  const text = topologyText(topology, options);
  if (options.paths === "compact") checkCompactText(out, text, topology, options.decimals);
  writeFileWhole(out, text);
  const written = Buffer.byteLength(text);
  const form =
    options.paths === "compact"
      ? `compact, ${options.encoding === "shortest" ? "q/b" : options.encoding}${options.decimals}`
      : "plain";
  console.log(
    `${input} (${size(bytes)}) → ${out} (${size(written)}, ${form}): ${topology.links.length} links, ${((100 * written) / bytes).toFixed(1)}% of the size`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`compact: ${error.message}\nRun \`npm run compact -- --help\` for usage.`);
    process.exitCode = 2;
  } else if (error instanceof DocumentError) {
    console.error(`compact failed; nothing was written.\n${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
