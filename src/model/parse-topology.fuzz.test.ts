/**
 * Property: whatever a hostile or broken file does to a real topology, parsing it either returns
 * a topology or throws a DocumentError whose problems each have a path — never another
 * exception — and quickly. Mutations of the published North Korea dataset, seeded.
 */
import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTopologyText } from "./load";
import { parseTopology } from "./parse-topology";
import { DocumentError } from "./problems";

const SOURCE = readFileSync("public/data/north-korea.topology.json", "utf8");
const RUNS = 10_000;
const SEED = 20_261_126;

type Json = unknown;
type Container = Record<string, unknown> | unknown[];

/** Every container of `root` (objects and arrays), with root first. */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    out.push(node as Container);
    for (const value of Object.values(node)) stack.push(value);
  }
  return out;
}

/** Sets `key` on `target` as JSON.parse would: as an own property, even `__proto__`. */
function setOwn(target: Container, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

const HOSTILE_STRINGS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "javascript:alert(1)",
  " JAVASCRIPT:alert(1)",
  "data:text/html,<b>x</b>",
  "2017-02-30",
  "9999-99-99",
  "NaN",
  "Infinity",
  "",
  "\u0000\u202e\ud800",
  "link:",
  "node:nowhere",
  "__proto__",
];

/** Values a hostile file may put anywhere. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    0,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    2 ** 53 + 1,
    null,
    true,
    false,
  ),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 20 }),
  fc.double(),
  fc.integer(),
  // Oversized strings and lists (over the schema's limits).
  fc.constantFrom(
    "x".repeat(201),
    "y".repeat(5_001),
    "z".repeat(100_000),
    Array.from({ length: 10_001 }, () => [125.7, 39]),
    Array.from({ length: 20_000 }, () => 0),
  ),
  // Nested arrays, up to 40 deep.
  fc.nat({ max: 40 }).map((depth) => {
    let value: unknown = 0;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  }),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom("__proto__", "constructor", "prototype", "toString").map((key) => {
    const object = {};
    setOwn(object, key, { polluted: true });
    return object;
  }),
);

const KEYS = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "", "id"];

type Mutation =
  | { op: "delete"; at: number; pick: number }
  | { op: "replace"; at: number; pick: number; value: unknown }
  | { op: "insert-key"; at: number; key: string; value: unknown }
  | { op: "duplicate"; at: number; pick: number }
  | { op: "swap-dates"; a: number; b: number }
  | { op: "wrap"; at: number; pick: number; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant("delete" as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({
    op: fc.constant("replace" as const),
    at: fc.nat(),
    pick: fc.nat(),
    value: hostileValue,
  }),
  fc.record({
    op: fc.constant("insert-key" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })),
    value: hostileValue,
  }),
  fc.record({ op: fc.constant("duplicate" as const), at: fc.nat(), pick: fc.nat() }),
  fc.record({ op: fc.constant("swap-dates" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant("wrap" as const),
    at: fc.nat(),
    pick: fc.nat(),
    depth: fc.integer({ min: 1, max: 40 }),
  }),
);

/** The ISO dates of `root`: where they are, to swap them. */
function dateSlots(root: Json): [Container, string | number][] {
  const slots: [Container, string | number][] = [];
  for (const container of containers(root)) {
    for (const [key, value] of Object.entries(container)) {
      if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        slots.push([container, Array.isArray(container) ? Number(key) : key]);
      }
    }
  }
  return slots;
}

function apply(root: Json, m: Mutation): void {
  if (m.op === "swap-dates") {
    const slots = dateSlots(root);
    const a = slots[m.a % Math.max(slots.length, 1)];
    const b = slots[m.b % Math.max(slots.length, 1)];
    if (!a || !b) return;
    const va = (a[0] as Record<string | number, unknown>)[a[1]];
    setOwn(a[0], a[1], (b[0] as Record<string | number, unknown>)[b[1]]);
    setOwn(b[0], b[1], va);
    return;
  }
  const all = containers(root);
  const target = all[m.at % all.length];
  if (!target) return;
  if (m.op === "insert-key") {
    // A copy: the arbitraries hand out the same objects to many cases.
    if (Array.isArray(target)) target.push(structuredClone(m.value));
    else setOwn(target, m.key, structuredClone(m.value));
    return;
  }
  const keys = Object.keys(target);
  if (keys.length === 0) return;
  const key = keys[m.pick % keys.length] as string;
  const slot = Array.isArray(target) ? Number(key) : key;
  const current = (target as Record<string | number, unknown>)[slot];
  switch (m.op) {
    case "delete":
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
      return;
    case "replace":
      setOwn(target, slot, structuredClone(m.value));
      return;
    case "duplicate":
      if (Array.isArray(target)) target.push(structuredClone(current));
      else if (Array.isArray(current) && current.length > 0)
        current.push(structuredClone(current[0]));
      return;
    case "wrap": {
      let value: unknown = current;
      for (let i = 0; i < m.depth; i++) value = [value];
      setOwn(target, slot, value);
      return;
    }
  }
}

/** What parsing `run` did: a topology, or a DocumentError; anything else is rethrown. */
function outcome(run: () => unknown): "parsed" | "rejected" {
  try {
    run();
    return "parsed";
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    expect(error.problems.length).toBeGreaterThan(0);
    for (const problem of error.problems) {
      expect(Array.isArray(problem.path)).toBe(true);
      expect(typeof problem.message).toBe("string");
    }
    expect(error.message.startsWith("fuzz.json: ")).toBe(true);
    return "rejected";
  }
}

describe("parseTopology on mutated documents", () => {
  it(`parses or rejects with a DocumentError, each of ${RUNS} seeded cases in under a second`, () => {
    let slowest = 0;
    const outcomes = { parsed: 0, rejected: 0 };
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const doc = JSON.parse(SOURCE) as Json;
        for (const m of mutations) apply(doc, m);
        const started = performance.now();
        const result = outcome(() => parseTopology(doc, "fuzz.json"));
        // The same document as a file (NaN and Infinity become null in JSON text).
        outcome(() => readTopologyText(JSON.stringify(doc), "fuzz.json"));
        slowest = Math.max(slowest, performance.now() - started);
        outcomes[result]++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(slowest).toBeLessThan(1_000);
    // Both outcomes happen: the mutations are neither all harmless nor all fatal.
    expect(outcomes.parsed).toBeGreaterThan(0);
    expect(outcomes.rejected).toBeGreaterThan(RUNS / 2);
  }, 600_000);
});
