import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managerUi } from "../../src/http/ui.ts";

// A stand-in build, so serving rules are tested without running Vite.
function fakeDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), "palier-ui-"));
  mkdirSync(path.join(dist, "assets"));
  writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Manager</title>");
  writeFileSync(path.join(dist, "assets", "index-Ab12Cd34.js"), "console.log('manager');");
  return dist;
}

describe("serving the Manager", () => {
  const app = Fastify({ logger: false });

  beforeAll(async () => {
    await app.register(managerUi, { dist: fakeDist() });
    await app.ready();
  });
  afterAll(() => app.close());

  it("answers any page address with index.html, never cached", async () => {
    for (const url of ["/", "/tickets/PAL-100001", "/tickets/new?service=a"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.body).toContain("<title>Manager</title>");
    }
  });

  it("serves the page for screens whose address ends like a file name (service host names)", async () => {
    const res = await app.inject({ method: "GET", url: "/services/vps-12.vps.palier.net" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
  });

  it("caches hashed assets for a year and compresses them when asked", async () => {
    const res = await app.inject({
      method: "GET",
      url: "/assets/index-Ab12Cd34.js",
      headers: { "accept-encoding": "gzip, br" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
  });

  it("keeps the API's 404 for unknown /api paths and missing files", async () => {
    for (const url of [
      "/api/v1/nothing-here",
      "/assets/gone-123.js",
      "/favicon.ico",
      "/assets/../package.json",
    ]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
  });
});
