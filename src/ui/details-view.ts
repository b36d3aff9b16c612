/**
 * The details panel's elements, drawn from `details-model.ts`. Dataset text is set as text.
 * What a button does is a callback.
 */
import type {
  DetailsNotes,
  EventRow,
  IntervalRow,
  LicenseRow,
  LinkDetails,
  LinkStatus,
  NodeDetails,
  PlaceRow,
  SourceRow,
} from "./details-model";
import { h } from "./dom";

/** What the panel's buttons do. */
export interface DetailsActions {
  /** The × button: clears the selection. */
  readonly close: () => void;
  /** A related event: moves the timeline to its date. */
  readonly goToDate: (date: string) => void;
  /** A link through the node shown: selects it. */
  readonly selectLink: (id: string) => void;
  /** A place the link shown lands at or passes: selects it. */
  readonly selectNode: (id: string) => void;
}

/** The panel, hidden until something is selected; its heading is `details-title`. */
export const createDetailsPanel = (): HTMLElement =>
  h("aside", { class: "details", "aria-labelledby": "details-title", hidden: true, tabindex: -1 });

type Child = Node | string | false | null | undefined;

const section = (title: string, ...children: Child[]) =>
  h("section", { class: "details-section" }, h("h3", {}, title), ...children);

const header = (eyebrow: string, title: string, actions: DetailsActions) => {
  const close = h("button", { type: "button", class: "close", "aria-label": "Close details" }, "×");
  close.addEventListener("click", actions.close);
  return h(
    "header",
    {},
    h("p", { class: "eyebrow" }, eyebrow),
    h("h2", { id: "details-title" }, title),
    close,
  );
};

/** An address outside the app: opened in a new tab, telling it nothing of this page. */
const outLink = (href: string, text: string) =>
  h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text);

/** "License: CC BY-NC-SA 3.0" (linked to its text), then the credit it asks for. */
const licenseLine = (label: string, license: LicenseRow) =>
  h(
    "span",
    { class: "license" },
    `${label}: `,
    license.href ? outLink(license.href, license.name) : license.name,
    license.attribution && h("span", { class: "license-attribution" }, license.attribution),
  );

const sourceList = (rows: readonly SourceRow[]) =>
  h(
    "ol",
    { class: "sources" },
    ...rows.map((source) =>
      h(
        "li",
        {},
        source.href
          ? outLink(source.href, source.title)
          : h("span", { class: "source-title" }, source.title),
        source.meta && h("span", { class: "source-meta" }, source.meta),
        source.note && h("span", { class: "source-note" }, source.note),
        source.license && licenseLine("License", source.license),
      ),
    ),
  );

const eventList = (rows: readonly EventRow[], actions: DetailsActions) =>
  h(
    "ul",
    { class: "events" },
    ...rows.map((e) => {
      const button = h(
        "button",
        { type: "button", class: `event-item event-${e.kind}` },
        h("span", { class: "event-date" }, e.when),
        h("span", {}, e.title),
      );
      button.addEventListener("click", () => actions.goToDate(e.date));
      return h("li", {}, button);
    }),
  );

const eventsSection = (rows: readonly EventRow[], actions: DetailsActions) =>
  rows.length > 0 && section("Events", eventList(rows, actions));

const notes = (record: DetailsNotes): Child[] => [
  record.dispute && h("p", { class: "dispute" }, h("strong", {}, "Disputed: "), record.dispute),
  record.note && h("p", { class: "note" }, record.note),
  record.assumptions.length > 0 &&
    h(
      "div",
      { class: "assumptions" },
      h("strong", {}, "Assumed, not reported:"),
      h("ul", {}, ...record.assumptions.map((a) => h("li", {}, a))),
    ),
];

/** The dataset's license, below its sources. */
const licenseSection = (license: LicenseRow | undefined) =>
  license && section("License", h("p", {}, licenseLine("Dataset", license)));

const intervalList = (rows: readonly IntervalRow[]) =>
  h(
    "ul",
    {},
    ...rows.map((i) =>
      h("li", {}, i.span, i.note && h("span", { class: "interval-note" }, i.note)),
    ),
  );

/** The link's places as buttons that select them; a place the dataset lacks, as text. */
const placeList = (rows: readonly PlaceRow[], actions: DetailsActions) =>
  h(
    "ul",
    { class: "places" },
    ...rows.map((place) => {
      if (!place.known) return h("li", {}, place.name);
      const button = h("button", { type: "button", class: "link-ref" }, place.name);
      button.addEventListener("click", () => actions.selectNode(place.id));
      return h("li", {}, button);
    }),
  );

/** Only elements go in the panel: the sections left out are `false`, `""` or `undefined`. */
const elements = (children: Child[]): HTMLElement[] =>
  children.filter((c): c is HTMLElement => c instanceof Node);

/** Writes a link's status into its paragraph (rewritten as the date changes). */
export function renderStatus(element: HTMLElement, status: LinkStatus): void {
  element.className = `status status-${status.tone}`;
  element.textContent = status.text;
}

/**
 * The panel's content for a link, and its status paragraph, empty: `renderStatus` fills it in, and
 * again on each change of date.
 */
export function renderLinkDetails(
  details: LinkDetails,
  actions: DetailsActions,
): { content: HTMLElement[]; status: HTMLElement } {
  const status = h("p", {});
  const content = elements([
    header(details.eyebrow, details.title, actions),
    status,
    section("Route", h("p", {}, details.route), h("p", { class: "facts" }, details.length)),
    details.formerNames.length > 0 &&
      section(
        "Former names",
        h(
          "ul",
          {},
          ...details.formerNames.map((f) =>
            h("li", {}, f.name, f.until && h("span", { class: "muted" }, ` (until ${f.until})`)),
          ),
        ),
      ),
    details.places.length > 0 && section(details.placesTitle, placeList(details.places, actions)),
    details.operators.length > 0 &&
      section(
        "Operated by",
        h(
          "ul",
          {},
          ...details.operators.map((o) =>
            h(
              "li",
              {},
              o.asn && h("span", { class: "asn" }, o.asn),
              o.asn && o.name && " ",
              o.name,
            ),
          ),
        ),
      ),
    section(
      "Active",
      details.intervals.length > 0
        ? intervalList(details.intervals)
        : h("p", { class: "muted" }, "Never in service."),
    ),
    details.planned.length > 0 && section("Planned", intervalList(details.planned)),
    section(
      "Countries and border crossings",
      h("p", {}, details.countries),
      details.crossings.length > 0
        ? h(
            "ul",
            {},
            ...details.crossings.map((c) =>
              h(
                "li",
                {},
                h("strong", {}, c.label),
                c.near,
                h("span", { class: "coords" }, ` ${c.coordinates}`),
              ),
            ),
          )
        : h("p", { class: "muted" }, details.noCrossing),
    ),
    ...notes(details.notes),
    eventsSection(details.events, actions),
    section("Sources", sourceList(details.sources)),
    licenseSection(details.license),
  ]);
  return { content, status };
}

/** The panel's content for a node. */
export function renderNodeDetails(details: NodeDetails, actions: DetailsActions): HTMLElement[] {
  const links = details.links.map((l) => {
    const button = h("button", { type: "button", class: "link-ref" }, l.name);
    button.addEventListener("click", () => actions.selectLink(l.id));
    return h("li", {}, button, h("span", { class: "muted" }, ` ${l.activity}`));
  });
  return elements([
    header(details.eyebrow, details.title, actions),
    h("p", { class: "facts" }, details.coordinates),
    ...notes(details.notes),
    section("Links", h("ul", {}, ...links)),
    eventsSection(details.events, actions),
    section("Sources", sourceList(details.sources)),
    licenseSection(details.license),
  ]);
}
