/**
 * The permalink codec (DESIGN §4): view state ⇄ location hash. Pure: no `window`, no `location`.
 *
 * `#map=ZOOM/LAT/LON[/BEARING/PITCH]&t=DATE&sel=link:ID&ds=ID&v=DATE&story=ID&step=N&f=FILTERS
 *  &focus=CC&cmp=DATE&present=1&anim=0&proj=globe&theme=light&embed=1`
 *
 * Decoding is lenient: each malformed parameter (or id the dataset does not have) is reported as
 * a problem and ignored; the rest applies. Parameters this version does not know are kept, in
 * order, and written back when encoding, so links made by newer versions survive a round trip.
 */
import { isIsoDate } from "../model/dates";
import { ID_PATTERN, LINK_KINDS, type LinkKind, type Topology } from "../model/schema";
import { datasetCountries } from "../state/filters";
import type { Camera, Filters, ProjectionName, Selection, ThemeName } from "../state/store";
import {
  decodeNetworks,
  type NetworkLookup,
  networkLookup,
  type UrlNetwork,
} from "./network-filter";

export type { UrlNetwork } from "./network-filter";

/** Everything a permalink can say. Absent fields mean "the default". */
export interface UrlState {
  readonly camera?: Camera;
  readonly date?: string;
  readonly selection?: Selection;
  readonly dataset?: string;
  /** The `updated` date of the dataset the link was made with. */
  readonly datasetVersion?: string;
  readonly story?: string;
  /** 1-based story step. */
  readonly step?: number;
  readonly filters?: Filters;
  /** The country in focus (ISO 3166-1 alpha-2). */
  readonly focus?: string;
  /** Compare mode's date A (date B is `date`). */
  readonly compare?: string;
  readonly present?: boolean;
  readonly animate?: boolean;
  readonly projection?: ProjectionName;
  readonly theme?: ThemeName;
  readonly embed?: boolean;
  /** Parameters this version does not understand, kept verbatim (decoded key and value). */
  readonly unknown?: readonly (readonly [string, string])[];
}

/** The context a loaded dataset gives decoding: its ids, and the countries its links touch. */
export const urlContextOf = (topology: Topology): UrlContext => ({
  id: topology.id,
  links: topology.links,
  nodes: topology.nodes,
  stories: topology.stories,
  networks: topology.networks,
  countries: datasetCountries(topology),
});

/** A parameter that was ignored, and why. */
export interface UrlProblem {
  readonly key: string;
  readonly value: string;
  readonly reason: string;
}

/** What decoding may check ids against: the loaded dataset, if any. */
export interface UrlContext {
  readonly id: string;
  readonly links: readonly { readonly id: string }[];
  readonly nodes: readonly { readonly id: string }[];
  readonly stories: readonly { readonly id: string; readonly steps: readonly unknown[] }[];
  /** Its networks: `f=asn:…` and `f=net:…` must name them. */
  readonly networks: readonly UrlNetwork[];
  /** Countries the dataset's links touch; `focus=` must name one of them. */
  readonly countries?: readonly string[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NUMBER = /^-?\d{1,4}(\.\d{1,12})?$/;
/** Characters left readable in the hash (all are allowed unescaped in a URL fragment). */
const READABLE = /%(2C|2F|3A|7C|40)/g;

/** `t=2017-13-45: not a date (YYYY-MM-DD)` */
export const formatUrlProblem = (p: UrlProblem) => `${p.key}=${p.value}: ${p.reason}`;

/** Decimal places for lat/lon at a zoom, as in MapLibre's own hash: about one pixel. */
export function coordinatePrecision(zoom: number): number {
  return Math.max(0, Math.ceil((zoom * Math.LN2 + Math.log(512 / 360 / 0.5)) / Math.LN10));
}

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** The camera as it reads back from its encoding (rounded as `map=` rounds it). */
export function roundCamera(camera: Camera): Camera {
  const zoom = round(camera.zoom, 2);
  const p = coordinatePrecision(zoom);
  return {
    zoom,
    center: [round(camera.center[0], p), round(camera.center[1], p)],
    bearing: round(camera.bearing, 1),
    pitch: round(camera.pitch, 0),
  };
}

function encodeCamera(camera: Camera): string {
  const c = roundCamera(camera);
  const p = coordinatePrecision(c.zoom);
  let out = `${c.zoom.toFixed(2)}/${c.center[1].toFixed(p)}/${c.center[0].toFixed(p)}`;
  if (c.bearing !== 0 || c.pitch !== 0) out += `/${c.bearing}/${c.pitch}`;
  return out;
}

/**
 * `kind:terrestrial|submarine,asn:20485,cc:KP|RU`: links must match every group given. Networks
 * are written by AS number when every one chosen has one (the form addresses had before networks
 * without AS numbers, so theirs stay byte-identical), else by key: `net:google|AS20485`.
 */
function encodeFilters(f: Filters, networks: NetworkLookup): string {
  const groups: string[] = [];
  if (f.kinds?.length) groups.push(`kind:${f.kinds.join("|")}`);
  if (f.networks?.length) {
    const asns = f.networks.map((key) => networks.asnOf(key));
    groups.push(
      asns.every((asn) => asn !== undefined)
        ? `asn:${asns.join("|")}`
        : `net:${f.networks.join("|")}`,
    );
  }
  if (f.countries?.length) groups.push(`cc:${f.countries.join("|")}`);
  return groups.join(",");
}

const param = (key: string, value: string) =>
  `${encodeURIComponent(key)}=${encodeURIComponent(value).replace(READABLE, (m) => decodeURIComponent(m))}`;

/**
 * The hash (with its `#`) for `state`; defaults are left out, unknown parameters kept at the end.
 * `context` (the dataset's networks) says which chosen networks have AS numbers; without it, only
 * `AS<number>` keys do.
 */
export function encode(state: UrlState, context?: Pick<UrlContext, "networks">): string {
  const parts: string[] = [];
  if (state.camera) parts.push(param("map", encodeCamera(state.camera)));
  if (state.date) parts.push(param("t", state.date));
  if (state.selection) parts.push(param("sel", `${state.selection.kind}:${state.selection.id}`));
  if (state.dataset) parts.push(param("ds", state.dataset));
  if (state.datasetVersion) parts.push(param("v", state.datasetVersion));
  if (state.story) parts.push(param("story", state.story));
  if (state.step !== undefined) parts.push(param("step", String(state.step)));
  if (state.filters) {
    const f = encodeFilters(state.filters, networkLookup(context?.networks));
    if (f) parts.push(param("f", f));
  }
  if (state.focus) parts.push(param("focus", state.focus));
  if (state.compare) parts.push(param("cmp", state.compare));
  if (state.present) parts.push(param("present", "1"));
  if (state.animate === false) parts.push(param("anim", "0"));
  if (state.projection === "globe") parts.push(param("proj", "globe"));
  if (state.theme === "light") parts.push(param("theme", "light"));
  if (state.embed) parts.push(param("embed", "1"));
  for (const [key, value] of state.unknown ?? []) parts.push(param(key, value));
  return parts.length > 0 ? `#${parts.join("&")}` : "";
}

function decodeCamera(value: string): Camera | string {
  const parts = value.split("/");
  if (parts.length !== 3 && parts.length !== 5) {
    return "expected ZOOM/LAT/LON or ZOOM/LAT/LON/BEARING/PITCH";
  }
  if (!parts.every((p) => NUMBER.test(p))) return "not a number";
  const [zoom, lat, lon, bearing = 0, pitch = 0] = parts.map(Number) as [
    number,
    number,
    number,
    number?,
    number?,
  ];
  if (zoom < 0 || zoom > 22) return "zoom is outside 0–22";
  if (Math.abs(lat) > 85.051129) return "latitude is outside ±85.05";
  if (Math.abs(lon) > 180) return "longitude is outside ±180";
  if (Math.abs(bearing) > 180) return "bearing is outside ±180";
  if (pitch < 0 || pitch > 85) return "pitch is outside 0–85";
  return { zoom, center: [lon, lat], bearing, pitch };
}

function decodeFilters(value: string, context?: UrlContext): Filters | string {
  const filters: Mutable<Filters> = {};
  for (const group of value.split(",")) {
    const colon = group.indexOf(":");
    const name = colon === -1 ? group : group.slice(0, colon);
    const items = colon === -1 ? [] : group.slice(colon + 1).split("|");
    if (items.length === 0 || items.some((i) => i === "")) return `empty filter in "${group}"`;
    if (name === "kind") {
      const bad = items.find((k) => !(LINK_KINDS as readonly string[]).includes(k));
      if (bad) return `unknown link kind "${bad}"`;
      filters.kinds = items as LinkKind[];
    } else if (name === "asn" || name === "net") {
      const keys = decodeNetworks(name, items, context);
      if (typeof keys === "string") return keys;
      // `asn:` and `net:` are one group: a link passes with any network of either.
      filters.networks = [...new Set([...(filters.networks ?? []), ...keys])];
    } else if (name === "cc") {
      const bad = items.find((c) => !/^[A-Z]{2}$/.test(c));
      if (bad) return `not a country code "${bad}"`;
      filters.countries = items;
    } else {
      return `unknown filter "${name}" (kind, asn, net or cc)`;
    }
  }
  return filters;
}

const KNOWN: ReadonlySet<string> = new Set([
  "map",
  "t",
  "sel",
  "ds",
  "v",
  "story",
  "step",
  "f",
  "focus",
  "cmp",
  "present",
  "anim",
  "proj",
  "theme",
  "embed",
]);

/**
 * Reads `hash` (with or without its `#`). Never throws: what cannot be used is reported in
 * `problems` and left out of `state`. With a `context`, ids are checked against that dataset.
 */
export function decode(
  hash: string,
  context?: UrlContext,
): { state: UrlState; problems: UrlProblem[] } {
  const state: Mutable<UrlState> = {};
  const problems: UrlProblem[] = [];
  const unknown: [string, string][] = [];
  const seen = new Set<string>();
  for (const [key, value] of readParams(hash)) {
    const bad = (reason: string) => problems.push({ key, value, reason });
    if (!KNOWN.has(key)) {
      unknown.push([key, value]);
      bad("not a parameter this version knows (kept in the address)");
      continue;
    }
    if (seen.has(key)) {
      bad("given twice; the first one applies");
      continue;
    }
    seen.add(key);
    decodeParam(key, value, state, bad, context);
  }
  checkStep(state, problems, context);
  if (unknown.length > 0) state.unknown = unknown;
  return { state, problems };
}

/** Key–value pairs of a hash; a malformed percent-escape is kept as written rather than thrown. */
function readParams(hash: string): [string, string][] {
  const body = hash.replace(/^#/, "");
  if (!body) return [];
  return body.split("&").flatMap((pair): [string, string][] => {
    if (!pair) return [];
    const eq = pair.indexOf("=");
    const raw = eq === -1 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    const [key = "", value = ""] = raw.map((s) => {
      try {
        return decodeURIComponent(s.replace(/\+/g, " "));
      } catch {
        return s;
      }
    });
    return [[key, value]];
  });
}

function decodeParam(
  key: string,
  value: string,
  state: Mutable<UrlState>,
  bad: (reason: string) => void,
  context?: UrlContext,
): void {
  switch (key) {
    case "map": {
      const camera = decodeCamera(value);
      if (typeof camera === "string") bad(camera);
      else state.camera = camera;
      return;
    }
    case "t":
    case "v":
      if (!isIsoDate(value)) bad("not a date (YYYY-MM-DD)");
      else if (key === "t") state.date = value;
      else state.datasetVersion = value;
      return;
    case "sel": {
      const match = /^(link|node):(.+)$/.exec(value);
      const kind = match?.[1] as "link" | "node" | undefined;
      const id = match?.[2] ?? "";
      if (!kind || !ID_PATTERN.test(id)) bad("not a selection (link:ID or node:ID)");
      else if (
        context &&
        !(kind === "link" ? context.links : context.nodes).some((x) => x.id === id)
      ) {
        bad(`no ${kind} "${id}" in ${context.id}`);
      } else state.selection = { kind, id };
      return;
    }
    case "ds":
      if (ID_PATTERN.test(value)) state.dataset = value;
      else bad("not a dataset id");
      return;
    case "story":
      if (!ID_PATTERN.test(value)) bad("not a story id");
      else if (context && !context.stories.some((s) => s.id === value)) {
        bad(`no story "${value}" in ${context.id}`);
      } else state.story = value;
      return;
    case "step":
      if (/^[1-9]\d{0,3}$/.test(value)) state.step = Number(value);
      else bad("not a step number (1, 2, …)");
      return;
    case "f": {
      const filters = decodeFilters(value, context);
      if (typeof filters === "string") bad(filters);
      else state.filters = filters;
      return;
    }
    case "focus":
      if (!/^[A-Z]{2}$/.test(value)) bad("not a country code (two capital letters, e.g. KP)");
      else if (context?.countries && !context.countries.includes(value)) {
        bad(`no link of ${context.id} touches ${value}`);
      } else state.focus = value;
      return;
    case "cmp":
      if (!isIsoDate(value)) bad("not a date (YYYY-MM-DD)");
      else state.compare = value;
      return;
    case "present":
    case "anim":
    case "embed":
      if (value !== "0" && value !== "1") bad("expected 0 or 1");
      else if (key === "present") state.present = value === "1";
      else if (key === "anim") state.animate = value === "1";
      else state.embed = value === "1";
      return;
    case "proj":
      if (value === "mercator" || value === "globe") state.projection = value;
      else bad("expected mercator or globe");
      return;
    case "theme":
      if (value === "dark" || value === "light") state.theme = value;
      else bad("expected dark or light");
      return;
  }
}

/** A step needs a story, and must be one of its steps. */
function checkStep(state: Mutable<UrlState>, problems: UrlProblem[], context?: UrlContext): void {
  if (state.step === undefined) return;
  const value = String(state.step);
  const story = state.story ? context?.stories.find((s) => s.id === state.story) : undefined;
  if (!state.story) {
    problems.push({ key: "step", value, reason: "there is no story= to step through" });
    delete state.step;
  } else if (story && state.step > story.steps.length) {
    problems.push({
      key: "step",
      value,
      reason: `story "${state.story}" has ${story.steps.length} steps`,
    });
    delete state.step;
  }
}
