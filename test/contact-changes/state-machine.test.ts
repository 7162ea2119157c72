import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "../../src/lib/crypto.ts";
import { expireContactChanges } from "../../src/modules/contact-changes/jobs.ts";
import { type TestContext, testContext } from "../helpers/context.ts";
import { createCustomer } from "../helpers/factories.ts";
import { type Cast, createCast, createManagedService } from "../services/fixtures.ts";
import {
  auditOf,
  changeRow,
  decide,
  openChange,
  outboxOf,
  requestChange,
  serviceContacts,
  tokensOf,
} from "./helpers.ts";

const DAY_MS = 86_400_000;
let ctx: TestContext;
let cast: Cast;

beforeAll(async () => {
  ctx = await testContext();
  cast = await createCast(ctx.db);
});

afterEach(() => {
  ctx.clock.reset();
});

describe("acceptance by both sides", () => {
  it("notifies each side with its own token, then switches the contact on the second acceptance", async () => {
    const service = await createManagedService(ctx.db, cast);
    const res = await requestChange(ctx, service, "billing", cast.newcomer, cast.admin);
    expect(res.statusCode, res.body).toBe(201);
    const change = res.json();
    expect(change).toMatchObject({
      serviceName: service.name,
      role: "billing",
      state: "todo",
      from: { nicHandle: cast.billing.account.nic, decision: null },
      to: { nicHandle: cast.newcomer.account.nic, decision: null },
      requestedBy: { kind: "user", nicHandle: cast.admin.account.nic },
      mySide: null,
      closedAt: null,
    });
    expect(JSON.stringify(change)).not.toMatch(/token/i);
    const ttl = Date.parse(change.expiresAt) - Date.parse(change.createdAt);
    expect(ttl).toBe(ctx.config.contactChangeTtlDays * DAY_MS);

    const requested = await outboxOf(ctx, change.id, "contact_change.requested");
    expect(requested).toHaveLength(2);
    const giving = requested.find((r) => r.payload.side === "giving");
    const receiving = requested.find((r) => r.payload.side === "receiving");
    expect(giving?.recipient_account_id).toBe(cast.billing.account.id);
    expect(receiving?.recipient_account_id).toBe(cast.newcomer.account.id);
    const tokens = await tokensOf(ctx, change.id);
    expect(tokens.giving).not.toBe(tokens.receiving);
    expect(giving?.payload.link).toBe(
      `${ctx.config.publicUrl}/contact-changes/${change.id}?token=${tokens.giving}`,
    );
    expect(receiving?.payload.link).toContain(`token=${tokens.receiving}`);
    // Only hashes are kept on the task.
    const row = await changeRow(ctx, change.id);
    expect(row.from_token_hash).toBe(hashSecret(tokens.giving));
    expect(row.to_token_hash).toBe(hashSecret(tokens.receiving));
    expect(JSON.stringify(row)).not.toContain(tokens.giving);

    const first = await decide(ctx, change.id, "accept", tokens.giving, cast.billing);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      state: "validating",
      mySide: "giving",
      from: { decision: "accepted" },
      to: { decision: null },
    });
    expect((await serviceContacts(ctx, service)).billing_account_id).toBe(cast.billing.account.id);

    const second = await decide(ctx, change.id, "accept", tokens.receiving, cast.newcomer);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ state: "done", mySide: "receiving" });
    expect(second.json().closedAt).not.toBeNull();
    const contacts = await serviceContacts(ctx, service);
    expect(contacts).toEqual({
      admin_account_id: cast.admin.account.id,
      tech_account_id: cast.tech.account.id,
      billing_account_id: cast.newcomer.account.id,
    });
    // The new holder now sees the service with its role; the old one no longer does.
    const seen = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/services/${service.name}`,
      headers: cast.newcomer.auth,
    });
    expect(seen.json().myRoles).toEqual(["billing"]);
    const gone = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/services/${service.name}`,
      headers: cast.billing.auth,
    });
    expect(gone.statusCode).toBe(404);

    const done = await outboxOf(ctx, change.id, "contact_change.done");
    expect(done.map((r) => r.recipient_account_id).sort()).toEqual(
      [cast.billing.account.id, cast.newcomer.account.id].sort(),
    );
    expect(done.every((r) => r.payload.token === undefined)).toBe(true);

    const audit = await auditOf(ctx, change.id);
    const actions = [...new Set(audit.map((a) => a.action))];
    expect(actions).toEqual([
      "contact_change.requested",
      "contact_change.accepted",
      "contact_change.done",
    ]);
    const requestedAudit = audit.filter((a) => a.action === "contact_change.requested");
    // One entry per concerned account: giving, receiving and the service's admin.
    expect(requestedAudit.map((a) => a.account_id).sort()).toEqual(
      [cast.admin.account.id, cast.billing.account.id, cast.newcomer.account.id].sort(),
    );
    expect(requestedAudit.every((a) => a.actor_id === cast.admin.id && a.ip !== null)).toBe(true);
    const accepted = audit.filter((a) => a.action === "contact_change.accepted");
    expect(new Set(accepted.map((a) => a.actor_id))).toEqual(
      new Set([cast.billing.id, cast.newcomer.id]),
    );
  });

  it("works in either order, and a direct account can hand its tech role to a partner", async () => {
    const owner = await createCustomer(ctx.db);
    const partner = await createCustomer(ctx.db, { programme: "technical-partner" });
    const service = await createManagedService(ctx.db, {
      ...cast,
      admin: owner,
      tech: owner,
      billing: owner,
    });
    const id = await openChange(ctx, service, "tech", partner, owner);
    const tokens = await tokensOf(ctx, id);
    expect((await decide(ctx, id, "accept", tokens.receiving, partner)).json().state).toBe(
      "validating",
    );
    expect((await decide(ctx, id, "accept", tokens.giving, owner)).json().state).toBe("done");
    const list = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/services/${service.name}`,
      headers: owner.auth,
    });
    expect(list.json()).toMatchObject({ direct: false, myRoles: ["admin", "billing"] });
  });
});

describe("refusal", () => {
  for (const side of ["giving", "receiving"] as const) {
    it(`closes the task when the ${side} side refuses, leaving the service unchanged`, async () => {
      const service = await createManagedService(ctx.db, cast);
      const id = await openChange(ctx, service, "tech", cast.newcomer, cast.admin);
      const tokens = await tokensOf(ctx, id);
      const [refuser, other] =
        side === "giving" ? [cast.tech, cast.newcomer] : [cast.newcomer, cast.tech];
      const otherToken = side === "giving" ? tokens.receiving : tokens.giving;
      const res = await decide(ctx, id, "refuse", tokens[side], refuser);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().state).toBe("refused");
      expect((await serviceContacts(ctx, service)).tech_account_id).toBe(cast.tech.account.id);
      const refused = await outboxOf(ctx, id, "contact_change.refused");
      expect(refused.map((r) => r.recipient_account_id).sort()).toEqual(
        [cast.tech.account.id, cast.newcomer.account.id].sort(),
      );
      const late = await decide(ctx, id, "accept", otherToken, other);
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("contact_change_closed");
      expect((await changeRow(ctx, id)).state).toBe("refused");
    });
  }

  it("refuses after the other side accepted", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.billing);
    const tokens = await tokensOf(ctx, id);
    await decide(ctx, id, "accept", tokens.giving, cast.billing);
    const res = await decide(ctx, id, "refuse", tokens.receiving, cast.newcomer);
    expect(res.json()).toMatchObject({
      state: "refused",
      from: { decision: "accepted" },
      to: { decision: "refused" },
    });
    expect((await serviceContacts(ctx, service)).billing_account_id).toBe(cast.billing.account.id);
  });
});

describe("expiry", () => {
  // The factories' tokens last ten years, so they outlive the week the clock jumps.
  let late: Cast;
  beforeAll(() => {
    late = cast;
  });

  it("expires on a decision attempt after the deadline, committing the expiry", async () => {
    const service = await createManagedService(ctx.db, late);
    const id = await openChange(ctx, service, "billing", late.newcomer, late.admin);
    const tokens = await tokensOf(ctx, id);
    ctx.clock.advance(7 * DAY_MS + 60_000);
    const res = await decide(ctx, id, "accept", tokens.receiving, late.newcomer);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("contact_change_expired");
    const row = await changeRow(ctx, id);
    expect(row.state).toBe("expired");
    expect(row.to_decision).toBeNull();
    expect(row.closed_at).not.toBeNull();
    const notices = await outboxOf(ctx, id, "contact_change.expired");
    expect(notices).toHaveLength(2);
    const audit = await auditOf(ctx, id);
    const expired = audit.filter((a) => a.action === "contact_change.expired");
    expect(expired.length).toBeGreaterThan(0);
    expect(expired.every((a) => a.actor_kind === "system")).toBe(true);
    // Once expired it is closed for the other side too.
    const other = await decide(ctx, id, "accept", tokens.giving, late.billing);
    expect(other.json().code).toBe("contact_change_closed");
  });

  it("is still open one minute before the deadline", async () => {
    const service = await createManagedService(ctx.db, late);
    const id = await openChange(ctx, service, "billing", late.newcomer, late.admin);
    const tokens = await tokensOf(ctx, id);
    ctx.clock.advance(7 * DAY_MS - 60_000);
    const res = await decide(ctx, id, "accept", tokens.receiving, late.newcomer);
    expect(res.json().state).toBe("validating");
  });

  it("expires overdue tasks in the periodic job, and only those", async () => {
    // The tasks are opened eight days ago and the job runs at the real now: on PostgreSQL the
    // other test worker shares this database, and a job run a week ahead would expire its tasks.
    ctx.clock.advance(-8 * DAY_MS);
    const first = await createManagedService(ctx.db, late);
    const second = await createManagedService(ctx.db, late);
    const overdueA = await openChange(ctx, first, "billing", late.newcomer, late.admin);
    const overdueB = await openChange(ctx, second, "tech", late.newcomer, late.tech);
    const tokensB = await tokensOf(ctx, overdueB);
    await decide(ctx, overdueB, "accept", tokensB.giving, late.tech);
    ctx.clock.reset();
    const fresh = await openChange(ctx, first, "tech", late.newcomer, late.admin);

    const count = await expireContactChanges(ctx.db, ctx.clock);
    expect(count).toBeGreaterThanOrEqual(2);
    expect((await changeRow(ctx, overdueA)).state).toBe("expired");
    expect((await changeRow(ctx, overdueB)).state).toBe("expired");
    expect((await changeRow(ctx, fresh)).state).toBe("todo");
    for (const id of [overdueA, overdueB]) {
      const notices = await outboxOf(ctx, id, "contact_change.expired");
      expect(notices.map((n) => n.recipient_account_id).sort()).toEqual(
        [(await changeRow(ctx, id)).from_account_id, late.newcomer.account.id].sort(),
      );
      const audit = (await auditOf(ctx, id)).filter((a) => a.action === "contact_change.expired");
      expect(audit.length).toBeGreaterThan(0);
      expect(audit.every((a) => a.actor_kind === "system" && a.actor_id === null)).toBe(true);
    }
    // A second run finds nothing more of ours, and leaves the notices as they were.
    await expireContactChanges(ctx.db, ctx.clock);
    expect(await outboxOf(ctx, overdueA, "contact_change.expired")).toHaveLength(2);
    const tooLate = await decide(ctx, overdueB, "accept", tokensB.receiving, late.newcomer);
    expect(tooLate.json().code).toBe("contact_change_closed");
    // The role is free for a new request once the old task expired.
    expect((await requestChange(ctx, first, "billing", late.newcomer, late.admin)).statusCode).toBe(
      201,
    );
  });
});

describe("tokens", () => {
  it("rejects a wrong token, naming the field, and audits the attempt", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const res = await decide(ctx, id, "accept", "not-the-token", cast.newcomer);
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "invalid_token", errors: [{ field: "token" }] });
    expect((await changeRow(ctx, id)).state).toBe("todo");
    const audit = await auditOf(ctx, id);
    expect(audit.some((a) => a.action === "contact_change.decision_rejected")).toBe(true);
    const other = await openChange(
      ctx,
      await createManagedService(ctx.db, cast),
      "tech",
      cast.newcomer,
      cast.admin,
    );
    const otherTokens = await tokensOf(ctx, other);
    // A real token of another task is just as wrong here.
    const crossed = await decide(ctx, id, "accept", otherTokens.receiving, cast.newcomer);
    expect(crossed.json().code).toBe("invalid_token");
  });

  it("refuses reusing a token once its side decided", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const tokens = await tokensOf(ctx, id);
    expect((await decide(ctx, id, "accept", tokens.giving, cast.billing)).statusCode).toBe(200);
    for (const verb of ["accept", "refuse"] as const) {
      const again = await decide(ctx, id, verb, tokens.giving, cast.billing);
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("token_already_used");
    }
    expect((await changeRow(ctx, id)).state).toBe("validating");
  });

  it("refuses the other side's token used by the wrong account, and tokens used by staff", async () => {
    const service = await createManagedService(ctx.db, cast);
    const id = await openChange(ctx, service, "billing", cast.newcomer, cast.admin);
    const tokens = await tokensOf(ctx, id);
    const swapped = await decide(ctx, id, "accept", tokens.receiving, cast.billing);
    expect(swapped.statusCode).toBe(403);
    expect(swapped.json().code).toBe("forbidden");
    // The requester (service admin) is neither side: it cannot decide for them.
    expect((await decide(ctx, id, "accept", tokens.giving, cast.admin)).statusCode).toBe(403);
    expect((await decide(ctx, id, "accept", tokens.giving, cast.staffAdmin)).statusCode).toBe(403);
    // An account with nothing to do with the task cannot learn it exists.
    expect((await decide(ctx, id, "accept", tokens.giving, cast.unrelated)).statusCode).toBe(404);
    const row = await changeRow(ctx, id);
    expect([row.state, row.from_decision, row.to_decision]).toEqual(["todo", null, null]);
    // The tokens still work for their own side afterwards.
    expect((await decide(ctx, id, "accept", tokens.receiving, cast.newcomer)).statusCode).toBe(200);
  });
});
