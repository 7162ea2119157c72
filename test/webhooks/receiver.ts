import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A real HTTP server standing in for an integrator's webhook endpoint, on a random port. */

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  /** The body exactly as received, what signatures are computed over. */
  body: string;
}

/** Decides the status of each request (null: never answer); the default answers 204. */
export type Responder = (request: Received) => number | null;

export class Receiver {
  readonly requests: Received[] = [];
  respond: Responder = () => 204;
  private server: http.Server | null = null;
  private constructor(public port: number) {}

  static async start(): Promise<Receiver> {
    const receiver = new Receiver(0);
    await receiver.listen(0);
    return receiver;
  }

  /** An address nothing listens on yet: the receiver starts "down" until `up()`. */
  static async down(): Promise<Receiver> {
    const receiver = await Receiver.start();
    await receiver.stop();
    return receiver;
  }

  url(path = "/hooks/palier"): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Requests carrying one event id. */
  forEvent(eventId: string): Received[] {
    return this.requests.filter((r) => r.headers["palier-event-id"] === eventId);
  }

  async up(): Promise<void> {
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(port: number): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const received: Received = {
          path: req.url ?? "",
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        };
        this.requests.push(received);
        const status = this.respond(received);
        if (status === null) return;
        res.writeHead(status, status >= 300 && status < 400 ? { location: "/elsewhere" } : {});
        res.end();
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        this.port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  }
}
