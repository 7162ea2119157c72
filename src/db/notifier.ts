import type { PGlite } from "@electric-sql/pglite";
import { type Kysely, sql } from "kysely";
import pg from "pg";

export type NotifyCallback = (payload: string) => void;

/**
 * LISTEN for both engines. A notification only says "look again": listeners re-read the
 * database, so a missed notification costs latency, never data (each listener also polls).
 */
export interface Notifier {
  /** Calls `onNotify` for each NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onNotify: NotifyCallback): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new Error(`Not a channel name: ${channel}`);
}

/** Fans one connection's notifications out to the callbacks registered per channel. */
class Listeners {
  readonly byChannel = new Map<string, Set<NotifyCallback>>();

  add(channel: string, callback: NotifyCallback): boolean {
    const set = this.byChannel.get(channel) ?? new Set();
    const first = set.size === 0;
    set.add(callback);
    this.byChannel.set(channel, set);
    return first;
  }

  remove(channel: string, callback: NotifyCallback): boolean {
    const set = this.byChannel.get(channel);
    if (!set?.delete(callback)) return false;
    if (set.size > 0) return false;
    this.byChannel.delete(channel);
    return true;
  }

  emit(channel: string, payload: string): void {
    for (const callback of this.byChannel.get(channel) ?? []) callback(payload);
  }

  emitAll(payload: string): void {
    for (const channel of this.byChannel.keys()) this.emit(channel, payload);
  }
}

/**
 * PGlite is one session: LISTEN is sent through the app's pool (so it never lands inside another
 * caller's transaction) and PGlite hands every notification of the session to onNotification,
 * including the ones this same process sent.
 */
export class PGliteNotifier implements Notifier {
  private readonly listeners = new Listeners();
  private readonly detach: () => void;

  constructor(
    lite: PGlite,
    private readonly db: Kysely<unknown>,
  ) {
    this.detach = lite.onNotification((channel, payload) => this.listeners.emit(channel, payload));
  }

  async listen(channel: string, onNotify: NotifyCallback): Promise<() => Promise<void>> {
    checkChannel(channel);
    if (this.listeners.add(channel, onNotify)) {
      await sql`listen ${sql.id(channel)}`.execute(this.db);
    }
    return async () => {
      if (this.listeners.remove(channel, onNotify)) {
        await sql`unlisten ${sql.id(channel)}`.execute(this.db).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.detach();
    this.listeners.byChannel.clear();
  }
}

/**
 * On PostgreSQL a pooled connection cannot LISTEN (it changes hands), so the notifier keeps one
 * dedicated client, opened on first use and reopened after a failure. After reopening it calls
 * every listener once, since notifications sent while it was away are lost.
 */
export class PostgresNotifier implements Notifier {
  private readonly listeners = new Listeners();
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryMs = 500;
  private closed = false;

  constructor(private readonly databaseUrl: string) {}

  async listen(channel: string, onNotify: NotifyCallback): Promise<() => Promise<void>> {
    checkChannel(channel);
    const first = this.listeners.add(channel, onNotify);
    try {
      const client = await this.connect();
      // LISTEN twice is harmless, when the connection just opened with this channel already.
      if (first) await client.query(`listen ${channel}`);
    } catch {
      // The database is away: listeners poll meanwhile, and hear again once it is back.
      if (this.client) this.lost(this.client);
      else this.scheduleReconnect();
    }
    return async () => {
      if (this.listeners.remove(channel, onNotify) && this.client) {
        await this.client.query(`unlisten ${channel}`).catch(() => undefined);
      }
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.byChannel.clear();
    const client = this.client ?? (await this.connecting?.catch(() => null));
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on("notification", (message) =>
      this.listeners.emit(message.channel, message.payload ?? ""),
    );
    client.on("error", () => this.lost(client));
    client.on("end", () => this.lost(client));
    await client.connect();
    for (const channel of this.listeners.byChannel.keys()) await client.query(`listen ${channel}`);
    if (this.closed) {
      await client.end();
      throw new Error("The notifier is closed");
    }
    this.client = client;
    this.retryMs = 500;
    return client;
  }

  /** Drops a broken connection and reconnects with a growing delay while anyone listens. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer || this.listeners.byChannel.size === 0) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect().then(
        () => this.listeners.emitAll(""),
        () => this.scheduleReconnect(),
      );
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, 30_000);
  }
}

/** For contexts opened without a notifier: nothing is announced, listeners rely on polling. */
export const pollingOnly: Notifier = {
  async listen() {
    return async () => {};
  },
  async close() {},
};
