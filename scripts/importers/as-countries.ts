/**
 * The country and name of each AS: from CAIDA's AS-to-Organization file, or from the npm data
 * packages `@ip-location-db/asn` + `@ip-location-db/asn-country` (joined on address ranges).
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Source } from "../../src/model/schema";
import { createProblemList, InputError } from "./input-error";
import { readLines } from "./read-lines";

/** What is known of one AS. */
export interface AsInfo {
  /** ISO 3166-1 alpha-2, upper case, as the source gives it (may be a non-country such as "EU"). */
  country?: string | undefined;
  name?: string | undefined;
}

/** AS number → what is known of it, plus the source record to cite. */
export interface AsDirectory {
  readonly ases: ReadonlyMap<number, AsInfo>;
  readonly source: Source;
}

const MAX_ASN = 4_294_967_295;

/** An AS number from text (`"4837"` or `"AS4837"`), or `undefined`. */
export function parseAsn(text: string): number | undefined {
  const m = /^(?:AS)?(\d{1,10})$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= MAX_ASN ? n : undefined;
}

/**
 * Reads CAIDA's AS Organizations file (`YYYYMMDD.as-org2info.txt[.gz]`): an `org_id|changed|
 * name|country|source` section and an `aut|changed|aut_name|org_id|opaque_id|source` section,
 * each introduced by a `# format:` line (in either order).
 */
export async function readAs2Org(file: string): Promise<AsDirectory> {
  const problems = createProblemList();
  const orgs = new Map<string, { name?: string | undefined; country?: string | undefined }>();
  const autOrg = new Map<number, { org: string; name?: string | undefined }>();
  let columns: string[] | undefined;
  let lineNumber = 0;
  for await (const line of readLines(file, { progressLabel: "as2org" })) {
    lineNumber++;
    if (line.trim() === "") continue;
    if (line.startsWith("#")) {
      const format = /^#\s*format:\s*(.*)$/.exec(line);
      if (format) columns = (format[1] ?? "").split("|").map((c) => c.trim());
      continue;
    }
    if (!columns) {
      problems.add({
        file,
        line: lineNumber,
        message: "data before any '# format:' line (is this an AS-to-Organization file?)",
        value: line.slice(0, 60),
      });
      break;
    }
    const fields = line.split("|");
    const get = (...names: string[]) => {
      for (const name of names) {
        const i = columns?.indexOf(name) ?? -1;
        if (i >= 0) return fields[i]?.trim() || undefined;
      }
      return undefined;
    };
    if (columns.includes("aut")) {
      const text = get("aut") ?? "";
      const asn = parseAsn(text);
      const org = get("org_id");
      if (asn === undefined) {
        problems.add({
          file,
          line: lineNumber,
          path: ["aut"],
          message: "not an AS number",
          value: text,
        });
      } else if (!org) {
        problems.add({
          file,
          line: lineNumber,
          path: ["org_id"],
          message: "required field is missing",
        });
      } else {
        autOrg.set(asn, { org, name: get("aut_name") });
      }
    } else if (columns.includes("org_id")) {
      const org = get("org_id");
      if (org)
        orgs.set(org, { name: get("name", "org_name"), country: get("country")?.toUpperCase() });
    }
    if (problems.problems.length >= 100) break;
  }
  problems.throwIfAny();
  if (autOrg.size === 0) {
    throw new InputError([{ file, message: "no AS lines found (no '# format:aut|…' section)" }]);
  }
  const ases = new Map<number, AsInfo>();
  for (const [asn, { org, name }] of autOrg) {
    const o = orgs.get(org);
    ases.set(asn, { country: o?.country, name: o?.name ?? name });
  }
  return {
    ases,
    source: {
      id: "caida-as-organizations",
      title: `The CAIDA AS Organizations Dataset (${baseName(file)})`,
      publisher: "CAIDA",
      url: "https://www.caida.org/catalog/datasets/as-organizations/",
    },
  };
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** The CSV files of the two ip-location-db packages. */
export interface IpLocationDbFiles {
  /** `asn-ipv4-num.csv` or `asn-ipv4.csv`: `start,end,asn,organisation`. */
  asnCsv: string;
  /** `asn-country-ipv4-num.csv` or `asn-country-ipv4.csv`: `start,end,country`. */
  countryCsv: string;
}

/**
 * Finds the installed packages `@ip-location-db/asn` and `@ip-location-db/asn-country` from the
 * working directory (or this repository) upwards; `undefined` when they are not installed.
 */
export function findIpLocationDb(
  from: readonly string[] = [process.cwd(), import.meta.dirname],
): IpLocationDbFiles | undefined {
  for (const start of from) {
    for (let dir = resolve(start); ; dir = dirname(dir)) {
      const base = join(dir, "node_modules", "@ip-location-db");
      const asnCsv = firstExisting(join(base, "asn"), ["asn-ipv4-num.csv", "asn-ipv4.csv"]);
      const countryCsv = firstExisting(join(base, "asn-country"), [
        "asn-country-ipv4-num.csv",
        "asn-country-ipv4.csv",
      ]);
      if (asnCsv && countryCsv) return { asnCsv, countryCsv };
      if (dirname(dir) === dir) break;
    }
  }
  return undefined;
}

const firstExisting = (dir: string, names: string[]) =>
  names.map((n) => join(dir, n)).find((f) => existsSync(f));

/** An IPv4 address (dotted or as a number) as a number; `undefined` for IPv6 or junk. */
export function ipv4Number(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    return n <= 0xffffffff ? n : undefined;
  }
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return (
    (((parts[0] ?? 0) * 256 + (parts[1] ?? 0)) * 256 + (parts[2] ?? 0)) * 256 + (parts[3] ?? 0)
  );
}

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside fields). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/**
 * Joins ip-location-db's ASN ranges with its country ranges: each AS gets the country that holds
 * most of its IPv4 addresses, and its organisation's name. ASes announcing only IPv6 get none.
 */
export async function readIpLocationDb(files: IpLocationDbFiles): Promise<AsDirectory> {
  const starts: number[] = [];
  const ends: number[] = [];
  const codes: string[] = [];
  for await (const line of readLines(files.countryCsv, { progressLabel: "asn-country" })) {
    const [s = "", e = "", code = ""] = splitCsvLine(line);
    const start = ipv4Number(s);
    const end = ipv4Number(e);
    if (start === undefined || end === undefined || !/^[A-Za-z]{2}$/.test(code.trim())) continue;
    starts.push(start);
    ends.push(end);
    codes.push(code.trim().toUpperCase());
  }
  const order = starts.map((_, i) => i).sort((a, b) => (starts[a] ?? 0) - (starts[b] ?? 0));
  const sortedStarts = Float64Array.from(order, (i) => starts[i] ?? 0);
  const sortedEnds = Float64Array.from(order, (i) => ends[i] ?? 0);
  const sortedCodes = order.map((i) => codes[i] ?? "");
  const countryAt = (ip: number): string | undefined => {
    let lo = 0;
    let hi = sortedStarts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sortedStarts[mid] ?? 0) <= ip) lo = mid + 1;
      else hi = mid - 1;
    }
    return hi >= 0 && ip <= (sortedEnds[hi] ?? -1) ? sortedCodes[hi] : undefined;
  };

  const weights = new Map<number, Map<string, number>>();
  const names = new Map<number, string>();
  for await (const line of readLines(files.asnCsv, { progressLabel: "asn" })) {
    const [s = "", e = "", a = "", org = ""] = splitCsvLine(line);
    const start = ipv4Number(s);
    const end = ipv4Number(e);
    const asn = parseAsn(a);
    if (start === undefined || end === undefined || asn === undefined) continue;
    if (org.trim() && !names.has(asn)) names.set(asn, org.trim());
    const country = countryAt(start);
    if (!country) continue;
    const byCountry = weights.get(asn) ?? new Map<string, number>();
    byCountry.set(country, (byCountry.get(country) ?? 0) + (end - start + 1));
    weights.set(asn, byCountry);
  }
  const ases = new Map<number, AsInfo>();
  for (const [asn, name] of names) ases.set(asn, { name });
  for (const [asn, byCountry] of weights) {
    const [country] = [...byCountry].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
    ases.set(asn, { name: names.get(asn), country });
  }
  return {
    ases,
    source: {
      id: "ip-location-db-asn-country",
      title:
        "ip-location-db: ASN and ASN-country IPv4 ranges (npm @ip-location-db/asn, @ip-location-db/asn-country)",
      publisher: "ip-location-db (sapics)",
      url: "https://github.com/sapics/ip-location-db",
    },
  };
}
