import path from "node:path";

/** Runtime configuration, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections per serving process (PGlite has one). */
  databasePoolSize: number;
  logLevel: string;
  /** Days before an open contact-change task expires. */
  contactChangeTtlDays: number;
  rateLimitPerMinute: number;
  sessionTtlHours: number;
  /** Public base URL used in links sent to customers. */
  publicUrl: string;
  /** Where a product's documentation lives; `{product}` is replaced by the product code. */
  productDocsUrl: string;
  trustProxy: boolean;
  /** Outgoing mail transport (`smtp://user:pass@host:587`); unset keeps mail in the developer mailbox. */
  smtpUrl: string | undefined;
  /** Where the built-in SMTP server listens (`host:port`), or null when set to `off`. */
  smtpListen: { host: string; port: number } | null;
  /** The From of notifications, e.g. `Palier Support <support@example.com>`. */
  mailFrom: string;
  /** The address customers write to; reply addresses are built from it. */
  supportAddress: string;
  /** Largest inbound message accepted at the SMTP level, in bytes. */
  inboundMaxBytes: number;
  /** Whether account webhooks may reach private, loopback and reserved addresses. */
  webhookAllowPrivateTargets: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number.parseInt(raw, 10);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}

function listenFrom(raw: string): { host: string; port: number } | null {
  if (raw === "off") return null;
  const match = /^(.*):(\d+)$/.exec(raw);
  if (!match) throw new Error(`SMTP_LISTEN must be host:port or off, got "${raw}"`);
  return { host: match[1] || "127.0.0.1", port: Number(match[2]) };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFrom(env, "PORT", 8080);
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    dataDir: path.resolve(env.PALIER_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolSize: intFrom(env, "DATABASE_POOL_SIZE", 10),
    logLevel: env.LOG_LEVEL ?? "info",
    contactChangeTtlDays: intFrom(env, "CONTACT_CHANGE_TTL_DAYS", 7),
    rateLimitPerMinute: intFrom(env, "RATE_LIMIT_PER_MINUTE", 600),
    sessionTtlHours: intFrom(env, "SESSION_TTL_HOURS", 12),
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${port}`,
    // Until a provider points this at its documentation site, the published responsibility
    // matrix of the product (a page that exists) is the link customers get.
    productDocsUrl:
      env.PRODUCT_DOCS_URL ??
      `${(env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, "")}/api/v1/catalog/products/{product}/responsibilities`,
    trustProxy: env.TRUST_PROXY === "true",
    smtpUrl: env.SMTP_URL || undefined,
    smtpListen: listenFrom(env.SMTP_LISTEN ?? "127.0.0.1:2525"),
    mailFrom:
      env.MAIL_FROM ?? `Palier Support <${env.SUPPORT_ADDRESS ?? "support@palier.localhost"}>`,
    supportAddress: env.SUPPORT_ADDRESS ?? "support@palier.localhost",
    inboundMaxBytes: intFrom(env, "INBOUND_MAX_BYTES", 30 * 1024 * 1024),
    webhookAllowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === "true",
  };
}
