import type { ServerResponse } from "node:http";
import type { Principal } from "../../http/principal.ts";
import { SentEvents, visibleRows } from "./policy.ts";
import { presentLiveEvent } from "./presenter.ts";
import { type DispatchedRow, isAfter, type Position, positionOfRow, START } from "./repository.ts";

/** Past this much unsent output the client is too slow: it is dropped and resumes on reconnect. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/**
 * One client's Server-Sent Events stream. Rows the hub offers before the stream knows where it
 * starts (while its replay is read) wait in a buffer; afterwards each row is sent at most once,
 * in position order, if the principal may see it.
 */
export class EventStream {
  private position: Position = START;
  private buffer: DispatchedRow[] | null = [];
  private readonly sent = new SentEvents();
  private closed = false;
  private readonly endListeners: (() => void)[] = [];

  constructor(
    private readonly raw: ServerResponse,
    readonly principal: Principal,
  ) {
    raw.on("close", () => this.close());
  }

  /** Runs `listener` once the stream ends, whoever ends it (client, hub, lifetime). */
  onEnd(listener: () => void): void {
    if (this.closed) listener();
    else this.endListeners.push(listener);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Rows newly dispatched, in position order; filtered here, per principal. */
  offer(rows: readonly DispatchedRow[]): void {
    if (this.closed || rows.length === 0) return;
    if (this.buffer) this.buffer.push(...rows);
    else this.send(rows);
  }

  /**
   * Sends the replay (rows after `from`), then goes live after `upTo`, the last position the
   * replay read, starting with whatever the hub offered meanwhile.
   */
  start(from: Position, replay: readonly DispatchedRow[], upTo: Position): void {
    this.position = from;
    this.send(replay);
    if (isAfter(upTo, this.position)) this.position = upTo;
    const buffered = this.buffer ?? [];
    this.buffer = null;
    this.send(buffered);
  }

  /** A comment line: keeps proxies from closing an idle stream. */
  heartbeat(): void {
    this.write(": keep-alive\n\n");
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.buffer = null;
    if (!this.raw.writableEnded) this.raw.end();
    for (const listener of this.endListeners.splice(0)) listener();
  }

  private send(rows: readonly DispatchedRow[]): void {
    const fresh = rows.filter((row) => isAfter(positionOfRow(row), this.position));
    const last = fresh.at(-1);
    if (!last) return;
    this.position = positionOfRow(last);
    for (const row of visibleRows(this.principal, fresh, this.sent)) {
      const event = presentLiveEvent(row);
      this.write(`id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }
  }

  private write(text: string): void {
    if (this.closed) return;
    this.raw.write(text);
    if (this.raw.writableLength > MAX_BUFFERED_BYTES) this.close();
  }
}
