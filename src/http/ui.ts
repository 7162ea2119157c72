import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { notFoundHandler } from "./errors.ts";

const DEFAULT_DIST = fileURLToPath(new URL("../../ui/dist", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".txt"]);

// Vite names every file under assets/ by its content hash: a changed file is a new URL, so the
// old one may be cached for a year. index.html names the current hashes and must never be cached.
const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";
// The Manager loads only its own scripts and styles and calls only its own API.
const PAGE_POLICY =
  "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; " +
  "form-action 'self'; frame-ancestors 'none'";

interface Asset {
  body: Buffer;
  gzip: Buffer | null;
  type: string;
  cache: string;
}

function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  );
}

/**
 * The built UI, read once at start into memory (it is a few hundred kilobytes) with a gzip copy
 * of each text file, so a request never touches the disk and only names listed here are served:
 * there is no path to traverse.
 */
function loadAssets(dist: string): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const file of listFiles(dist)) {
    const ext = path.extname(file);
    const body = readFileSync(path.join(dist, file));
    assets.set(`/${file}`, {
      body,
      gzip: COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null,
      type: TYPES[ext] ?? "application/octet-stream",
      cache: file.startsWith("assets/") ? IMMUTABLE : REVALIDATE,
    });
  }
  return assets;
}

function send(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  const accepts = String(request.headers["accept-encoding"] ?? "");
  const gzip = asset.gzip && /\bgzip\b/.test(accepts) ? asset.gzip : null;
  reply.header("content-type", asset.type).header("cache-control", asset.cache);
  reply.header("x-content-type-options", "nosniff").header("vary", "accept-encoding");
  if (gzip) reply.header("content-encoding", "gzip");
  if (asset.type.startsWith("text/html")) {
    reply.header("content-security-policy", PAGE_POLICY).header("referrer-policy", "same-origin");
  }
  return reply.send(gzip ?? asset.body);
}

/**
 * Serves the Manager (the single-page application in ui/) at /: files from ui/dist, and
 * index.html for any other GET outside /api, so a bookmarked /tickets/PAL-100001 opens the app,
 * which routes it. Unknown /api paths and missing files keep the API's problem+json 404.
 */
export async function managerUi(app: FastifyInstance, options: { dist?: string } = {}) {
  const dist = options.dist ?? DEFAULT_DIST;
  const built = existsSync(path.join(dist, "index.html"));
  const assets = built ? loadAssets(dist) : new Map<string, Asset>();
  const index = assets.get("/index.html");
  if (!built) app.log.warn({ dist }, "the Manager is not built: run npm run ui:build");

  app.get(
    "/*",
    // Page loads are not API calls: they do not spend the client's API rate limit.
    { schema: { hide: true }, config: { rateLimit: false } },
    async (request, reply) => {
      const pathname = request.url.split("?")[0] ?? "/";
      const asset = assets.get(pathname);
      if (asset) return send(request, reply, asset);
      // Files sit at the top (/favicon.ico) or under /assets/; deeper dotted paths are screens
      // (/services/vps-1.example.net: service names are host names).
      const looksLikeFile =
        /^\/[^/]+\.[a-z0-9]+$/i.test(pathname) || pathname.startsWith("/assets/");
      if (pathname.startsWith("/api/") || looksLikeFile) return notFoundHandler(request, reply);
      if (!index) {
        return reply
          .code(503)
          .type("text/plain; charset=utf-8")
          .send("The Manager is not built. Run `npm run ui:build`, then restart.\n");
      }
      return send(request, reply, index);
    },
  );
}
