import type { Database } from "../../db/database.ts";
import type { Notifier } from "../../db/notifier.ts";
import type { Principal } from "../../http/principal.ts";
import { LIVE_CHANNEL } from "../../jobs/dispatcher.ts";
import { audienceOf, SentEvents, visibleRows } from "./policy.ts";
import {
  type DispatchedRow,
  dispatchedAfter,
  isAfter,
  latestPosition,
  type Position,
  positionOfRow,
  recentFor,
  START,
} from "./repository.ts";
import type { EventStream } from "./stream.ts";

export interface LiveHubOptions {
  /** Fallback read while streams are open, in case a notification is missed. Default 2 s. */
  pollMs?: number;
  heartbeatMs?: number;
  /** Streams end after this long; clients reconnect (re-authenticated) and resume. */
  maxStreamMs?: number;
  /** Replay on reconnect: at most this many events, none older than `replayWindowMs`. */
  replayLimit?: number;
  replayWindowMs?: number;
  /** Open streams one user or staff member may hold in this process (tabs, scripts). */
  maxStreamsPerPrincipal?: number;
}

/** Whose stream it is: one user or one staff member, whatever the session or token. */
function ownerOf(principal: Principal): string {
  return principal.kind === "user" ? `user:${principal.userId}` : `staff:${principal.staffId}`;
}

type Log = { error(obj: object, msg: string): void };

const READ_LIMIT = 1000;

/**
 * The process's fan-out of dispatched outbox rows to its open streams. Every process listens
 * to palier_live, which the dispatcher notifies at commit, and reads the rows dispatched after
 * its cursor: one process dispatches, all of them stream.
 */
export class LiveHub {
  private readonly streams = new Set<EventStream>();
  private cursor: Position = START;
  private started: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private poll: NodeJS.Timeout | null = null;
  private pulling: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private readonly options: Required<LiveHubOptions>;

  constructor(
    private readonly db: Database,
    private readonly notifier: Notifier,
    private readonly log: Log,
    options: LiveHubOptions = {},
  ) {
    this.options = {
      pollMs: 2_000,
      heartbeatMs: 15_000,
      maxStreamMs: 15 * 60_000,
      replayLimit: 500,
      replayWindowMs: 24 * 3_600_000,
      maxStreamsPerPrincipal: 10,
      ...options,
    };
  }

  /** Whether the principal may open one more stream here (each holds a connection and memory). */
  mayOpen(principal: Principal): boolean {
    const owner = ownerOf(principal);
    let open = 0;
    for (const stream of this.streams) if (ownerOf(stream.principal) === owner) open++;
    return open < this.options.maxStreamsPerPrincipal;
  }

  /**
   * Adds a stream: it replays what the principal missed after `resumeFrom` (capped), then
   * receives rows as they are dispatched. Without `resumeFrom` it starts now.
   */
  async attach(stream: EventStream, resumeFrom: Position | null): Promise<void> {
    if (this.closed) return stream.close();
    const idle = this.streams.size === 0;
    // Registered at once: `close` ends it even mid-start, and rows dispatched while the replay
    // is read wait in the stream's buffer.
    this.streams.add(stream);
    const lifetime = setTimeout(() => stream.close(), this.options.maxStreamMs);
    const heartbeat = setInterval(() => stream.heartbeat(), this.options.heartbeatMs);
    lifetime.unref();
    heartbeat.unref();
    stream.onEnd(() => {
      clearTimeout(lifetime);
      clearInterval(heartbeat);
      this.streams.delete(stream);
    });
    await this.start();
    // Idle, the hub did not read: skip what was dispatched while nobody listened.
    if (idle) this.cursor = maxPosition(this.cursor, await latestPosition(this.db));
    if (resumeFrom) {
      const { rows, upTo } = await this.replay(stream.principal, resumeFrom);
      stream.start(resumeFrom, rows, upTo);
    } else {
      const now = await latestPosition(this.db);
      stream.start(now, [], now);
    }
  }

  /** Reads and fans out what was dispatched since the last read. */
  pull(): void {
    if (this.closed || this.streams.size === 0) return;
    if (this.pulling) {
      this.again = true;
      return;
    }
    this.pulling = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, "live stream read failed"))
      .finally(() => {
        this.pulling = null;
        if (this.again) {
          this.again = false;
          this.pull();
        }
      });
  }

  /** Ends every stream (so the HTTP server can close) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    for (const stream of [...this.streams]) stream.close();
    this.streams.clear();
    await this.pulling;
    await this.unlisten?.();
  }

  private start(): Promise<void> {
    this.started ??= (async () => {
      this.unlisten = await this.notifier.listen(LIVE_CHANNEL, () => this.pull());
      this.poll = setInterval(() => this.pull(), this.options.pollMs);
      this.poll.unref();
    })();
    return this.started;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = await dispatchedAfter(this.db, this.cursor, READ_LIMIT);
      const last = rows.at(-1);
      if (!last) return;
      this.cursor = positionOfRow(last);
      for (const stream of this.streams) stream.offer(rows);
      if (rows.length < READ_LIMIT) return;
    }
  }

  /** What the principal may see after `after`: the newest `replayLimit` events of the window. */
  private async replay(
    principal: Principal,
    after: Position,
  ): Promise<{ rows: DispatchedRow[]; upTo: Position }> {
    const since = new Date(Date.now() - this.options.replayWindowMs);
    // Read more than the cap: the prefilter lets through ticket events an agent may not see.
    const limit = this.options.replayLimit * 4;
    const rows = await recentFor(this.db, audienceOf(principal), after, since, limit);
    const last = rows.at(-1);
    const visible = visibleRows(principal, rows, new SentEvents());
    return {
      rows: visible.slice(-this.options.replayLimit),
      upTo: last ? positionOfRow(last) : after,
    };
  }
}

function maxPosition(a: Position, b: Position): Position {
  return isAfter(a, b) ? a : b;
}
