/**
 * The level of detail's pixel difference: the app's view with level of detail and the same view
 * with whole paths (`?detail=full`), both still (`anim=0`) and settled, compared pixel by pixel
 * over the map outside the panels, as the ink measure compares (bench/ink.ts: a pixel differs
 * when |ΔR| + |ΔG| + |ΔB| > 24).
 */
import type { Browser } from "@playwright/test";
import { openSettled } from "./cartography-page";
import { inkShare } from "./ink";
import { VIEWPORT } from "./measure";

/** The regional view: zoom 5 over Europe (`map=` and the reference page's `view=`). */
export const REGIONAL_VIEW = { id: "europe-5", camera: "5/50/10" } as const;

/** `url` (the app, its state in the hash) with `?detail=full`: whole paths, nothing culled. */
export function fullDetailUrl(url: string): string {
  const hash = url.indexOf("#");
  const base = hash < 0 ? url : url.slice(0, hash);
  const rest = hash < 0 ? "" : url.slice(hash);
  const [path, query = ""] = base.split("?") as [string, string?];
  const params = new URLSearchParams(query);
  params.set("detail", "full");
  return `${path}?${params}${rest}`;
}

/** `url`'s hash with the flow animation off (`anim=0`), whatever it said. */
export function stillUrl(url: string): string {
  const hash = url.indexOf("#");
  if (hash < 0) return `${url}#anim=0`;
  const params = url
    .slice(hash + 1)
    .split("&")
    .filter((p) => p && !p.startsWith("anim="));
  return `${url.slice(0, hash)}#${[...params, "anim=0"].join("&")}`;
}

export interface PixelDiff {
  /** Percent of the counted pixels that differ. */
  readonly percent: number;
  readonly changed: number;
  readonly counted: number;
}

/** Opens the app at `url` still, with and without level of detail, and compares the two. */
export async function measurePixelDiff(browser: Browser, url: string): Promise<PixelDiff> {
  const still = stillUrl(url);
  const detail = await openSettled(browser, still, VIEWPORT);
  const full = await openSettled(browser, fullDetailUrl(still), VIEWPORT);
  const result = inkShare(detail.image, full.image, { area: detail.map, panels: detail.panels });
  if (result.share === null) throw new Error("no map pixels to compare");
  return { percent: result.share * 100, changed: result.changed, counted: result.counted };
}
