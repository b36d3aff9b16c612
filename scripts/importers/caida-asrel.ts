/**
 * CAIDA AS Relationships snapshots → topology: one node per AS (placed symbolically in its
 * country), one `peering` link per relationship between ASes of different countries, active
 * over the snapshots that show it.
 */
import { basename } from "node:path";
import { densifyRoute, type LonLat } from "../../src/model/route";
import type {
  Interval,
  Link,
  Network,
  Source,
  Topology,
  TopologyNode,
} from "../../src/model/schema";
import { loadNaturalEarthCountries } from "../lib/natural-earth";
import {
  type AsDirectory,
  findIpLocationDb,
  type IpLocationDbFiles,
  parseAsn,
  readAs2Org,
  readIpLocationDb,
} from "./as-countries";
import { type CountryAnchors, createCountryAnchors, measureLink, ringPosition } from "./geometry";
import { createImportReport, type ImportReport } from "./import-report";
import { createProblemList, InputError } from "./input-error";
import { readLines } from "./read-lines";
import { assembleTopology } from "./topology-output";

export const CAIDA_SOURCE_ID = "caida-as-relationships";

export interface CaidaOptions {
  /** Snapshot files named `YYYYMMDD.as-rel*.txt[.gz|.bz2]`, serial-1 or serial-2. */
  snapshots: string[];
  /** CAIDA's AS-to-Organization file; without it, the ip-location-db npm packages are used. */
  as2org?: string | undefined;
  /** ip-location-db files to use when `as2org` is not given (found in node_modules by default). */
  ipLocationDb?: IpLocationDbFiles | undefined;
  /** Keep only ASes of these countries (ISO alpha-2) and their direct neighbours. */
  countries?: string[] | undefined;
  /** Defaults to the latest snapshot's date. */
  updated?: string | undefined;
  id?: string | undefined;
  title?: string | undefined;
}

/** A relationship's kind in one snapshot: who is the provider, or peers. */
const LOW_PROVIDES = 1;
const HIGH_PROVIDES = 2;
const PEERS = 4;

/** Consecutive snapshots (by index) that show a relationship, and the kinds seen in them. */
interface Run {
  first: number;
  last: number;
  kinds: number;
  /** The kind in the run's last snapshot (decides the link's direction). */
  latest: number;
}

interface Relationship {
  low: number;
  high: number;
  runs: Run[];
}

/** `20180101.as-rel2.txt.bz2` → `2018-01-01`; `undefined` when the name carries no date. */
export function snapshotDate(file: string): string | undefined {
  const m = /(?:^|[^\d])(\d{4})(\d{2})(\d{2})\.as-rel/.exec(basename(file));
  if (!m) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== date ? undefined : date;
}

const MAX_PROBLEMS = 200;
/** More links than the app can draw usefully (DESIGN §8 measures up to 100k). */
export const MAX_LINKS = 100_000;

let cachedAnchors: CountryAnchors | undefined;

/** Country anchors from the Natural Earth boundaries, built once per process. */
function naturalEarthAnchors(): CountryAnchors {
  cachedAnchors ??= createCountryAnchors(loadNaturalEarthCountries());
  return cachedAnchors;
}

/** Imports AS relationship snapshots; throws an InputError listing the problems found. */
export async function importCaidaAsRel(
  options: CaidaOptions,
  report: ImportReport = createImportReport("caida-asrel"),
): Promise<{ topology: Topology; report: ImportReport }> {
  const problems = createProblemList();
  const dated: { file: string; date: string }[] = [];
  for (const file of options.snapshots) {
    const date = snapshotDate(file);
    if (date) dated.push({ file, date });
    else {
      problems.add({
        file,
        message:
          "cannot tell the snapshot's date from its name (expected YYYYMMDD.as-rel.txt, .as-rel2.txt, optionally .gz or .bz2)",
        value: basename(file),
      });
    }
  }
  problems.throwIfAny();
  if (dated.length === 0)
    throw new InputError([{ file: "(arguments)", message: "no snapshot files given" }]);
  dated.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1));
  const dates = [...new Set(dated.map((d) => d.date))];
  const latest = dates[dates.length - 1] as string;

  const directory = await loadAsDirectory(options);
  const anchors = naturalEarthAnchors();
  const selected = options.countries
    ? new Set(options.countries.map((c) => c.toUpperCase()))
    : undefined;
  const countryOf = (asn: number) => directory.ases.get(asn)?.country;

  const relationships = new Map<string, Relationship>();
  for (const { file, date } of dated) {
    const index = dates.indexOf(date);
    report.read("snapshot files");
    let lineNumber = 0;
    for await (const line of readLines(file, { progressLabel: `caida-asrel ${basename(file)}` })) {
      lineNumber++;
      if (line.startsWith("#")) {
        report.read("comment lines");
        continue;
      }
      if (line.trim() === "") continue;
      report.read("relationship lines");
      const parsed = parseRelationshipLine(line);
      if (typeof parsed === "string") {
        if (problems.problems.length < MAX_PROBLEMS) {
          const [field, value] = parsed.split("\u0000") as [string, string];
          problems.add({
            file,
            line: lineNumber,
            path: [field],
            message: messageFor(field),
            value,
          });
        } else report.skip("malformed lines beyond the first 200 reported");
        continue;
      }
      const [a, b, kind] = parsed;
      const ca = countryOf(a);
      const cb = countryOf(b);
      if (selected && !(ca && selected.has(ca)) && !(cb && selected.has(cb))) {
        report.skip("relationship lines outside --countries");
        continue;
      }
      const unknown = [a, b].find((asn) => !countryOf(asn));
      if (unknown !== undefined) {
        report.skip("relationship lines with an AS of unknown country", `AS${unknown}`);
        continue;
      }
      const unplaceable = [a, b].find((asn) => !anchors.get(countryOf(asn) ?? ""));
      if (unplaceable !== undefined) {
        report.skip(
          "relationship lines with an AS whose country code has no Natural Earth boundary",
          `AS${unplaceable} (${countryOf(unplaceable)})`,
        );
        continue;
      }
      if (ca === cb) {
        report.skip("relationship lines inside one country (not cross-border)");
        continue;
      }
      record(relationships, a, b, kind, index);
    }
  }
  problems.throwIfAny();
  if (relationships.size > MAX_LINKS) {
    throw new InputError([
      {
        file: "(arguments)",
        message: `${relationships.size.toLocaleString("en-US")} cross-border relationships would become as many links, more than one map can show (${MAX_LINKS.toLocaleString("en-US")}): choose countries with --countries`,
      },
    ]);
  }

  // Nodes: the ASes of the kept relationships, on rings around their country's anchor.
  const used = new Set<number>();
  for (const r of relationships.values()) used.add(r.low).add(r.high);
  const byCountry = new Map<string, number[]>();
  for (const asn of [...used].sort((x, y) => x - y)) {
    const code = countryOf(asn) as string;
    byCountry.set(code, [...(byCountry.get(code) ?? []), asn]);
  }
  const countrySource = directory.source.id;
  const nodes: TopologyNode[] = [];
  const networks: Network[] = [];
  const position = new Map<number, LonLat>();
  for (const [code, asns] of byCountry) {
    const anchor = anchors.get(code) as LonLat;
    asns.forEach((asn, i) => {
      const at = ringPosition(anchor, i);
      position.set(asn, at);
      const name = asName(directory, asn);
      nodes.push({
        id: `as${asn}`,
        name: `${name} (AS${asn})`,
        kind: "datacenter",
        country: code,
        coordinates: at,
        sources: [CAIDA_SOURCE_ID, countrySource],
        note: `An autonomous system, drawn near the centroid of ${code}: its country comes from ${directory.source.title}; the position is symbolic, not where its routers are.`,
      });
      networks.push({ asn, name, country: code, sources: [countrySource] });
      report.imported("ASes (nodes and networks)");
    });
  }

  const links: Link[] = [];
  for (const r of relationships.values()) {
    links.push(buildLink(r, dates, directory, position, countryOf));
    report.imported("links (relationships)");
  }

  const files = dated.map((d) => basename(d.file));
  const source: Source = {
    id: CAIDA_SOURCE_ID,
    title: `The CAIDA AS Relationships Dataset (${files.length <= 12 ? files.join(", ") : `${files.length} snapshots, ${files[0]} … ${files[files.length - 1]}`})`,
    publisher: "CAIDA",
    url: "https://www.caida.org/catalog/datasets/as-relationships/",
    date: latest,
  };
  const updated = options.updated ?? latest;
  const around = selected ? ` around ${[...selected].join(", ")}` : "";
  const topology = assembleTopology({
    id:
      options.id ??
      `as-relationships${selected ? `-${[...selected].join("-").toLowerCase()}` : ""}`,
    title: options.title ?? `AS relationships across borders${around} (CAIDA)`,
    description:
      `BGP relationships between autonomous systems of different countries, as inferred by CAIDA in ${dates.length} snapshot(s) from ${dates[0]} to ${latest}` +
      `${selected ? `, for the ASes of ${[...selected].join(", ")} and their direct neighbours` : ""}. ` +
      `Each AS is drawn near its country's centroid (country from ${directory.source.title}), not at a real location; a link is a business relationship, not a cable.`,
    updated,
    sources: [source, directory.source],
    networks,
    nodes,
    links,
  });
  return { topology, report };
}

async function loadAsDirectory(options: CaidaOptions): Promise<AsDirectory> {
  if (options.as2org) return readAs2Org(options.as2org);
  const files = options.ipLocationDb ?? findIpLocationDb();
  if (!files) {
    throw new InputError([
      {
        file: "(arguments)",
        message:
          "no AS-to-country data: pass --as2org FILE (CAIDA's AS Organizations dataset), or install the npm packages @ip-location-db/asn and @ip-location-db/asn-country (npm install --no-save @ip-location-db/asn @ip-location-db/asn-country)",
      },
    ]);
  }
  return readIpLocationDb(files);
}

/**
 * `AS1|AS2|-1` (provider → customer) or `AS1|AS2|0` (peers), optionally `|source` (serial-2).
 * Returns `[as1, as2, kind]`, or `"field\0value"` naming what is wrong.
 */
export function parseRelationshipLine(line: string): [number, number, -1 | 0] | string {
  const fields = line.split("|");
  if (fields.length < 3 || fields.length > 4) return `line\u0000${line}`;
  const [f1 = "", f2 = "", f3 = ""] = fields;
  const a = parseAsn(f1);
  if (a === undefined || f1.trim().toUpperCase().startsWith("AS")) return `AS1\u0000${f1}`;
  const b = parseAsn(f2);
  if (b === undefined || f2.trim().toUpperCase().startsWith("AS")) return `AS2\u0000${f2}`;
  const rel = f3.trim();
  if (rel !== "-1" && rel !== "0") return `relationship\u0000${f3}`;
  if (a === b) return `AS2\u0000${f2}`;
  return [a, b, rel === "-1" ? -1 : 0];
}

function messageFor(field: string): string {
  switch (field) {
    case "line":
      return "expected AS1|AS2|relationship (serial-1) or AS1|AS2|relationship|source (serial-2)";
    case "relationship":
      return "expected -1 (AS1 is the provider of AS2) or 0 (peers)";
    case "AS2":
      return "not an AS number (or the same AS as AS1)";
    default:
      return "not an AS number";
  }
}

function record(
  relationships: Map<string, Relationship>,
  a: number,
  b: number,
  kind: -1 | 0,
  index: number,
) {
  const low = Math.min(a, b);
  const high = Math.max(a, b);
  const key = `${low}|${high}`;
  const code = kind === 0 ? PEERS : a === low ? LOW_PROVIDES : HIGH_PROVIDES;
  let r = relationships.get(key);
  if (!r) {
    r = { low, high, runs: [] };
    relationships.set(key, r);
  }
  const run = r.runs[r.runs.length - 1];
  if (run && run.last === index) {
    // Another file of the same date (serial-1 and serial-2 of one day): the same snapshot.
    run.kinds |= code;
    run.latest = code;
  } else if (run && run.last === index - 1) {
    run.last = index;
    run.kinds |= code;
    run.latest = code;
  } else {
    r.runs.push({ first: index, last: index, kinds: code, latest: code });
  }
}

const asName = (directory: AsDirectory, asn: number) => directory.ases.get(asn)?.name ?? `AS${asn}`;

function describeKinds(kinds: number, low: number, high: number): string {
  const parts: string[] = [];
  if (kinds & LOW_PROVIDES) parts.push(`AS${low} provider of AS${high}`);
  if (kinds & HIGH_PROVIDES) parts.push(`AS${high} provider of AS${low}`);
  if (kinds & PEERS) parts.push("peers");
  return parts.join(", then ");
}

function buildLink(
  r: Relationship,
  dates: readonly string[],
  directory: AsDirectory,
  position: ReadonlyMap<number, LonLat>,
  countryOf: (asn: number) => string | undefined,
): Link {
  const lastRun = r.runs[r.runs.length - 1] as Run;
  const latest = lastRun.latest;
  // A provider → customer link runs from the provider; peers from the lower AS number.
  const [from, to] = latest === HIGH_PROVIDES ? [r.high, r.low] : [r.low, r.high];
  const lastIndex = dates.length - 1;
  const active: Interval[] = r.runs.map((run) => {
    const seen =
      run.first === run.last
        ? `in the ${dates[run.first]} snapshot`
        : `in ${run.last - run.first + 1} consecutive snapshots, ${dates[run.first]} to ${dates[run.last]}`;
    const end =
      run.last === lastIndex
        ? "still in the latest snapshot"
        : `absent from the ${dates[run.last + 1]} snapshot`;
    return {
      from: dates[run.first] as string,
      to: run.last === lastIndex ? null : (dates[run.last + 1] as string),
      note: `seen ${seen} (${describeKinds(run.kinds, r.low, r.high)}); ${end}`,
    };
  });
  const transit = latest !== PEERS;
  const path = densifyRoute([position.get(from) as LonLat, position.get(to) as LonLat]);
  const nameFrom = asName(directory, from);
  const nameTo = asName(directory, to);
  return {
    id: `as${r.low}-as${r.high}`,
    name: transit
      ? `${nameFrom} (AS${from}) → ${nameTo} (AS${to}), transit`
      : `${nameFrom} (AS${from}) ⇄ ${nameTo} (AS${to}), peering`,
    kind: "peering",
    from: `as${from}`,
    to: `as${to}`,
    networks: [from, to],
    active,
    sources: [CAIDA_SOURCE_ID],
    note: transit
      ? `BGP relationship inferred by CAIDA: AS${from} is a provider (upstream) of AS${to}.`
      : `BGP relationship inferred by CAIDA: AS${from} and AS${to} are peers.`,
    assumptions: [
      "CAIDA publishes snapshots at intervals: an interval runs from the first snapshot that shows the relationship to the first that does not, so the real start and end lie between snapshots.",
    ],
    path,
    ...measureLink(path, "peering", [countryOf(from), countryOf(to)], NO_BOUNDARIES),
  };
}

/** A peering link crosses no border on the way, so no boundary lookups are needed. */
const NO_BOUNDARIES = { countryAt: () => null };
