/** File names for exported images and clips: what, when and at which scale, safe on any disk. */
import { slugify as slugifyTo } from "../model/slug";
import type { Selection } from "../state/store";

export type ExportExtension = "png" | "webm" | "mp4";

export interface FileNameParts {
  /** The dataset's id. */
  readonly dataset: string;
  /** One ISO date (a still) or a `[from, to]` range (a clip). */
  readonly dates: string | readonly [string, string];
  readonly selection: Selection | null;
  /** The image's scale (2 gives `@2x`); none for a clip. */
  readonly scale?: number;
  readonly extension: ExportExtension;
}

const MAX_PART = 60;

/** Lowercase letters, digits and single hyphens only, at most 60 characters. */
export const slugify = (text: string): string => slugifyTo(text, MAX_PART);

/** "2", "3.2": a scale as written after the `@`, to one decimal. */
export const formatScale = (scale: number): string => String(Math.round(scale * 10) / 10);

/** `uplinks-north-korea-2017-10-01-ttk-khasan@2x.png`, `uplinks-cuba-2013-01-01-to-2014-01-01.webm`. */
export function buildFileName({
  dataset,
  dates,
  selection,
  scale,
  extension,
}: FileNameParts): string {
  const when = typeof dates === "string" ? dates : `${dates[0]}-to-${dates[1]}`;
  const parts = ["uplinks", slugify(dataset), slugify(when)];
  if (selection) parts.push(slugify(selection.id));
  const base = parts.filter((p) => p !== "").join("-");
  const suffix = scale === undefined ? "" : `@${formatScale(scale)}x`;
  return `${base}${suffix}.${extension}`;
}
