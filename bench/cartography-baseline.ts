/**
 * The cartography report's baseline: the figures of `npm run bench:map` on 2026-12-05 on a build
 * of commit 9d7fa9b, the app before issue #25 ("Cartography at scale"). The regional view's ink
 * is held to it, and the table prints it beside each view. That app published no
 * `uplinks:labels` mark, so its names are not counted; its screenshots show a name beside nearly
 * every landing point at the world views. To move the baseline, copy the figures of a run from
 * bench/results-map.json.
 */
import type { MapBaseline } from "./cartography-report";

export const MAP_BASELINE: MapBaseline = {
  date: "2026-12-05",
  build: "9d7fa9b",
  views: {
    "world-1920": {
      ink: 0.1787159683242901, // 257,932 of 1,443,251 pixels
      mapPixels: 1_443_251,
      labels: null,
    },
    "world-1280": {
      ink: 0.2428685063687587, // 116,939 of 481,491
      mapPixels: 481_491,
      labels: null,
    },
    "europe-1280": {
      ink: 0.17023994217960461, // 81,969 of 481,491
      mapPixels: 481_491,
      labels: null,
    },
  },
  // From the screenshots: Tumangang, 2–3 px from Khasan, had no name; nor had China or Russia.
  places: {
    "nk-opening": "8 of 9 named (by eye)",
    "nk-z5": "7 of 8 named (by eye)",
  },
};
