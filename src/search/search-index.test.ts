import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTopology } from "../model/parse-topology";
import type { Topology } from "../model/schema";
import { buildSearchIndex, type SearchIndex, search } from "./search-index";

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  CN: "China",
  KP: "North Korea",
  RU: "Russia",
  US: "United States",
};
const countryName = (code: string) => COUNTRY_NAMES[code] ?? code;

const northKorea = (): SearchIndex =>
  buildSearchIndex(
    parseTopology(
      JSON.parse(
        readFileSync(
          new URL("../../public/data/north-korea.topology.json", import.meta.url),
          "utf8",
        ),
      ),
      "north-korea.topology.json",
    ),
    countryName,
  );

const node = (id: string, name: string, country: string, coordinates: [number, number]) => ({
  id,
  name,
  kind: "city",
  country,
  coordinates,
  sources: ["src"],
});

/** Two places near the Bering Strait and one link across the antimeridian. */
const fixture = (): Topology => parseTopology(fixtureInput(), "fixture.json");

/** The fixture's document, to change before parsing. */
const fixtureInput = (): Record<string, unknown> & { links: Record<string, unknown>[] } => ({
  format: "uplinks-topology",
  version: 1,
  id: "fixture",
  title: "Fixture",
  description: "A small dataset for search tests",
  updated: "2024-01-01",
  timeRange: ["2010-01-01", "2024-01-01"],
  sources: [{ id: "src", title: "A source" }],
  networks: [
    { asn: 64500, name: "Bering Net", country: "RU" },
    { asn: 64501, name: "Quiet Net" },
  ],
  nodes: [
    node("anadyr", "Anadyr", "RU", [177.5, 64.7]),
    node("nome", "Nome", "US", [-165.4, 64.5]),
    node("kasan", "Kasan", "RU", [170, 60]),
    node("khasan", "Khasan", "RU", [171, 61]),
    node("kasanovo", "Kasanovo", "RU", [172, 62]),
  ],
  links: [
    {
      id: "anadyr-nome",
      name: "Anadyr–Nome cable",
      kind: "submarine",
      from: "anadyr",
      to: "nome",
      networks: [64500],
      active: [{ from: "2015-06-01", to: null }],
      sources: ["src"],
      path: [
        [177.5, 64.7],
        [185, 63],
        [194.6, 64.5],
      ],
      lengthKm: 900,
      countries: ["RU", "US"],
      crossings: [{ from: "RU", to: "US", at: [191, 64] }],
    },
  ],
  events: [
    {
      id: "cable-lit",
      date: "2015-06-01",
      kind: "activation",
      title: "The Bering cable is lit",
      links: ["anadyr-nome"],
      sources: ["src"],
    },
    {
      id: "nome-storm",
      date: "2019-09-20",
      end: "2019-09-22",
      kind: "outage",
      title: "A storm cuts power in Nome",
      nodes: ["nome"],
      sources: ["src"],
    },
    {
      id: "survey",
      date: "2012-03-01",
      kind: "note",
      title: "A survey of the strait",
      sources: ["src"],
    },
  ],
  stories: [],
});

describe("search index", () => {
  it('search finds a place despite a typo: "vladivostk" is Vladivostok first', () => {
    const { best } = search(northKorea(), "vladivostk");
    expect(best).toMatchObject({ type: "node", id: "vladivostok", label: "Vladivostok" });
  });

  it("search finds a network by AS number in any spelling, with the links it runs right after", () => {
    for (const query of ["AS20485", "as20485", "20485", "AS 20485"]) {
      const { ranked } = search(northKorea(), query);
      expect(ranked.slice(0, 2).map((r) => `${r.type}:${r.id}`)).toEqual([
        "network:AS20485",
        "link:ttk-khasan",
      ]);
      expect(ranked[0]).toMatchObject({ label: "TransTeleCom (TTK)", detail: "AS20485 · RU" });
    }
  });

  it("search finds every link a network runs by its AS number", () => {
    const { groups } = search(northKorea(), "AS131279");
    const links = groups.find((g) => g.type === "link")?.results.map((r) => r.id);
    expect(links?.sort()).toEqual(["intelsat-satellite", "ttk-khasan", "unicom-sinuiju-dandong"]);
  });

  it('search ignores case: "transtelecom" finds the TransTeleCom network and its link', () => {
    const { groups } = search(northKorea(), "transtelecom");
    const ids = (type: string) => groups.find((g) => g.type === type)?.results.map((r) => r.id);
    expect(ids("network")).toEqual(["AS20485"]);
    expect(ids("link")).toEqual(["ttk-khasan"]);
  });

  it("search finds a country by its code or its name", () => {
    for (const query of ["ru", "RU", "Russia", "russia"]) {
      expect(search(northKorea(), query).best).toMatchObject({
        type: "country",
        id: "RU",
        label: "Russia",
        detail: "RU · 1 link",
      });
    }
  });

  it("search offers only the countries the links pass through", () => {
    const { groups } = search(buildSearchIndex(fixture(), countryName), "united states");
    expect(groups.find((g) => g.type === "country")?.results.map((r) => r.id)).toEqual(["US"]);
    expect(search(buildSearchIndex(fixture(), countryName), "china").groups).toEqual([]);
  });

  it("search ranks an exact match first, then prefix matches, then fuzzy ones", () => {
    const { ranked } = search(buildSearchIndex(fixture(), countryName), "kasan");
    expect(ranked.map((r) => r.id)).toEqual(["kasan", "kasanovo", "khasan"]);
    const [exact, prefix, fuzzy] = ranked.map((r) => r.score);
    expect(exact).toBe(0);
    expect(prefix).toBeLessThan(fuzzy ?? 0);
  });

  it("search groups results as Places, Links, Networks, Countries, Events", () => {
    const { groups, ranked } = search(northKorea(), "china");
    expect(groups.map((g) => g.name)).toEqual([
      "Places",
      "Links",
      "Networks",
      "Countries",
      "Events",
    ]);
    expect(groups.flatMap((g) => g.results)).toHaveLength(ranked.length);
  });

  it("search puts the best result overall in best, whatever its group", () => {
    const { best, groups } = search(northKorea(), "china");
    expect(best).toMatchObject({ type: "country", id: "CN" });
    expect(groups[0]?.name).toBe("Places");
  });

  it("search finds nothing for an empty or blank query", () => {
    for (const query of ["", "   ", "\t\n", " – "]) {
      expect(search(northKorea(), query)).toEqual({ best: null, ranked: [], groups: [] });
    }
  });

  it("search finds nothing for a query that matches nothing", () => {
    expect(search(northKorea(), "xyzzy").best).toBeNull();
  });

  it("search returns at most limit results", () => {
    expect(search(northKorea(), "a", 3).ranked).toHaveLength(3);
  });

  it("search finds events by title, kind and date", () => {
    const index = buildSearchIndex(fixture(), countryName);
    expect(search(index, "bering cable lit").best?.id).toBe("cable-lit");
    expect(search(index, "outage").best?.id).toBe("nome-storm");
    expect(search(index, "2019-09").best?.id).toBe("nome-storm");
  });

  it("search describes each result in a short detail line", () => {
    const index = buildSearchIndex(fixture(), countryName);
    const detail = (query: string) => search(index, query).best?.detail;
    expect(detail("Anadyr–Nome cable")).toBe("Submarine cable · 2015-06-01 – today");
    expect(detail("Anadyr")).toBe("City · Russia");
    expect(detail("AS64501")).toBe("AS64501");
    expect(detail("storm")).toBe("2019-09-20 – 2019-09-22 · outage");
  });

  it("choosing a place or a link selects it and frames it, keeping path longitudes past 180°", () => {
    const index = buildSearchIndex(fixture(), countryName);
    expect(search(index, "Nome").best?.target).toEqual({
      selection: { kind: "node", id: "nome" },
      bounds: [
        [-165.4, 64.5],
        [-165.4, 64.5],
      ],
    });
    expect(search(index, "anadyr nome").best?.target).toEqual({
      selection: { kind: "link", id: "anadyr-nome" },
      bounds: [
        [177.5, 63],
        [194.6, 64.7],
      ],
    });
  });

  it("choosing a network or a country frames its links; a network without links has no bounds", () => {
    const index = buildSearchIndex(fixture(), countryName);
    const bounds = [
      [177.5, 63],
      [194.6, 64.7],
    ];
    expect(search(index, "64500").best?.target).toEqual({ network: "AS64500", bounds });
    expect(search(index, "quiet net").best?.target).toEqual({ network: "AS64501", bounds: null });
    expect(search(index, "us").best?.target).toEqual({ country: "US", bounds });
  });

  it("choosing an event goes to its date and selects its first link, or else its first node", () => {
    const index = buildSearchIndex(fixture(), countryName);
    expect(search(index, "cable-lit").best?.target).toEqual({
      date: "2015-06-01",
      selection: { kind: "link", id: "anadyr-nome" },
      bounds: [
        [177.5, 63],
        [194.6, 64.7],
      ],
    });
    expect(search(index, "storm").best?.target).toMatchObject({
      date: "2019-09-20",
      selection: { kind: "node", id: "nome" },
    });
    expect(search(index, "survey").best?.target).toEqual({ date: "2012-03-01" });
  });

  it('search finds an operator without an AS number by name ("Orange"), its target its key', () => {
    const input = fixtureInput();
    input.networks = [...(input.networks as object[]), { id: "orange-sa", name: "Orange" }];
    input.links[0] = { ...input.links[0], networks: [64500, "orange-sa"] };
    const index = buildSearchIndex(parseTopology(input, "fixture.json"), countryName);
    const { groups, best } = search(index, "orange");
    expect(best).toMatchObject({ type: "network", id: "orange-sa", label: "Orange" });
    expect(best?.detail).toBe("1 link");
    expect(best?.target).toEqual({
      network: "orange-sa",
      bounds: [
        [177.5, 63],
        [194.6, 64.7],
      ],
    });
    // The links it runs are found by its name.
    expect(groups.find((g) => g.type === "link")?.results.map((r) => r.id)).toEqual([
      "anadyr-nome",
    ]);
  });

  it("search finds a renamed link by the name it had, and says so in its detail", () => {
    const input = fixtureInput();
    input.links[0] = {
      ...input.links[0],
      formerNames: [{ name: "Strait Link", until: "2018-01-01" }],
    };
    const index = buildSearchIndex(parseTopology(input, "fixture.json"), countryName);
    const { best } = search(index, "strait link");
    expect(best).toMatchObject({ type: "link", id: "anadyr-nome", label: "Anadyr–Nome cable" });
    expect(best?.detail).toBe("Submarine cable · 2015-06-01 – today · formerly Strait Link");
  });
});
