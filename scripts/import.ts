/**
 * `npm run import -- <format> [options] --out FILE`: turns public data sets into a topology file
 * the app opens. Writes nothing unless the whole import succeeds and passes the schema.
 */
import { accessSync, constants, existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { isIsoDate } from "../src/model/dates";
import { DocumentError } from "../src/model/problems";
import type { Topology } from "../src/model/schema";
import { importCaidaAsRel } from "./importers/caida-asrel";
import { importCsv } from "./importers/csv";
import type { ImportReport } from "./importers/import-report";
import { InputError } from "./importers/input-error";
import { importOfds } from "./importers/ofds";
import { importTelegeography, type SnapshotFiles, snapshotInDir } from "./importers/telegeography";
import {
  COMPACT_ABOVE_LINKS,
  PATH_FORMS,
  type PathForm,
  pathFormOf,
  writeTopologyFile,
} from "./importers/topology-output";

const HELP = `Usage: npm run import -- <format> [options] --out FILE

Formats:
  telegeography --cables FILE --landing-points FILE [--details DIR] --out FILE
  telegeography --snapshot DATE=DIR [--snapshot DATE=DIR ...] --out FILE
      TeleGeography's Submarine Cable Map API: cable-geo.json, landing-point-geo.json and,
      optionally, the directory of per-cable files cable/<id>.json (RFS dates, owners, length).
      Each cable becomes one submarine link along its drawn route (its branches as parts of
      one path), joining its landing points (nodes); its owners become networks. A cable is
      active from its RFS date, planned before it.
      --snapshot (repeatable) reads several dated downloads, each DIR holding cable-geo.json,
      landing-point-geo.json and cable/, and builds one history: a cable missing from a later
      snapshot ends there (retired, or withdrawn if still planned); a new id on the same route
      or landing points is the same cable renamed (one link, its earlier names kept).
  caida-asrel [--as2org FILE] [--countries CC,CC] --out FILE SNAPSHOT...
      CAIDA AS Relationships snapshots named YYYYMMDD.as-rel.txt or YYYYMMDD.as-rel2.txt
      (serial-1 or serial-2, plain, .gz or .bz2). AS countries come from --as2org (CAIDA's
      AS Organizations file) or else from the npm packages @ip-location-db/asn and
      @ip-location-db/asn-country. --countries keeps the ASes of those countries and their
      direct neighbours. Relationships between ASes of different countries become peering
      links, active over the consecutive snapshots that show them.
  ofds --nodes FILE --spans FILE [--cross-border-only] --out FILE
      Open Fibre Data Standard 0.3 GeoJSON (a nodes and a spans FeatureCollection). Spans become
      terrestrial links; --cross-border-only keeps only spans that cross a border.
  csv --out FILE INPUT.csv
      A hand-made CSV with the header
      from_name,from_lon,from_lat,to_name,to_lon,to_lat,kind,start,end,network,source_url

Options for every format:
  --out FILE           the topology file to write (required); written only if the import succeeds
  --updated YYYY-MM-DD the date the data stands for (default: the latest date in the input;
                       for TeleGeography, the modification date of cable-geo.json; with
                       --snapshot, the dates given there)
  --id ID              the dataset id (default: from the input)
  --title TEXT         the dataset title (default: from the input)
  --paths plain|compact
                       how the file holds its links: plain (records, [lon, lat] vertices) or
                       compact (the link table, compact paths at 1e-5°); default: compact
                       above ${COMPACT_ABOVE_LINKS} links, else plain. \`npm run compact\` converts later.
  -h, --help           show this help

Exit status: 0 imported, 1 bad input (every problem is listed, nothing is written), 2 bad usage.`;

type Format = "telegeography" | "caida-asrel" | "ofds" | "csv";
type OptionSpec = { type: "string" | "boolean"; multiple?: boolean; short?: string };

const COMMON: Record<string, OptionSpec> = {
  out: { type: "string" },
  updated: { type: "string" },
  id: { type: "string" },
  title: { type: "string" },
  paths: { type: "string" },
  help: { type: "boolean", short: "h" },
};
const FORMATS: Record<Format, { options: Record<string, OptionSpec>; positionals: boolean }> = {
  telegeography: {
    options: {
      cables: { type: "string" },
      "landing-points": { type: "string" },
      details: { type: "string" },
      snapshot: { type: "string", multiple: true },
    },
    positionals: false,
  },
  "caida-asrel": {
    options: { as2org: { type: "string" }, countries: { type: "string" } },
    positionals: true,
  },
  ofds: {
    options: {
      nodes: { type: "string" },
      spans: { type: "string" },
      "cross-border-only": { type: "boolean" },
    },
    positionals: false,
  },
  csv: { options: {}, positionals: true },
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [format, ...rest] = argv;
  if (format === undefined || format === "--help" || format === "-h" || format === "help") {
    console.log(HELP);
    return format === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(FORMATS, format))
    throw new UsageError(`unknown format "${format}" (telegeography, caida-asrel, ofds, csv)`);
  const spec = FORMATS[format as Format];
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...COMMON, ...spec.options },
      allowPositionals: spec.positionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const values = parsed.values as Record<string, string | string[] | boolean | undefined>;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const text = (name: string, required = false): string | undefined => {
    const value = values[name];
    if (typeof value === "string" && value !== "") return value;
    if (required) throw new UsageError(`--${name} is required`);
    return undefined;
  };
  const out = text("out", true) as string;
  const updated = text("updated");
  if (updated !== undefined && !isIsoDate(updated))
    throw new UsageError(`--updated: not a date (expected YYYY-MM-DD): ${updated}`);
  const common = { updated, id: text("id"), title: text("title") };
  const paths = text("paths");
  if (paths !== undefined && !(PATH_FORMS as readonly string[]).includes(paths))
    throw new UsageError(`--paths: expected plain or compact: ${paths}`);

  let result: { topology: Topology; report: ImportReport };
  switch (format as Format) {
    case "telegeography": {
      const snapshots = telegeographySnapshots(values, text, updated);
      checkReadable(
        snapshots.flatMap((s) => [
          s.cablesFile,
          s.landingPointsFile,
          ...(s.detailsDir ? [s.detailsDir] : []),
        ]),
      );
      result = await importTelegeography({ snapshots, id: common.id, title: common.title });
      break;
    }
    case "caida-asrel": {
      const snapshots = parsed.positionals;
      if (snapshots.length === 0)
        throw new UsageError("give at least one snapshot file (YYYYMMDD.as-rel*.txt[.gz|.bz2])");
      const as2org = text("as2org");
      const countriesText = text("countries");
      const countries = countriesText?.split(",").map((c) => c.trim().toUpperCase());
      const bad = countries?.find((c) => !/^[A-Z]{2}$/.test(c));
      if (bad !== undefined)
        throw new UsageError(`--countries: not an ISO 3166-1 alpha-2 code: "${bad}"`);
      checkReadable([...snapshots, ...(as2org ? [as2org] : [])]);
      result = await importCaidaAsRel({ snapshots, as2org, countries, ...common });
      break;
    }
    case "ofds": {
      const nodesFile = text("nodes", true) as string;
      const spansFile = text("spans", true) as string;
      checkReadable([nodesFile, spansFile]);
      result = await importOfds({
        nodesFile,
        spansFile,
        crossBorderOnly: values["cross-border-only"] === true,
        ...common,
      });
      break;
    }
    case "csv": {
      const [file, ...extra] = parsed.positionals;
      if (!file || extra.length > 0) throw new UsageError("give exactly one INPUT.csv");
      checkReadable([file]);
      result = await importCsv({ file, ...common });
      break;
    }
  }
  const form = { paths: paths as PathForm | undefined };
  const written = writeTopologyFile(out, result.topology, form);
  console.log(result.report.format());
  const t = result.topology;
  console.log(
    `wrote ${out} (${(Buffer.byteLength(written) / 1024).toFixed(1)} KB, ${pathFormOf(result.topology, form)}): ${t.nodes.length} nodes, ${t.links.length} links, ${t.networks.length} networks, ${t.timeRange[0]} to ${t.timeRange[1]}`,
  );
  return 0;
}

/**
 * The TeleGeography snapshots the options name: several `--snapshot DATE=DIR`, or one set of
 * `--cables`, `--landing-points` and `--details` (dated by `--updated`, or by the file).
 */
function telegeographySnapshots(
  values: Record<string, unknown>,
  text: (name: string, required?: boolean) => string | undefined,
  updated: string | undefined,
): SnapshotFiles[] {
  const given = Array.isArray(values.snapshot) ? (values.snapshot as string[]) : [];
  if (given.length === 0) {
    const cablesFile = text("cables", true) as string;
    const landingPointsFile = text("landing-points", true) as string;
    return [{ date: updated, cablesFile, landingPointsFile, detailsDir: text("details") }];
  }
  const mixed = ["cables", "landing-points", "details", "updated"].find((o) => text(o));
  if (mixed)
    throw new UsageError(
      `--${mixed} cannot be combined with --snapshot (each snapshot folder holds its files, and its date is given with it)`,
    );
  const dates = new Set<string>();
  return given.map((spec) => {
    const at = spec.indexOf("=");
    const date = spec.slice(0, Math.max(at, 0));
    const dir = spec.slice(at + 1);
    if (at < 0 || !isIsoDate(date) || dir === "")
      throw new UsageError(`--snapshot: expected DATE=DIR with DATE as YYYY-MM-DD: ${spec}`);
    if (dates.has(date)) throw new UsageError(`--snapshot: ${date} is given twice`);
    dates.add(date);
    const files = snapshotInDir(dir, date);
    // The details folder is optional, as with --details.
    return existsSync(files.detailsDir as string) ? files : { ...files, detailsDir: undefined };
  });
}

/** Missing inputs are reported together, before any work. */
function checkReadable(files: string[]) {
  const problems = files.flatMap((file) => {
    try {
      accessSync(file, constants.R_OK);
      return [];
    } catch (error) {
      return [
        { file, message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? error})` },
      ];
    }
  });
  if (problems.length > 0) throw new InputError(problems);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`import: ${error.message}\nRun \`npm run import -- --help\` for usage.`);
    process.exitCode = 2;
  } else if (error instanceof InputError) {
    console.error(`import failed; nothing was written.\n${error.message}`);
    process.exitCode = 1;
  } else if (error instanceof DocumentError) {
    console.error(
      `import failed: the result does not pass the topology schema (a bug in the importer); nothing was written.\n${error.message}`,
    );
    process.exitCode = 1;
  } else {
    throw error;
  }
}
