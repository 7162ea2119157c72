import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import type { Notifier } from "../db/notifier.ts";
import type { JobQueue } from "../jobs/jobs.ts";
import type { Clock } from "../lib/clock.ts";
import type { InstanceKeys } from "../lib/instance-keys.ts";
import type { Credential, Principal } from "./principal.ts";

/**
 * What every module's routes and services need: the database, settings, the clock, the job
 * queue (side effects after commit), the instance keys (signatures, sealed secrets) and the
 * database's LISTEN (the dispatcher and live streams wake on notifications).
 */
export interface AppContext {
  db: Database;
  config: Config;
  clock: Clock;
  jobs: JobQueue;
  keys: InstanceKeys;
  notifier: Notifier;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Top-level response fields never stored for Idempotency-Key replays (secrets shown once). */
    idempotencyRedact?: string[];
  }
  interface FastifyRequest {
    principal: Principal | null;
    credential: Credential | null;
    idempotency: { principal: string; key: string } | null;
  }
}
