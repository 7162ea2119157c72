import { sql } from "kysely";
import { expect } from "vitest";
import type { ContactRole } from "../../src/db/schema.ts";
import type { TestContext } from "../helpers/context.ts";
import type { TestService, TestStaff, TestUser } from "../helpers/factories.ts";

type Caller = TestUser | TestStaff;

export function requestChange(
  ctx: TestContext,
  service: TestService,
  role: ContactRole,
  to: TestUser | string,
  as: Caller,
) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/v1/services/${service.name}/contact-changes`,
    headers: as.auth,
    payload: { role, toNicHandle: typeof to === "string" ? to : to.account.nic },
  });
}

/** Requests and asserts the task opened; returns its id. */
export async function openChange(
  ctx: TestContext,
  service: TestService,
  role: ContactRole,
  to: TestUser,
  as: Caller,
): Promise<string> {
  const res = await requestChange(ctx, service, role, to, as);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

export function decide(
  ctx: TestContext,
  id: string,
  verb: "accept" | "refuse",
  token: string,
  as: Caller,
) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/v1/contact-changes/${id}/${verb}`,
    headers: as.auth,
    payload: { token },
  });
}

export interface OutboxRow {
  topic: string;
  recipient_account_id: string | null;
  payload: Record<string, unknown>;
}

export function outboxOf(ctx: TestContext, id: string, topic?: string): Promise<OutboxRow[]> {
  return ctx.db
    .selectFrom("outbox")
    .select(["topic", "recipient_account_id", "payload"])
    .where(sql<string>`payload->>'contactChangeId'`, "=", id)
    .$if(topic !== undefined, (q) => q.where("topic", "=", topic as string))
    .orderBy("id")
    .execute();
}

/** The two single-use tokens, as the notifications carried them to each side. */
export async function tokensOf(
  ctx: TestContext,
  id: string,
): Promise<{ giving: string; receiving: string }> {
  const rows = await outboxOf(ctx, id, "contact_change.requested");
  const giving = rows.find((r) => r.payload.side === "giving")?.payload.token;
  const receiving = rows.find((r) => r.payload.side === "receiving")?.payload.token;
  if (typeof giving !== "string" || typeof receiving !== "string") {
    throw new Error(`no tokens in the outbox for ${id}`);
  }
  return { giving, receiving };
}

export function changeRow(ctx: TestContext, id: string) {
  return ctx.db
    .selectFrom("contact_changes")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

export function serviceContacts(ctx: TestContext, service: TestService) {
  return ctx.db
    .selectFrom("services")
    .select(["admin_account_id", "tech_account_id", "billing_account_id"])
    .where("id", "=", service.id)
    .executeTakeFirstOrThrow();
}

export function auditOf(ctx: TestContext, id: string) {
  return ctx.db
    .selectFrom("audit_log")
    .select(["action", "actor_kind", "actor_id", "account_id", "ip", "details"])
    .where("subject_kind", "=", "contact_change")
    .where("subject_id", "=", id)
    .orderBy("id")
    .execute();
}
