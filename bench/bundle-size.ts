/**
 * The JavaScript a built page loads before anything else: the module scripts its index.html names
 * (and the modules it preloads), with everything they import statically, transitively. Dynamic
 * `import()` chunks and workers are left out: they load later, or only when a feature asks.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, normalize, posix } from "node:path";
import { gzipSync } from "node:zlib";

/** `<script type="module" src>` and `<link rel="modulepreload" href>` of an HTML page. */
export function entryScripts(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<(?:script|link)\b[^>]*>/gi)) {
    const attr = (name: string) =>
      new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, "i").exec(tag)?.[1];
    if (/^<script/i.test(tag) && attr("type") === "module" && attr("src"))
      urls.push(attr("src") as string);
    if (/^<link/i.test(tag) && attr("rel") === "modulepreload" && attr("href"))
      urls.push(attr("href") as string);
  }
  return urls;
}

/**
 * Relative specifiers of the static imports and re-exports in (minified) ES module code:
 * `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`; never `import("./x.js")`.
 */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /(?:^|[^\w$.])import\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+\s*|\{[^}]*\}\s*)?(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
    /(?:^|[^\w$.])export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*["'](\.{1,2}\/[^"']+)["']/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.add(m[1] as string);
  return [...found];
}

export interface InitialJs {
  /** Files (relative to the page's folder), in the order found. */
  readonly files: string[];
  /** Sum of each file's gzip size (zlib's default level). */
  readonly gzipBytes: number;
  readonly rawBytes: number;
}

/** The initial JavaScript of the page `html` (a file in a built site) and its gzip size. */
export async function initialJs(htmlFile: string): Promise<InitialJs> {
  const root = dirname(htmlFile);
  const html = await readFile(htmlFile, "utf8");
  const toFile = (url: string, from: string) =>
    normalize(join(url.startsWith("/") ? root : from, url.replace(/^\//, "")));
  const queue = entryScripts(html).map((url) => toFile(url, root));
  const seen = new Set<string>();
  let gzipBytes = 0;
  let rawBytes = 0;
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = await readFile(file);
    rawBytes += code.length;
    gzipBytes += gzipSync(code).length;
    for (const specifier of staticImports(code.toString("utf8")))
      queue.push(toFile(specifier, dirname(file)));
  }
  const files = [...seen].map((f) => posix.normalize(f.slice(root.length + 1)));
  return { files, gzipBytes, rawBytes };
}
