import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  /** RCPT TO addresses of the SMTP envelope. */
  rcptTo: string[];
  mailFrom: string;
  parsed: ParsedMail;
}

/** A real SMTP server on a random local port that keeps every message it accepts, parsed. */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  private readonly parsing = new Set<Promise<void>>();
  private server: SMTPServer | null = null;
  private port = 0;

  /** Starts listening (on a new random port, or on `port`); returns the SMTP URL. */
  async start(port = 0): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, session, callback) => {
        const done = simpleParser(stream).then(
          (parsed) => {
            this.messages.push({
              rcptTo: session.envelope.rcptTo.map((r) => r.address),
              mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
              parsed,
            });
            callback();
          },
          (err: Error) => callback(err),
        );
        this.parsing.add(done);
        void done.finally(() => this.parsing.delete(done));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this.url;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The messages received for `address` (envelope recipient), once parsing finished. */
  async to(address: string): Promise<ParsedMail[]> {
    await Promise.all(this.parsing);
    return this.messages
      .filter((m) => m.rcptTo.some((r) => r.toLowerCase() === address.toLowerCase()))
      .map((m) => m.parsed);
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
