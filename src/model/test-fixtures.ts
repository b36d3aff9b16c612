/** A small valid topology document for tests; each call returns a fresh copy to break at will. */
export function validTopologyInput(): Record<string, unknown> & {
  links: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  events: Record<string, unknown>[];
  sources: Record<string, unknown>[];
  stories: (Record<string, unknown> & { steps: Record<string, unknown>[] })[];
} {
  return {
    format: "uplinks-topology",
    version: 1,
    id: "test",
    title: "Test",
    description: "A test dataset",
    updated: "2020-01-01",
    timeRange: ["2010-01-01", "2020-01-01"],
    sources: [{ id: "src", title: "A source", url: "https://example.org/a" }],
    networks: [{ asn: 64500, name: "Example Net" }],
    nodes: [
      {
        id: "a",
        name: "A",
        kind: "city",
        country: "KP",
        coordinates: [125.7, 39],
        sources: ["src"],
      },
      {
        id: "b",
        name: "B",
        kind: "city",
        country: "CN",
        coordinates: [124.4, 40.1],
        sources: ["src"],
      },
    ],
    links: [
      {
        id: "ab",
        name: "A–B",
        kind: "terrestrial",
        from: "a",
        to: "b",
        networks: [64500],
        active: [{ from: "2010-01-01", to: null }],
        sources: ["src"],
        path: [
          [125.7, 39],
          [124.4, 40.1],
        ],
        lengthKm: 170,
        countries: ["KP", "CN"],
        crossings: [{ from: "KP", to: "CN", at: [124.5, 40] }],
      },
    ],
    events: [
      {
        id: "e",
        date: "2014-12-22",
        kind: "outage",
        title: "Outage",
        links: ["ab"],
        sources: ["src"],
      },
    ],
    stories: [
      {
        id: "s",
        title: "Story",
        steps: [
          {
            title: "One",
            caption: "Text",
            view: { center: [125, 40], zoom: 5 },
            date: "2012-01-01",
            select: "link:ab",
          },
        ],
      },
    ],
  };
}

/**
 * The test document with two more links and a network without an AS number: "cable", a path of
 * three parts (its third over the antimeridian, longitudes unwrapped past 180), run by a network
 * named by id and one by AS number, planned before it was active, once renamed, with a note and
 * an assumption; and "withdrawn", planned and never built (no active interval).
 */
export function partsTopologyInput(): ReturnType<typeof validTopologyInput> {
  const doc = validTopologyInput();
  doc.networks = [
    { asn: 64500, name: "Example Net" },
    { id: "orange", name: "Orange", country: "FR", url: "https://example.org/orange" },
  ];
  doc.links.push(
    {
      id: "cable",
      name: "A Cable",
      kind: "submarine",
      from: "a",
      to: "b",
      networks: ["orange", 64500],
      active: [{ from: "2015-01-01", to: null }],
      planned: [{ from: "2012-03-01", to: "2015-01-01" }],
      formerNames: [{ name: "Old Cable", until: "2014-06-30" }],
      sources: ["src"],
      note: "Landed in three places.",
      assumptions: ["The branch to the east opened with the trunk."],
      path: [
        [
          [125.7, 39],
          [124.4, 40.1],
          [122, 38.5],
        ],
        [
          [124.4, 40.1],
          [126, 41],
        ],
        [
          [178.5, -18.1],
          [180.2, -17.5],
          [182, -16.9],
        ],
      ],
      lengthKm: 1234.5,
      countries: ["KP", "CN"],
      crossings: [{ from: "KP", to: "CN", at: [124.5, 40] }],
    },
    {
      id: "withdrawn",
      name: "Never Built",
      kind: "submarine",
      from: "b",
      to: "a",
      active: [],
      planned: [{ from: "2016-01-01", to: "2017-06-01" }],
      sources: ["src"],
      path: [
        [124.4, 40.1],
        [125.7, 39],
      ],
      lengthKm: 170,
      countries: ["CN", "KP"],
      crossings: [],
    },
  );
  return doc;
}
