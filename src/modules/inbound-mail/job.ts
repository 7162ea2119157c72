import { defineJob } from "../../jobs/jobs.ts";
import { PROCESS_ATTEMPTS, processInboundMessage } from "./process.ts";

export interface InboundMailData {
  /** The inbound_messages row to process. */
  id: string;
}

/**
 * Processes one received message. Idempotent: the run that settles the message does so in the
 * transaction that writes its effects, and every later run finds it settled and stops.
 */
export const inboundMailJob = defineJob<InboundMailData>({
  name: "mail.inbound",
  retryLimit: PROCESS_ATTEMPTS - 1,
  retryDelaySeconds: 30,
  retryBackoff: true,
  expireInSeconds: 300,
  concurrency: 2,
  embeddedConcurrency: 1,
  handle: (data, ctx) => processInboundMessage(ctx, data.id),
});
