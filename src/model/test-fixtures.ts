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
