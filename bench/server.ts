/**
 * A small static file server for the benchmark (node:http + zlib): folders mounted at URL
 * prefixes, text files sent gzip-compressed when the browser accepts it, as a static host or CDN
 * would send them. Compressed bodies are made once and kept, so a large dataset is compressed
 * before the clock starts ({@link StaticServer.warm}), not while a page waits for it.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt"]);

/** A folder served under a URL prefix that starts and ends with `/` (e.g. `/reference/`). */
export interface Mount {
  readonly prefix: string;
  readonly dir: string;
}

export interface StaticServer {
  /** The server's origin with a trailing `/`, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Compresses the file behind `path` (a URL path) now, so its first request does not wait. */
  warm(path: string): Promise<void>;
  close(): Promise<void>;
}

/** The file a URL path names under `mounts` (longest prefix first), or `null` outside them. */
export function resolvePath(mounts: readonly Mount[], urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const mount = [...mounts]
    .sort((a, b) => b.prefix.length - a.prefix.length)
    .find((m) => path.startsWith(m.prefix));
  if (!mount) return null;
  const rest = path.slice(mount.prefix.length);
  const file = normalize(
    join(mount.dir, rest.endsWith("/") || rest === "" ? `${rest}index.html` : rest),
  );
  const root = normalize(mount.dir.endsWith(sep) ? mount.dir : `${mount.dir}${sep}`);
  return file.startsWith(root) ? file : null;
}

/** Starts serving `mounts` on 127.0.0.1, on a free port. */
export async function serveStatic(mounts: readonly Mount[]): Promise<StaticServer> {
  const compressed = new Map<string, { mtimeMs: number; body: Promise<Buffer> }>();
  const gzipped = async (file: string, mtimeMs: number): Promise<Buffer> => {
    const cached = compressed.get(file);
    if (cached && cached.mtimeMs === mtimeMs) return cached.body;
    const body = readFile(file).then((raw) => gzipAsync(raw));
    compressed.set(file, { mtimeMs, body });
    return body;
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    // A mount's own path without its slash: redirect, so relative URLs in its page resolve.
    const bare = mounts.find((m) => m.prefix !== "/" && url.pathname === m.prefix.slice(0, -1));
    if (bare) {
      response.writeHead(301, { Location: `${bare.prefix}${url.search}` }).end();
      return;
    }
    const file = resolvePath(mounts, url.pathname);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
      return;
    }
    const ext = extname(file);
    const headers: Record<string, string | number> = {
      "Content-Type": TYPES[ext] ?? "application/octet-stream",
      "Cache-Control": "no-store",
      Vary: "Accept-Encoding",
    };
    const accepts = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (accepts && COMPRESSIBLE.has(ext)) {
      const body = await gzipped(file, info.mtimeMs);
      response.writeHead(200, {
        ...headers,
        "Content-Encoding": "gzip",
        "Content-Length": body.length,
      });
      response.end(request.method === "HEAD" ? undefined : body);
      return;
    }
    response.writeHead(200, { ...headers, "Content-Length": info.size });
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    async warm(path) {
      const file = resolvePath(mounts, path);
      const info = file ? await stat(file) : null;
      if (file && info) await gzipped(file, info.mtimeMs);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
