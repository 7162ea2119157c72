import { sql } from "kysely";
import type { ParsedMail } from "mailparser";
import type { Config } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import type { OutboxEvent } from "../../src/jobs/consumers.ts";
import type { JobContext } from "../../src/jobs/jobs.ts";
import { JOB_SCHEMA } from "../../src/jobs/queue.ts";
import { mailConsumer } from "../../src/mail/consumer.ts";
import type { MailRow } from "../../src/mail/repository.ts";
import { sendMailJob } from "../../src/mail/send-job.ts";
import type { TestContext } from "../helpers/context.ts";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** The test context as a job handler sees it, with settings overridden. */
export function jobContext(ctx: TestContext, config: Partial<Config> = {}): JobContext {
  return { ...ctx, config: { ...ctx.config, ...config }, log: silent };
}

/** The queued `mail.send` jobs of one mail (pg-boss's table). */
export async function sendJobsOf(db: Database, mailId: string): Promise<number> {
  const { rows } = await sql<{ count: number }>`
    select count(*)::int as count from pgboss.job
    where name = ${sendMailJob.name} and data->>'mailId' = ${mailId}`.execute(db);
  return rows[0]?.count ?? 0;
}

/** The outbox rows of one ticket (or contact change) with `topic`, oldest first. */
export async function outboxRows(
  db: Database,
  match: { topic: string; ticketId?: string; contactChangeId?: string },
): Promise<OutboxEvent[]> {
  let query = db.selectFrom("outbox").selectAll().where("topic", "=", match.topic);
  if (match.ticketId) query = query.where(sql`payload->>'ticketId'`, "=", match.ticketId);
  if (match.contactChangeId) {
    query = query.where(sql`payload->>'contactChangeId'`, "=", match.contactChangeId);
  }
  const rows = await query.orderBy("id").execute();
  return rows.map((row) => ({
    id: row.id,
    eventId: row.event_id,
    topic: row.topic,
    recipientAccountId: row.recipient_account_id,
    recipientStaffId: row.recipient_staff_id,
    payload: row.payload as Record<string, unknown>,
    createdAt: row.created_at,
  }));
}

/**
 * Hands outbox rows to the mail consumer in one transaction, as the dispatcher does, and
 * returns the mails they made. Rows are matched by their own ids, never "every pending row",
 * so other test files' rows are left to them.
 */
export async function consumeRows(ctx: TestContext, events: OutboxEvent[]): Promise<MailRow[]> {
  if (events.length === 0) return [];
  // The send jobs are put out of workers' reach (due tomorrow) in the transaction that queued
  // them: on the PostgreSQL shared by every test file, another file's workers would otherwise
  // race this test for its own mails. Tests that drive consumeRows run the job themselves.
  await ctx.db.transaction().execute(async (trx) => {
    await mailConsumer.consume(events, trx, jobContext(ctx));
    await sql`
      update ${sql.table(`${JOB_SCHEMA}.job`)} set start_after = now() + interval '1 day'
      where name = ${sendMailJob.name} and data->>'mailId' in (
        select id::text from mail_messages
        where split_part(dedupe_key, ':', 1) in (${sql.join(events.map((e) => String(e.id)))}))
    `.execute(trx);
  });
  return mailsOfRows(ctx.db, events);
}

/** The mails made from these outbox rows (dedupe keys start with the row id). */
export async function mailsOfRows(db: Database, events: OutboxEvent[]): Promise<MailRow[]> {
  if (events.length === 0) return [];
  return db
    .selectFrom("mail_messages")
    .selectAll()
    .where(
      sql<boolean>`split_part(dedupe_key, ':', 1) in (${sql.join(events.map((e) => String(e.id)))})`,
    )
    .orderBy("to_address")
    .execute();
}

/**
 * Runs the send job of each mail with this SMTP URL. A worker of another test file may have
 * kept the mail in its developer mailbox first (the test database is shared on PostgreSQL);
 * such a mail is put back in the queue so this test's transport is the one exercised.
 */
export async function deliver(ctx: TestContext, mails: MailRow[], smtpUrl?: string): Promise<void> {
  const jobCtx = jobContext(ctx, { smtpUrl });
  for (const mail of mails) {
    await ctx.db
      .updateTable("mail_messages")
      .set({ status: "queued", transport: null, sent_at: null })
      .where("id", "=", mail.id)
      .where("status", "=", "held")
      .execute();
    await sendMailJob.handle({ mailId: mail.id }, jobCtx);
  }
}

/** Headers mailparser keeps as objects, read back as strings. */
export function header(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name.toLowerCase());
  return typeof value === "string" ? value : undefined;
}
