import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINK_KINDS } from "../model/schema";
import {
  decode,
  encode,
  formatUrlProblem,
  roundCamera,
  type UrlContext,
  type UrlState,
} from "./codec";

const context = (): UrlContext => ({
  id: "north-korea",
  links: [{ id: "ttk-khasan" }, { id: "unicom-sinuiju-dandong" }],
  nodes: [{ id: "pyongyang" }],
  stories: [{ id: "second-route", steps: [1, 2, 3, 4, 5, 6] }],
  networks: [{ asn: 4837 }, { asn: 20485 }],
  countries: ["CN", "KP", "RU"],
});

const id = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/);
const isoDate = fc
  .date({
    min: new Date("1990-01-01T00:00:00Z"),
    max: new Date("2040-12-31T00:00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));
const camera = fc
  .record({
    zoom: fc.double({ min: 0, max: 22, noNaN: true }),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    lat: fc.double({ min: -85, max: 85, noNaN: true }),
    bearing: fc.oneof(fc.constant(0), fc.double({ min: -180, max: 180, noNaN: true })),
    pitch: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 85, noNaN: true })),
  })
  .map(({ zoom, lon, lat, bearing, pitch }) =>
    roundCamera({ zoom, center: [lon, lat], bearing, pitch }),
  );

/** Valid states, with values at the precision the address keeps. */
const urlState: fc.Arbitrary<UrlState> = fc.record(
  {
    camera,
    date: isoDate,
    selection: fc.record({ kind: fc.constantFrom("link" as const, "node" as const), id }),
    dataset: id,
    datasetVersion: isoDate,
    story: id,
    step: fc.integer({ min: 1, max: 9999 }),
    filters: fc.record(
      {
        kinds: fc.uniqueArray(fc.constantFrom(...LINK_KINDS), { minLength: 1 }),
        // Keys: `AS<number>` for a network known by its AS number, an id for one without.
        networks: fc.uniqueArray(
          fc.oneof(
            fc.integer({ min: 1, max: 4_294_967_295 }).map((asn) => `AS${asn}`),
            id,
          ),
          { minLength: 1, maxLength: 4 },
        ),
        countries: fc.uniqueArray(fc.stringMatching(/^[A-Z]{2}$/), { minLength: 1, maxLength: 4 }),
      },
      { requiredKeys: [] },
    ),
    focus: fc.stringMatching(/^[A-Z]{2}$/),
    compare: isoDate,
    present: fc.constant(true),
    animate: fc.constant(false),
    projection: fc.constant("globe" as const),
    theme: fc.constant("light" as const),
    embed: fc.constant(true),
    unknown: fc.array(fc.tuple(fc.stringMatching(/^x[a-z]{1,6}$/), fc.string({ maxLength: 12 })), {
      minLength: 1,
      maxLength: 3,
    }),
  },
  { requiredKeys: [] },
);

describe("the permalink codec", () => {
  it("decode(encode(state)) gives back every valid state", () => {
    fc.assert(
      fc.property(urlState, (state) => {
        // A step without a story is reported, not kept: only generate steps with stories.
        const input = state.step !== undefined && !state.story ? { ...state, story: "s" } : state;
        const empty = input.filters && Object.keys(input.filters).length === 0;
        const expected = empty ? (({ filters: _f, ...rest }) => rest)(input) : input;
        const { state: back, problems } = decode(encode(input));
        // Unknown parameters are reported (and kept); nothing else is.
        expect(problems.map((p) => p.key)).toEqual((input.unknown ?? []).map(([key]) => key));
        expect(back).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20171001 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.webFragments()),
        (hash) => {
          const { problems } = decode(hash, context());
          for (const p of problems) expect(formatUrlProblem(p)).toContain(`${p.key}=`);
        },
      ),
      { numRuns: 10_000, seed: 42 },
    );
  });

  it("either applies or reports every parameter it knows, whatever its value", () => {
    const FIELDS: Record<string, keyof UrlState> = {
      map: "camera",
      t: "date",
      sel: "selection",
      ds: "dataset",
      v: "datasetVersion",
      story: "story",
      step: "step",
      f: "filters",
      focus: "focus",
      cmp: "compare",
      present: "present",
      anim: "animate",
      proj: "projection",
      theme: "theme",
      embed: "embed",
    };
    const value = fc.oneof(
      fc.string({ maxLength: 16 }),
      fc.constantFrom(
        "1",
        "0",
        "2017-10-01",
        "link:ttk-khasan",
        "5/41/128",
        "kind:submarine",
        "globe",
        "KP",
      ),
    );
    const pair = fc.tuple(fc.constantFrom(...Object.keys(FIELDS)), value);
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: ([k]) => k, maxLength: 8 }), (pairs) => {
        const hash = `#${pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&")}`;
        const { state, problems } = decode(hash, context());
        for (const [key] of pairs) {
          const applied = state[FIELDS[key] as keyof UrlState] !== undefined;
          const reported = problems.some((p) => p.key === key);
          expect(applied !== reported, `${key} in ${hash}`).toBe(true);
        }
      }),
      { numRuns: 10_000, seed: 7 },
    );
  });

  it("writes the camera as MapLibre does: zoom/lat/lon, with precision from the zoom", () => {
    expect(
      encode({
        camera: { zoom: 5.4321, center: [128.123456789, 41.987654321], bearing: 0, pitch: 0 },
      }),
    ).toBe("#map=5.43/41.988/128.123");
    expect(
      encode({ camera: { zoom: 12, center: [130.61, 42.42], bearing: 30.04, pitch: 45.4 } }),
    ).toBe("#map=12.00/42.42000/130.61000/30/45");
  });

  it("keeps ids, lists and unknown parameters readable and in order", () => {
    const hash = encode({
      date: "2017-10-01",
      selection: { kind: "link", id: "ttk-khasan" },
      dataset: "north-korea",
      filters: {
        kinds: ["terrestrial", "submarine"],
        networks: ["AS20485"],
        countries: ["KP", "RU"],
      },
      unknown: [["later", "a b"]],
    });
    expect(hash).toBe(
      "#t=2017-10-01&sel=link:ttk-khasan&ds=north-korea&f=kind:terrestrial|submarine,asn:20485,cc:KP|RU&later=a%20b",
    );
    const { state, problems } = decode(hash);
    expect(state.unknown).toEqual([["later", "a b"]]);
    expect(problems.map(formatUrlProblem)).toEqual([
      "later=a b: not a parameter this version knows (kept in the address)",
    ]);
  });

  it("reports each bad parameter, naming it, and applies the rest", () => {
    const { state, problems } = decode(
      "#t=2017-13-45&sel=link:nope&map=5/91/0&anim=2&step=3&f=kind:wormhole&story=second-route&proj=mercator",
      context(),
    );
    expect(problems.map(formatUrlProblem)).toEqual([
      "t=2017-13-45: not a date (YYYY-MM-DD)",
      'sel=link:nope: no link "nope" in north-korea',
      "map=5/91/0: latitude is outside ±85.05",
      "anim=2: expected 0 or 1",
      'f=kind:wormhole: unknown link kind "wormhole"',
    ]);
    expect(state).toEqual({ step: 3, story: "second-route", projection: "mercator" });
  });

  it("checks ids, steps and networks against the dataset", () => {
    const problems = decode(
      "#story=first-route&sel=node:pyongyang&f=asn:13335",
      context(),
    ).problems;
    expect(problems.map(formatUrlProblem)).toEqual([
      'story=first-route: no story "first-route" in north-korea',
      "f=asn:13335: AS13335 is not a network of north-korea",
    ]);
    expect(decode("#story=second-route&step=7", context()).problems.map(formatUrlProblem)).toEqual([
      'step=7: story "second-route" has 6 steps',
    ]);
    expect(decode("#focus=US&cmp=2012-06-01", context()).problems.map(formatUrlProblem)).toEqual([
      "focus=US: no link of north-korea touches US",
    ]);
    expect(decode("#focus=kp&cmp=June").problems.map(formatUrlProblem)).toEqual([
      "focus=kp: not a country code (two capital letters, e.g. KP)",
      "cmp=June: not a date (YYYY-MM-DD)",
    ]);
    expect(decode("#step=2").problems.map(formatUrlProblem)).toEqual([
      "step=2: there is no story= to step through",
    ]);
  });

  it("keeps old permalinks' networks: asn: decodes to keys and encodes back byte for byte", () => {
    const hash = "#t=2017-10-01&f=kind:terrestrial,asn:20485|4837";
    const { state, problems } = decode(hash, context());
    expect(problems).toEqual([]);
    expect(state.filters).toEqual({ kinds: ["terrestrial"], networks: ["AS20485", "AS4837"] });
    expect(encode(state, context())).toBe(hash);
    // A network listed with an id and an AS number is chosen by its id, written by its number.
    const ttk = { ...context(), networks: [{ id: "ttk", asn: 20485 }, { asn: 4837 }] };
    const decoded = decode(hash, ttk).state;
    expect(decoded.filters?.networks).toEqual(["ttk", "AS4837"]);
    expect(encode(decoded, ttk)).toBe(hash);
  });

  it("names networks without an AS number by key, with net:", () => {
    const owners = { ...context(), networks: [{ id: "orange" }, { asn: 20485 }] };
    const { state, problems } = decode("#f=net:orange|AS20485", owners);
    expect(problems).toEqual([]);
    expect(state.filters).toEqual({ networks: ["orange", "AS20485"] });
    expect(encode({ filters: { networks: ["orange", "AS20485"] } }, owners)).toBe(
      "#f=net:orange|AS20485",
    );
    expect(encode({ filters: { networks: ["AS20485"] } }, owners)).toBe("#f=asn:20485");
  });

  it("reads asn: and net: as one group of networks", () => {
    const owners = { ...context(), networks: [{ id: "orange" }, { asn: 20485 }] };
    const { state } = decode("#f=asn:20485,cc:KP,net:orange|AS20485", owners);
    expect(state.filters).toEqual({ networks: ["AS20485", "orange"], countries: ["KP"] });
  });

  it("reports networks the dataset does not have, and keys that are not keys", () => {
    const owners = { ...context(), networks: [{ id: "orange" }, { asn: 20485 }] };
    const reasons = (hash: string) => decode(hash, owners).problems.map(formatUrlProblem);
    expect(reasons("#f=net:google")).toEqual(['f=net:google: no network "google" in north-korea']);
    expect(reasons("#f=net:AS13335")).toEqual([
      "f=net:AS13335: AS13335 is not a network of north-korea",
    ]);
    expect(reasons("#f=asn:orange")).toEqual(['f=asn:orange: not an AS number "orange"']);
    expect(reasons("#f=net:Orange")).toEqual([
      'f=net:Orange: not a network (an id or AS<number>) "Orange"',
    ]);
    expect(reasons("#f=nets:orange")).toEqual([
      'f=nets:orange: unknown filter "nets" (kind, asn, net or cc)',
    ]);
  });

  it("applies the first of a repeated parameter and reports the rest", () => {
    const { state, problems } = decode("#t=2012-01-01&t=2018-01-01");
    expect(state.date).toBe("2012-01-01");
    expect(problems.map(formatUrlProblem)).toEqual([
      "t=2018-01-01: given twice; the first one applies",
    ]);
  });
});
