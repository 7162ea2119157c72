import type { Insertable } from "kysely";
import type { Database } from "../db/database.ts";
import type { Language, StaffTier, TicketsTable, Universe } from "../db/schema.ts";
import { raiseSeverity } from "../modules/routing/rules.ts";
import { resolveEntitlement } from "../modules/support/entitlement.ts";
import { calendarOf, clockPatch } from "../modules/tickets/clock-store.ts";
import { severityOf } from "../modules/tickets/rules.ts";
import {
  type DemoTicket,
  Life,
  type Message,
  minutes,
  type StaffRef,
} from "./demo-support-life.ts";
import type { Prng } from "./prng.ts";

/**
 * Inserts demo tickets directly, in one go each, after playing their life with the tickets
 * module's rules: the entitlement resolved as at creation, then the scenario's steps.
 */

/**
 * Plays the ticket's scenario up to `now` and inserts it with its messages and history. `prng`
 * is the ticket's own, so how one ticket's life unfolds at a given date never shifts another's.
 */
export async function insertDemoTicket(
  trx: Database,
  ticket: DemoTicket,
  now: Date,
  prng: Prng,
  agentFor: (
    tier: StaffTier,
    universe: Universe,
    language: Language,
    prng: Prng,
    except?: string,
  ) => StaffRef | null,
  outOfPerimeterText: (ticket: DemoTicket) => Promise<string>,
): Promise<number> {
  const severity = severityOf(ticket.impact, ticket.urgency);
  const entitlement = await resolveEntitlement(trx, {
    requester: ticket.requester,
    service: ticket.service,
    universe: ticket.universe,
    severity,
    fastPath: ticket.fastPath,
    now: ticket.createdAt,
  });
  const calendar = await calendarOf(trx, entitlement.calendar);
  const targets = {
    firstResponseMinutes: entitlement.firstResponseMinutes,
    nextResponseMinutes: entitlement.updateMinutes,
  };
  const language = ticket.requester.language;
  const agents = (tier: StaffTier, except?: string) =>
    agentFor(tier, ticket.universe, language, prng, except);
  const life = new Life(ticket, entitlement.entryTier, severity, calendar, targets, agents);
  if (ticket.scenario !== "fresh" || prng.chance(0.5)) life.assigned = agents(life.tier);

  // Steps land between creation and now: the answer near its target (sometimes late), the
  // rest within hours of the step before, never in the future.
  const created = ticket.createdAt;
  const room = (from: Date) => Math.max(0, (now.getTime() - from.getTime()) / 60_000);
  const within = (from: Date, most: number) => minutes(from, Math.min(most, room(from) * 0.5));
  const later = (from: Date, low: number, high: number) => within(from, prng.int(low, high));
  const due = calendar.addMinutes(
    created,
    targets.firstResponseMinutes * (0.15 + 0.95 * prng.next()),
  );
  const answerAt = due < within(created, Number.POSITIVE_INFINITY) ? due : later(created, 20, 240);
  const nextAnswer = (from: Date) => {
    const at = calendar.addMinutes(from, targets.nextResponseMinutes * (0.2 + 0.9 * prng.next()));
    return at < within(from, Number.POSITIVE_INFINITY) ? at : later(from, 20, 240);
  };
  if (ticket.lines.note && ticket.scenario !== "fresh")
    life.note(minutes(created, 5), ticket.lines.note);

  switch (ticket.scenario) {
    case "fresh":
      break;
    case "on-hold":
      life.change(within(created, 20), "on-hold", []);
      life.note(within(created, 21), ticket.lines.hold);
      break;
    case "waiting-customer":
      life.answer(answerAt, ticket.answer, "waiting-for-customer");
      break;
    case "customer-replied":
      life.answer(answerAt, ticket.answer, "waiting-for-customer");
      // The reply is recent: the provider's next answer is what the demo is waiting for.
      life.reply(
        new Date(
          Math.max(later(answerAt, 60, 600).getTime(), minutes(now, -prng.int(30, 240)).getTime()),
        ),
        ticket.lines.followUp,
      );
      break;
    case "out-of-perimeter":
      life.answer(answerAt, await outOfPerimeterText(ticket));
      break;
    case "escalated": {
      const at = later(created, 30, 180);
      if (life.tier === "L3") life.note(at, ticket.lines.escalation);
      else life.escalate("manual", life.assigned?.id ?? null, at, ticket.lines.escalation);
      life.answer(nextAnswer(at), ticket.answer, "waiting-for-customer");
      break;
    }
    case "solved":
      life.answer(answerAt, ticket.answer, "solved").rating = rated(prng, answerAt, now, 0.5);
      break;
    case "solved-after-reply": {
      life.answer(answerAt, ticket.answer, "waiting-for-customer");
      const replyAt = later(answerAt, 60, 1440);
      life.reply(replyAt, ticket.lines.followUp);
      const solvedAt = nextAnswer(replyAt);
      life.answer(solvedAt, ticket.lines.solved, "solved").rating = rated(prng, solvedAt, now, 0.4);
      break;
    }
    case "rated-not-answered": {
      const first = life.answer(answerAt, ticket.answer, "solved");
      const ratedAt = later(answerAt, 30, 600);
      first.rating = { rating: "not-answered", at: ratedAt };
      const raised = raiseSeverity(life.severity);
      life.ratedNotAnswered(ratedAt, raised, {
        firstResponseMinutes: entitlement.targets.firstResponse[raised],
        nextResponseMinutes: entitlement.targets.update[raised],
      });
      const solvedAt = nextAnswer(ratedAt);
      life.answer(solvedAt, ticket.lines.solved, "solved").rating = {
        rating: "solved",
        at: later(solvedAt, 30, 600),
      };
      break;
    }
  }
  life.autoClose(now);
  life.sweep(now);
  return write(trx, life, entitlement, language);
}

function rated(prng: Prng, answeredAt: Date, now: Date, chance: number): Message["rating"] {
  const at = minutes(answeredAt, 30 + prng.int(0, 600));
  return at < now && prng.chance(chance) ? { rating: "solved", at } : undefined;
}

async function write(
  trx: Database,
  life: Life,
  entitlement: Awaited<ReturnType<typeof resolveEntitlement>>,
  language: Language,
): Promise<number> {
  const { ticket } = life;
  const row: Insertable<TicketsTable> = {
    account_id: ticket.requester.accountId,
    requester_user_id: ticket.requester.userId,
    service_id: ticket.service?.id ?? null,
    product: ticket.service?.product ?? null,
    universe: ticket.universe,
    category: ticket.category,
    impact: ticket.impact,
    urgency: ticket.urgency,
    severity: life.severity,
    subject: ticket.subject,
    language,
    status: life.status,
    responsibility_area: ticket.area?.area ?? null,
    out_of_perimeter: ticket.area?.owner === "customer",
    fast_path: entitlement.fastPath,
    // A severity raised by a rating carries its targets into the stored entitlement.
    entitlement: JSON.stringify({
      ...entitlement,
      firstResponseMinutes: life.targets.firstResponseMinutes,
      updateMinutes: life.targets.nextResponseMinutes,
    }),
    calendar: entitlement.calendar,
    queue_priority: entitlement.queuePriority,
    tier: life.tier,
    assigned_staff_id: life.assigned?.id ?? null,
    ...clockPatch(life.fields),
    solved_at: life.solvedAt,
    closed_at: life.closedAt,
    reopened_count: life.reopened,
    created_at: ticket.createdAt,
    updated_at: life.updatedAt,
  };
  const inserted = await trx
    .insertInto("tickets")
    .values(row)
    .returning(["id", "number"])
    .executeTakeFirstOrThrow();
  const ids = await trx
    .insertInto("ticket_messages")
    .values(
      life.messages.map((m) => ({
        ticket_id: inserted.id,
        kind: m.kind,
        author_user_id: m.userId,
        author_staff_id: m.staffId,
        body: m.body,
        created_at: m.at,
      })),
    )
    .returning("id")
    .execute();
  const ratings = life.messages.flatMap((m, k) =>
    m.rating && ids[k]
      ? [
          {
            message_id: ids[k].id,
            ticket_id: inserted.id,
            staff_id: m.staffId,
            user_id: ticket.requester.userId,
            rating: m.rating.rating,
            comment: null,
            created_at: m.rating.at,
          },
        ]
      : [],
  );
  if (ratings.length > 0) await trx.insertInto("answer_ratings").values(ratings).execute();
  if (life.events.length > 0) {
    await trx
      .insertInto("sla_events")
      .values(
        life.events.map((e) => ({
          ticket_id: inserted.id,
          clock: e.clock,
          kind: e.kind,
          due_at: e.dueAt,
          at: e.at,
        })),
      )
      .execute();
  }
  if (life.escalations.length > 0) {
    await trx
      .insertInto("ticket_escalations")
      .values(
        life.escalations.map((e) => ({
          ticket_id: inserted.id,
          from_tier: e.from,
          to_tier: e.to,
          reason: e.reason,
          by_staff_id: e.by,
          at: e.at,
        })),
      )
      .execute();
  }
  return life.messages.length;
}
