/** Colours of the data layers, per theme: bright on the dark map, deep on the light one. */
import type { EventKind, LinkKind } from "../model/schema";
import type { ThemeName } from "../state/store";

export type RGB = readonly [number, number, number];

export interface DataPalette {
  readonly links: Readonly<Record<LinkKind, RGB>>;
  readonly disrupted: RGB;
  readonly selected: RGB;
  readonly node: RGB;
  readonly nodeIdle: RGB;
  readonly nodeStroke: RGB;
  readonly crossing: RGB;
  readonly label: RGB;
  readonly labelHalo: RGB;
  readonly countryLabel: RGB;
  readonly events: Readonly<Record<EventKind, RGB>>;
  /** Compare mode: links only at date A (gone by B), only at B (new since A), and at both. */
  readonly compare: { readonly onlyA: RGB; readonly onlyB: RGB; readonly both: RGB };
}

const EVENTS_DARK: Record<EventKind, RGB> = {
  activation: [94, 230, 160],
  retirement: [160, 170, 190],
  outage: [255, 77, 94],
  attack: [255, 140, 66],
  reroute: [180, 140, 255],
  note: [120, 200, 255],
};

export const DATA_PALETTES: Readonly<Record<ThemeName, DataPalette>> = {
  dark: {
    links: {
      terrestrial: [53, 208, 255],
      submarine: [140, 150, 255],
      satellite: [255, 181, 71],
      microwave: [94, 230, 160],
      peering: [228, 124, 255],
    },
    disrupted: [255, 77, 94],
    selected: [255, 255, 255],
    node: [255, 221, 120],
    nodeIdle: [110, 122, 140],
    nodeStroke: [11, 18, 32],
    crossing: [255, 255, 255],
    label: [236, 241, 248],
    labelHalo: [11, 18, 32],
    countryLabel: [125, 140, 165],
    events: EVENTS_DARK,
    compare: { onlyA: [255, 128, 92], onlyB: [94, 230, 160], both: [150, 176, 210] },
  },
  light: {
    links: {
      terrestrial: [0, 112, 180],
      submarine: [76, 63, 209],
      satellite: [196, 106, 0],
      microwave: [19, 138, 82],
      peering: [160, 32, 176],
    },
    disrupted: [214, 31, 52],
    selected: [20, 20, 20],
    node: [180, 110, 0],
    nodeIdle: [150, 155, 165],
    nodeStroke: [255, 255, 255],
    crossing: [30, 30, 30],
    label: [25, 30, 40],
    labelHalo: [255, 255, 255],
    countryLabel: [120, 125, 135],
    events: {
      activation: [19, 138, 82],
      retirement: [110, 115, 125],
      outage: [214, 31, 52],
      attack: [200, 90, 0],
      reroute: [110, 60, 200],
      note: [0, 112, 180],
    },
    compare: { onlyA: [196, 64, 24], onlyB: [12, 128, 72], both: [104, 120, 142] },
  },
};

/** `#rrggbb` for CSS. */
export const toHex = ([r, g, b]: RGB) =>
  `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`;
