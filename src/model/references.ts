/**
 * Checks that need the whole document: duplicate ids (and AS numbers), references to ids that do
 * not exist, networks named by neither id nor AS number, links with no interval, and date
 * order. They read the input loosely, so a document with structural problems still gets every
 * reference problem reported in the same pass.
 */
import { compareIsoDates, isIsoDate } from "./dates";
import type { Problem } from "./problems";

type Path = (string | number)[];
type Loose = Record<string, unknown>;

/** A list that ignores what is pushed once it holds `limit` items. */
function boundedList<T>(limit: number): T[] {
  const list: T[] = [];
  const push = (...items: T[]) => {
    for (const item of items) if (list.length < limit) Array.prototype.push.call(list, item);
    return list.length;
  };
  Object.defineProperty(list, "push", { value: push, enumerable: false });
  return list;
}

const isRecord = (value: unknown): value is Loose =>
  value !== null && typeof value === "object" && !Array.isArray(value);

// Plain loops rather than flatMap: these run over every record of documents of 100,000s.
function records(doc: Loose, key: string): [Loose, number][] {
  const value = doc[key];
  const out: [Loose, number][] = [];
  if (!Array.isArray(value)) return out;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (isRecord(item)) out.push([item, i]);
  }
  return out;
}

function strings(value: unknown): [string, number][] {
  const out: [string, number][] = [];
  if (!Array.isArray(value)) return out;
  for (let i = 0; i < value.length; i++) {
    const item: unknown = value[i];
    if (typeof item === "string") out.push([item, i]);
  }
  return out;
}

/** Collects the ids of one list, reporting duplicates. */
function collectIds(doc: Loose, key: string, field: string, problems: Problem[]): Set<unknown> {
  const seen = new Set<unknown>();
  for (const [item, i] of records(doc, key)) {
    const id = item[field];
    if (id === undefined) continue;
    if (seen.has(id))
      problems.push({ path: [key, i, field], message: `duplicate ${field}`, value: id });
    seen.add(id);
  }
  return seen;
}

/**
 * Every problem of cross-reference and date order in a dataset or topology document, or the
 * first `limit` of them.
 */
export function checkReferences(input: unknown, limit = Number.POSITIVE_INFINITY): Problem[] {
  if (!isRecord(input)) return [];
  const problems = boundedList<Problem>(limit);
  const sourceIds = collectIds(input, "sources", "id", problems);
  const networkIds = collectIds(input, "networks", "id", problems);
  const asns = collectIds(input, "networks", "asn", problems);
  for (const [network, i] of records(input, "networks")) {
    if (network.id === undefined && network.asn === undefined) {
      problems.push({
        path: ["networks", i],
        message: "a network needs an id or an AS number",
        value: network,
      });
    }
  }
  const nodeIds = collectIds(input, "nodes", "id", problems);
  const linkIds = collectIds(input, "links", "id", problems);
  // Links of a link table (`link-table.ts`) share the id space; its other references are indices,
  // which its reader checks.
  const table = input.linkTable;
  if (isRecord(table)) {
    for (const [id, i] of strings(table.id)) {
      if (linkIds.has(id))
        problems.push({ path: ["linkTable", "id", i], message: "duplicate id", value: id });
      linkIds.add(id);
    }
  }
  collectIds(input, "events", "id", problems);
  collectIds(input, "stories", "id", problems);

  const refs = (value: unknown, path: Path, known: Set<unknown>, what: string) => {
    for (const [id, i] of strings(value)) {
      if (!known.has(id))
        problems.push({ path: [...path, i], message: `unknown ${what} id`, value: id });
    }
  };
  const ref = (value: unknown, path: Path, known: Set<unknown>, what: string) => {
    if (typeof value === "string" && !known.has(value)) {
      problems.push({ path, message: `unknown ${what} id`, value });
    }
  };

  for (const key of ["networks", "nodes", "links", "events"]) {
    for (const [item, i] of records(input, key))
      refs(item.sources, [key, i, "sources"], sourceIds, "source");
  }

  for (const [link, i] of records(input, "links")) {
    ref(link.from, ["links", i, "from"], nodeIds, "node");
    ref(link.to, ["links", i, "to"], nodeIds, "node");
    refs(link.via, ["links", i, "via"], nodeIds, "node");
    if (typeof link.from === "string" && link.from === link.to) {
      problems.push({
        path: ["links", i, "to"],
        message: "link ends where it starts",
        value: link.to,
      });
    }
    checkNetworkRefs(link.networks, i, asns, networkIds, problems);
    checkIntervals(link.active, ["links", i, "active"], problems);
    // Most links have no planned intervals: no path array is made for them.
    if (link.planned !== undefined) checkIntervals(link.planned, ["links", i, "planned"], problems);
    if (isEmptyList(link.active) && (link.planned === undefined || isEmptyList(link.planned))) {
      problems.push({ path: ["links", i, "active"], message: "has no active or planned interval" });
    }
  }

  for (const [event, i] of records(input, "events")) {
    refs(event.links, ["events", i, "links"], linkIds, "link");
    refs(event.nodes, ["events", i, "nodes"], nodeIds, "node");
    if (
      isIsoDate(event.date) &&
      isIsoDate(event.end) &&
      compareIsoDates(event.end, event.date) < 0
    ) {
      problems.push({
        path: ["events", i, "end"],
        message: `ends before it starts (${event.date})`,
        value: event.end,
      });
    }
  }

  for (const [story, i] of records(input, "stories")) {
    for (const [step, j] of records(story, "steps")) {
      const path: Path = ["stories", i, "steps", j];
      refs(step.sources, [...path, "sources"], sourceIds, "source");
      if (typeof step.select === "string") {
        const [kind, id] = step.select.split(":");
        if (kind === "link") ref(id, [...path, "select"], linkIds, "link");
        if (kind === "node") ref(id, [...path, "select"], nodeIds, "node");
      }
    }
  }

  const range = input.timeRange;
  if (Array.isArray(range) && isIsoDate(range[0]) && isIsoDate(range[1]) && range[1] < range[0]) {
    problems.push({
      path: ["timeRange", 1],
      message: `ends before it starts (${range[0]})`,
      value: range[1],
    });
  }
  return problems.slice();
}

const isEmptyList = (value: unknown) => Array.isArray(value) && value.length === 0;

/**
 * The networks of link `link`: each an AS number of a listed network, or the id of one (see
 * `networks.ts`). A value of neither kind is the schema's to report.
 */
function checkNetworkRefs(
  value: unknown,
  link: number,
  asns: Set<unknown>,
  ids: Set<unknown>,
  problems: Problem[],
): void {
  if (!Array.isArray(value)) return;
  for (let j = 0; j < value.length; j++) {
    const ref: unknown = value[j];
    if (typeof ref === "number" && !asns.has(ref)) {
      problems.push({
        path: ["links", link, "networks", j],
        message: "unknown network (AS number not in networks)",
        value: ref,
      });
    } else if (typeof ref === "string" && !ids.has(ref)) {
      problems.push({
        path: ["links", link, "networks", j],
        message: "unknown network (id not in networks)",
        value: ref,
      });
    }
  }
}

function checkIntervals(value: unknown, path: Path, problems: Problem[]): void {
  if (!Array.isArray(value)) return;
  let previousEnd: string | null | undefined;
  value.forEach((interval, i) => {
    if (!isRecord(interval) || !isIsoDate(interval.from)) return;
    const { from, to } = interval;
    if (isIsoDate(to) && compareIsoDates(to, from) < 0) {
      problems.push({
        path: [...path, i, "to"],
        message: `interval ends before it starts (${from})`,
        value: to,
      });
    }
    if (
      i > 0 &&
      (previousEnd === null ||
        (previousEnd !== undefined && compareIsoDates(from, previousEnd) <= 0))
    ) {
      problems.push({
        path: [...path, i, "from"],
        message: `interval starts before the previous one ends (${previousEnd ?? "still active"})`,
        value: from,
      });
    }
    previousEnd = to === null ? null : isIsoDate(to) ? to : undefined;
  });
}
