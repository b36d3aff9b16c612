/**
 * Reads the view parameters this version understands from the location hash
 * (`#t=2017-10-01&ds=north-korea&sel=link:ttk-khasan&anim=0&theme=light&proj=globe`). Pure:
 * returns what applies and a problem for each parameter that does not.
 */
import { isIsoDate } from "../model/dates";
import type { Selection } from "../state/store";

export interface HashView {
  dataset?: string;
  date?: string;
  selection?: Selection;
  animate?: boolean;
  theme?: "dark" | "light";
  projection?: "mercator" | "globe";
}

export function readHash(hash: string): { view: HashView; problems: string[] } {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const view: HashView = {};
  const problems: string[] = [];
  const bad = (key: string, value: string, why: string) => problems.push(`${key}=${value}: ${why}`);
  for (const [key, value] of params) {
    if (key === "ds") {
      if (/^[a-z0-9][a-z0-9-]*$/.test(value)) view.dataset = value;
      else bad(key, value, "not a dataset id");
    } else if (key === "t") {
      if (isIsoDate(value)) view.date = value;
      else bad(key, value, "not a date (YYYY-MM-DD)");
    } else if (key === "sel") {
      const match = /^(link|node):([a-z0-9][a-z0-9-]*)$/.exec(value);
      if (match) view.selection = { kind: match[1] as "link" | "node", id: match[2] as string };
      else bad(key, value, "not a selection (link:ID or node:ID)");
    } else if (key === "anim") {
      if (value === "0" || value === "1") view.animate = value === "1";
      else bad(key, value, "expected 0 or 1");
    } else if (key === "theme") {
      if (value === "dark" || value === "light") view.theme = value;
      else bad(key, value, "expected dark or light");
    } else if (key === "proj") {
      if (value === "mercator" || value === "globe") view.projection = value;
      else bad(key, value, "expected mercator or globe");
    }
  }
  return { view, problems };
}
