import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";
import type { AppContext } from "../../http/context.ts";
import type { JobContext } from "../../jobs/jobs.ts";
import { receiveMessage } from "./receive.ts";
import { domainOf } from "./threading.ts";

export type SmtpLog = JobContext["log"];

export interface InboundSmtpOptions {
  /** Where to listen instead of `config.smtpListen` (tests pass port 0). */
  listen?: { host: string; port: number };
  /**
   * Offer STARTTLS with this key and certificate (PEM). Without it STARTTLS is not offered:
   * the default listens on localhost behind the provider's MX relay, which does the TLS.
   */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Name in the greeting and EHLO answer; defaults to the support address's domain. */
  serverName?: string;
  /** Called once a message and its job are committed (serve wakes its job workers). */
  onStored?: (id: string) => void;
}

export interface InboundSmtp {
  /** The port actually bound (useful with port 0). */
  port: number;
  /** Stops accepting connections and waits for open sessions to end. */
  close(): Promise<void>;
}

/** Most recipients one message may name; mail to more is a mass mailing, not a request. */
const MAX_RECIPIENTS = 50;

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The built-in SMTP server: accepts mail for the support address's domain, at most
 * `config.inboundMaxBytes` (announced with SIZE, enforced while reading), stores each message
 * with its processing job in one transaction and answers 250 only after that commit.
 * Returns null when `SMTP_LISTEN=off` and no explicit address is given.
 */
export async function startInboundSmtp(
  ctx: AppContext,
  log: SmtpLog,
  options: InboundSmtpOptions = {},
): Promise<InboundSmtp | null> {
  const listen = options.listen ?? ctx.config.smtpListen;
  if (!listen) return null;
  const domain = domainOf(ctx.config.supportAddress);
  const maxBytes = ctx.config.inboundMaxBytes;

  const server = new SMTPServer({
    name: options.serverName ?? domain,
    banner: "Palier inbound mail",
    size: maxBytes,
    authOptional: true,
    // No accounts sign in to deliver mail here; TLS only when a certificate is given.
    disabledCommands: options.tls ? ["AUTH"] : ["AUTH", "STARTTLS"],
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, session, callback) {
      if (domainOf(address.address) !== domain) {
        return callback(smtpError(550, `No such recipient here: we accept mail for @${domain}`));
      }
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) {
        return callback(smtpError(452, "Too many recipients"));
      }
      callback();
    },
    onData(stream, session, callback) {
      collect(stream, session, callback);
    },
  });

  function collect(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => {
      // Past the limit the rest is read and dropped, never held in memory.
      if (!stream.sizeExceeded) chunks.push(chunk);
    });
    stream.on("error", (error) => {
      log.warn({ err: error, remote: session.remoteAddress }, "inbound mail stream failed");
    });
    stream.on("end", () => {
      const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
      const envelopeTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      if (stream.sizeExceeded) {
        log.warn(
          { remote: session.remoteAddress, from: envelopeFrom, to: envelopeTo, limit: maxBytes },
          "inbound mail refused: over the size limit",
        );
        return callback(smtpError(552, `Message exceeds the fixed maximum of ${maxBytes} bytes`));
      }
      receiveMessage(ctx, {
        raw: Buffer.concat(chunks),
        envelopeFrom,
        envelopeTo,
        remoteAddress: session.remoteAddress || null,
      }).then(
        (id) => {
          log.info({ inboundId: id, from: envelopeFrom, to: envelopeTo }, "inbound mail stored");
          options.onStored?.(String(id));
          callback(null, `Queued as ${id}`);
        },
        (error: unknown) => {
          // Not stored: a temporary failure makes the sending server try again later.
          log.error({ err: error, from: envelopeFrom }, "inbound mail could not be stored");
          callback(smtpError(451, "Temporary failure storing the message, try again later"));
        },
      );
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", (error) => log.error({ err: error }, "inbound SMTP server error"));
  const port = (server.server.address() as AddressInfo).port;
  log.info({ host: listen.host, port, domain }, "inbound SMTP listening");
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
