/** One event as a Server-Sent Events client parses it. */
export interface SseEvent {
  id: string | null;
  event: string;
  // biome-ignore lint/suspicious/noExplicitAny: the data is JSON checked by the assertions.
  data: any;
}

/**
 * A minimal EventSource over fetch, reading a real HTTP stream: events arrive in `events`;
 * `next` waits for one matching a predicate.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  status = 0;
  ended = false;
  private waiters: (() => void)[] = [];
  private readonly controller = new AbortController();
  private finished: Promise<void> = Promise.resolve();

  static async open(url: string, headers: Record<string, string>): Promise<SseClient> {
    const client = new SseClient();
    const response = await fetch(url, { headers, signal: client.controller.signal });
    client.status = response.status;
    if (response.ok && response.body) client.finished = client.read(response.body);
    else {
      client.ended = true;
      client.body = await response.json();
    }
    return client;
  }

  // biome-ignore lint/suspicious/noExplicitAny: a problem+json body when the stream was refused.
  body: any = null;

  /** Waits for the first event (from `from` on) matching `match`; fails after `ms`. */
  async next(match: (event: SseEvent) => boolean, from = 0, ms = 20_000): Promise<SseEvent> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = this.events.slice(from).find(match);
      if (found) return found;
      if (this.ended) throw new Error("the stream ended before the event arrived");
      const left = deadline - Date.now();
      if (left <= 0) throw new Error("timed out waiting for an event");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once the server ended the stream. */
  async closedByServer(): Promise<void> {
    await this.finished;
  }

  close(): void {
    this.controller.abort();
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let text = "";
    const reader = body.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        let end = text.indexOf("\n\n");
        while (end >= 0) {
          this.parse(text.slice(0, end));
          text = text.slice(end + 2);
          end = text.indexOf("\n\n");
        }
      }
    } catch {
      // Aborted by close(): the stream simply ends.
    } finally {
      this.ended = true;
      this.wake();
    }
  }

  private parse(block: string): void {
    let id: string | null = null;
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":") || line.startsWith("retry:")) continue;
      const [field, ...rest] = line.split(":");
      const value = rest.join(":").replace(/^ /, "");
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length === 0) return;
    this.events.push({ id, event, data: JSON.parse(data.join("\n")) });
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
