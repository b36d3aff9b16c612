/**
 * A simple CSV for hand-made data → topology. One row per link and period:
 * `from_name,from_lon,from_lat,to_name,to_lon,to_lat,kind,start,end,network,source_url`.
 */
import { densifyRoute, type LonLat } from "../../src/model/route";
import {
  type Interval,
  LINK_KINDS,
  type Link,
  type LinkKind,
  type Network,
  type Source,
  type Topology,
  type TopologyNode,
} from "../../src/model/schema";
import { parseAsn, splitCsvLine } from "./as-countries";
import { measureLink, roundLonLat } from "./geometry";
import { naturalEarthGridIndex } from "./grid-country-index";
import { createIdAllocator, slugify } from "./ids";
import { createImportReport, type ImportReport } from "./import-report";
import { createProblemList } from "./input-error";
import { type PartialDate, parsePartialDate, partialDateAssumption } from "./partial-dates";
import { readLines } from "./read-lines";
import { assembleTopology } from "./topology-output";

export const CSV_COLUMNS = [
  "from_name",
  "from_lon",
  "from_lat",
  "to_name",
  "to_lon",
  "to_lat",
  "kind",
  "start",
  "end",
  "network",
  "source_url",
] as const;
type Column = (typeof CSV_COLUMNS)[number];

export interface CsvOptions {
  file: string;
  /** Defaults to the latest date in the `start` and `end` columns. */
  updated?: string | undefined;
  id?: string | undefined;
  title?: string | undefined;
}

interface Row {
  line: number;
  from: { name: string; at: LonLat };
  to: { name: string; at: LonLat };
  kind: LinkKind;
  start: PartialDate;
  startText: string;
  end?: PartialDate | undefined;
  endText?: string | undefined;
  networks: { asn?: number | undefined; name?: string | undefined }[];
  url: string;
}

/** Imports a hand-made CSV; throws an InputError listing every problem (file, line, column, value). */
export async function importCsv(
  options: CsvOptions,
  report: ImportReport = createImportReport("csv"),
): Promise<{ topology: Topology; report: ImportReport }> {
  const { file } = options;
  const problems = createProblemList();
  const rows: Row[] = [];
  let header: string[] | undefined;
  let lineNumber = 0;
  for await (const line of readLines(file, { progressLabel: "csv" })) {
    lineNumber++;
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = splitCsvLine(line).map((f) => f.trim());
    if (!header) {
      header = fields;
      for (const column of CSV_COLUMNS) {
        if (!header.includes(column))
          problems.add({
            file,
            line: lineNumber,
            message: `missing column "${column}"`,
            value: line,
          });
      }
      for (const column of header) {
        if (!(CSV_COLUMNS as readonly string[]).includes(column)) {
          problems.add({
            file,
            line: lineNumber,
            path: [column],
            message: `unknown column (expected ${CSV_COLUMNS.join(",")})`,
            value: column,
          });
        }
      }
      if (problems.problems.length > 0) break;
      continue;
    }
    report.read("rows");
    const row = parseRow(fields, header, file, lineNumber, problems);
    if (row) rows.push(row);
  }
  if (!header)
    problems.add({
      file,
      message: `empty file (expected a header line: ${CSV_COLUMNS.join(",")})`,
    });
  problems.throwIfAny();

  // Nodes by name: one name, one place.
  const boundaries = naturalEarthGridIndex();
  const nodeIds = createIdAllocator("place");
  const nodes = new Map<string, { node: TopologyNode; line: number }>();
  const nodeFor = (place: Row["from"], side: "from" | "to", row: Row): TopologyNode | undefined => {
    const known = nodes.get(place.name);
    if (known) {
      const [lon, lat] = known.node.coordinates;
      if (lon !== place.at[0] || lat !== place.at[1]) {
        problems.add({
          file,
          line: row.line,
          path: [`${side}_lon`],
          message: `"${place.name}" is at [${lon}, ${lat}] on line ${known.line}; one name, one place`,
          value: `${place.at[0]},${place.at[1]}`,
        });
        return undefined;
      }
      return known.node;
    }
    const node: TopologyNode = {
      id: nodeIds.take(place.name),
      name: place.name,
      kind: "city",
      coordinates: place.at,
      sources: [],
    };
    const country = boundaries.countryAt(place.at);
    if (country) node.country = country;
    else
      report.remark(
        "places in no country (at sea, or on a coast Natural Earth draws differently)",
        place.name,
      );
    nodes.set(place.name, { node, line: row.line });
    return node;
  };

  // Sources by URL; networks by AS number.
  const sourceIds = createIdAllocator("source");
  const sources = new Map<string, Source>();
  const sourceFor = (url: string): Source => {
    let source = sources.get(url);
    if (!source) {
      const parsed = new URL(url);
      const title = `${parsed.host}${parsed.pathname === "/" ? "" : parsed.pathname}`.slice(0, 200);
      source = {
        id: sourceIds.take(title),
        title,
        publisher: parsed.host.replace(/^www\./, ""),
        url,
      };
      sources.set(url, source);
    }
    return source;
  };
  const networks = new Map<number, Network>();

  // Rows of the same link (same places, kind and networks) become one link with several intervals.
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const from = nodeFor(row.from, "from", row);
    const to = nodeFor(row.to, "to", row);
    if (!from || !to) continue;
    if (from === to) {
      problems.add({
        file,
        line: row.line,
        path: ["to_name"],
        message: "the link ends where it starts",
        value: row.to.name,
      });
      continue;
    }
    const key = [from.id, to.id, row.kind, row.networks.map((n) => n.asn ?? n.name).join(";")].join(
      "\u0000",
    );
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const linkIds = createIdAllocator("link");
  const links: Link[] = [];
  for (const group of groups.values()) {
    group.sort((a, b) =>
      a.start.date < b.start.date ? -1 : a.start.date > b.start.date ? 1 : a.line - b.line,
    );
    const first = group[0] as Row;
    const from = nodes.get(first.from.name)?.node as TopologyNode;
    const to = nodes.get(first.to.name)?.node as TopologyNode;
    const active: Interval[] = [];
    const assumptions: string[] = [];
    const rowSources = new Set<string>();
    group.forEach((row, i) => {
      const previous = group[i - 1];
      const previousEnd = previous?.end?.date;
      if (previous && (previousEnd === undefined || previousEnd >= row.start.date)) {
        problems.add({
          file,
          line: row.line,
          path: ["start"],
          message: `overlaps the period on line ${previous.line} (${previous.startText} to ${previous.endText ?? "still active"}) of the same link`,
          value: row.startText,
        });
        return;
      }
      active.push({ from: row.start.date, to: row.end?.date ?? null });
      assumptions.push(...partialDateAssumption("Start", row.startText, row.start));
      if (row.end && row.endText)
        assumptions.push(...partialDateAssumption("End", row.endText, row.end));
      rowSources.add(sourceFor(row.url).id);
    });
    const named = first.networks.filter((n) => n.asn === undefined).map((n) => n.name as string);
    const numbered = first.networks.filter(
      (n): n is { asn: number; name?: string } => n.asn !== undefined,
    );
    for (const n of numbered) {
      if (!networks.has(n.asn)) {
        networks.set(n.asn, {
          asn: n.asn,
          name: n.name ?? `AS${n.asn}`,
          sources: [sourceFor(first.url).id],
        });
      }
    }
    const label = first.networks.map((n) => n.name ?? `AS${n.asn}`).join(", ");
    const path = densifyRoute([from.coordinates as LonLat, to.coordinates as LonLat]);
    const link: Link = {
      id: linkIds.take(`${from.id}-${to.id}`),
      name: `${from.name} – ${to.name}${label ? ` (${label})` : ""}`,
      kind: first.kind,
      from: from.id,
      to: to.id,
      active,
      sources: [...rowSources].sort(),
      path,
      ...measureLink(path, first.kind, [from.country, to.country], boundaries),
    };
    if (numbered.length > 0) link.networks = numbered.map((n) => n.asn);
    if (named.length > 0) link.note = `Network: ${named.join(", ")} (no AS number given).`;
    if (assumptions.length > 0) link.assumptions = assumptions;
    links.push(link);
    report.imported("links");
  }
  problems.throwIfAny();

  // Nodes cite the sources of the links that use them.
  const citing = new Map<string, Set<string>>();
  for (const link of links) {
    for (const id of [link.from, link.to]) {
      const set = citing.get(id) ?? new Set<string>();
      for (const s of link.sources) set.add(s);
      citing.set(id, set);
    }
  }
  const nodeList = [...nodes.values()].map(({ node }) => ({
    ...node,
    sources: [...(citing.get(node.id) ?? [])].sort(),
  }));
  report.imported("places (nodes)", nodeList.length);
  report.imported("sources", sources.size);

  const dates = rows.flatMap((r) => [r.start.date, ...(r.end ? [r.end.date] : [])]).sort();
  const updated = options.updated ?? (dates[dates.length - 1] as string);
  if (!options.updated)
    report.note(`--updated not given: using ${updated}, the latest date in the file`);
  const name = file.split(/[\\/]/).pop() ?? file;
  const topology = assembleTopology({
    id: options.id ?? (slugify(name.replace(/\.csv(\.gz|\.bz2)?$/i, "")) || "links"),
    title: options.title ?? `Links from ${name}`,
    description: `${links.length} link(s) between ${nodeList.length} places, written by hand in ${name}; each cites the web page given in its row.`,
    updated,
    sources: [...sources.values()],
    networks: [...networks.values()],
    nodes: nodeList,
    links,
  });
  return { topology, report };
}

function parseRow(
  fields: string[],
  header: string[],
  file: string,
  line: number,
  problems: ReturnType<typeof createProblemList>,
): Row | undefined {
  const before = problems.problems.length;
  const get = (column: Column) => fields[header.indexOf(column)] ?? "";
  if (fields.length !== header.length) {
    problems.add({
      file,
      line,
      message: `expected ${header.length} fields, found ${fields.length} (quote a field that holds a comma)`,
      value: fields.join(","),
    });
    return undefined;
  }
  const required = (column: Column) => {
    const value = get(column);
    if (value === "")
      problems.add({ file, line, path: [column], message: "required field is empty" });
    return value;
  };
  const number = (column: Column, min: number, max: number, what: string) => {
    const text = required(column);
    if (text === "") return 0;
    const value = Number(text);
    if (!Number.isFinite(value) || !/^[-+]?\d/.test(text)) {
      problems.add({ file, line, path: [column], message: `not a ${what}`, value: text });
    } else if (value < min || value > max) {
      problems.add({
        file,
        line,
        path: [column],
        message: `${what} is off the globe (${min}…${max})`,
        value: text,
      });
    }
    return value;
  };
  const date = (column: Column, optional: boolean) => {
    const text = optional ? get(column) : required(column);
    if (text === "") return undefined;
    const parsed = parsePartialDate(text);
    if (!parsed || !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) {
      problems.add({
        file,
        line,
        path: [column],
        message: "not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)",
        value: text,
      });
      return undefined;
    }
    return { parsed, text };
  };

  const fromName = required("from_name");
  const from: LonLat = [
    number("from_lon", -180, 180, "longitude"),
    number("from_lat", -90, 90, "latitude"),
  ];
  const toName = required("to_name");
  const to: LonLat = [
    number("to_lon", -180, 180, "longitude"),
    number("to_lat", -90, 90, "latitude"),
  ];
  const kind = required("kind");
  if (kind !== "" && !(LINK_KINDS as readonly string[]).includes(kind)) {
    problems.add({
      file,
      line,
      path: ["kind"],
      message: `not a link kind (${LINK_KINDS.join(", ")})`,
      value: kind,
    });
  }
  const start = date("start", false);
  const end = date("end", true);
  if (start && end && end.parsed.date < start.parsed.date) {
    problems.add({
      file,
      line,
      path: ["end"],
      message: `ends before it starts (${start.text})`,
      value: end.text,
    });
  }
  const networks = get("network")
    .split(";")
    .map((n) => n.trim())
    .filter(Boolean)
    .map((text) => {
      const m = /^(AS\d+|\d+)(?:\s+(.+))?$/i.exec(text);
      const asn = m ? parseAsn(m[1] ?? "") : undefined;
      if (m && asn === undefined)
        problems.add({ file, line, path: ["network"], message: "not an AS number", value: text });
      return asn !== undefined ? { asn, name: m?.[2]?.trim() } : { name: text };
    });
  const url = required("source_url");
  if (url !== "") {
    let ok = false;
    try {
      ok = /^https?:$/.test(new URL(url).protocol);
    } catch {
      ok = false;
    }
    if (!ok)
      problems.add({ file, line, path: ["source_url"], message: "not an http(s) URL", value: url });
  }
  if (problems.problems.length > before || !start) return undefined;
  return {
    line,
    from: { name: fromName, at: roundLonLat(from) },
    to: { name: toName, at: roundLonLat(to) },
    kind: kind as LinkKind,
    start: start.parsed,
    startText: start.text,
    end: end?.parsed,
    endText: end?.text,
    networks,
    url,
  };
}
