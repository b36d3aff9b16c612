/**
 * The elements that lie over the map: the left column, the phone's buttons, the toolbar's buttons,
 * the legend, the details, the banners, the story's caption, the timeline, the attribution and the
 * messages. The app keeps place names out from under them (`panelBoxes`); the bench leaves them out
 * of the map it measures (bench/cartography-page.ts).
 */
export const PANEL_SELECTORS: readonly string[] = [
  ".left-column > *",
  ".phone-bar > *",
  ".toolbar > *",
  ".legend-root > *",
  "#details-root > *",
  ".banner-root > *",
  "#story-root > *",
  ".timeline-root",
  ".maplibregl-ctrl-attrib",
  ".messages > *",
];
