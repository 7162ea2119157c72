import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { buildApp } from "../../src/http/app.ts";
import type { App } from "../../src/http/context.ts";
import { testContext } from "../helpers/context.ts";

const INDEX = fileURLToPath(new URL("../../ui/dist/index.html", import.meta.url));

export interface RunningApp {
  app: App;
  url: string;
  close(): Promise<void>;
}

/**
 * The worker's shared test database behind a real HTTP listener on a free port, serving the
 * built Manager: the browser needs a socket, which the shared app (inject only) does not open.
 */
export async function serveManager(): Promise<RunningApp> {
  if (!existsSync(INDEX)) {
    throw new Error("ui/dist is missing: run `npm run ui:build` (npm install does it) first");
  }
  const ctx = await testContext();
  const app = await buildApp(ctx, { logger: false, rateLimitPerMinute: 1_000_000 });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
