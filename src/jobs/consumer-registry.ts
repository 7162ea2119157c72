import { mailConsumer } from "../mail/consumer.ts";
import { webhookConsumer } from "../modules/webhooks/consumer.ts";
import type { EventConsumer } from "./consumers.ts";

/**
 * Every side of delivery the dispatcher feeds (mail, webhooks). Each feature appends its consumer
 * here; the dispatcher calls them in this order inside one transaction per batch of outbox rows.
 */
export const eventConsumers: EventConsumer[] = [mailConsumer, webhookConsumer];
