import { sendMailJob } from "../mail/send-job.ts";
import { inboundMailJob } from "../modules/inbound-mail/job.ts";
import { webhookDeliverJob } from "../modules/webhooks/delivery.ts";
import type { JobDefinition } from "./jobs.ts";

/**
 * Every job type of Palier. The worker refuses to start while the database holds queued jobs of
 * a type missing here, so a removed handler cannot strand work silently.
 */
export const jobDefinitions: JobDefinition<never>[] = [
  sendMailJob,
  inboundMailJob as JobDefinition<never>,
  webhookDeliverJob as JobDefinition<never>,
];
