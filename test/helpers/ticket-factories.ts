import { expect, vi } from "vitest";
import type { Database } from "../../src/db/database.ts";
import type { LevelCode, Universe } from "../../src/db/schema.ts";
import type { TestClock, TestContext } from "./context.ts";
import type { TestAccount, TestService, TestStaff, TestUser } from "./factories.ts";

/** Wednesday 2 December 2026, 10:00 in Paris (09:00 UTC, 04:00 in Toronto and New York). */
/** A parsed JSON response body, as app.inject gives it. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are JSON, checked by the assertions.
export type Json = any;

/** Wednesday 2 December 2026, 10:00 in Paris (09:00 UTC, 04:00 in Toronto and New York). */
export const WEDNESDAY_10_PARIS = "2026-12-02T09:00:00.000Z";

/**
 * Stops the test clock at `at`; `clock.advance` still moves it. Undo with `thawClock` in
 * afterEach, since the worker shares the clock with every other test file.
 */
export function freezeClock(clock: TestClock, at: string | Date = WEDNESDAY_10_PARIS): void {
  const base = new Date(at).getTime();
  clock.reset();
  vi.spyOn(clock, "now").mockImplementation(() => new Date(base + clock.offsetMs));
}

export function thawClock(clock: TestClock): void {
  vi.restoreAllMocks();
  clock.reset();
}

/** The account's subscription to `level` in `universe`, in force since the start of 2026. */
export async function subscribe(
  db: Database,
  account: TestAccount,
  universe: Universe,
  level: LevelCode,
): Promise<void> {
  const offer = await db
    .selectFrom("offers")
    .select("id")
    .where("universe", "=", universe)
    .where("level", "=", level)
    .executeTakeFirstOrThrow();
  await db
    .insertInto("subscriptions")
    .values({
      account_id: account.id,
      universe,
      offer_id: offer.id,
      starts_at: new Date("2026-01-01T00:00:00Z"),
      ends_at: null,
    })
    .execute();
}

export interface TicketInput {
  category?: string;
  service?: string;
  universe?: string;
  impact?: string;
  urgency?: string;
  subject?: string;
  body?: string;
  language?: string;
  area?: string;
  fastPath?: boolean;
  attachments?: string[];
}

export function postTicket(ctx: TestContext, as: TestUser | TestStaff, input: TicketInput) {
  return ctx.app.inject({
    method: "POST",
    url: "/api/v1/tickets",
    headers: as.auth,
    payload: {
      category: "incident",
      impact: "medium",
      urgency: "medium",
      subject: "Server unreachable",
      body: "Since this morning the server does not answer pings.",
      ...(input.category === undefined || ["incident", "assistance"].includes(input.category)
        ? { area: "hypervisor" }
        : {}),
      ...input,
    },
  });
}

/** Opens a ticket and asserts it was created; returns the presented ticket. */
export async function openTicket(
  ctx: TestContext,
  as: TestUser,
  input: TicketInput & { service?: string },
): Promise<Json> {
  const res = await postTicket(ctx, as, input);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A technical ticket on the service with the factories' defaults (a VPS, area hypervisor). */
export function openIncident(
  ctx: TestContext,
  as: TestUser,
  service: TestService,
  input: TicketInput = {},
) {
  return openTicket(ctx, as, { service: service.name, ...input });
}

type Caller = TestUser | TestStaff;

export function get(ctx: TestContext, as: Caller, url: string) {
  return ctx.app.inject({ method: "GET", url: `/api/v1${url}`, headers: as.auth });
}

export function post(ctx: TestContext, as: Caller, url: string, payload?: unknown) {
  return ctx.app.inject({
    method: "POST",
    url: `/api/v1${url}`,
    headers: as.auth,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** Posts and asserts the status; returns the parsed body. */
export async function postOk(
  ctx: TestContext,
  as: Caller,
  url: string,
  payload: unknown,
  status = 201,
): Promise<Json> {
  const res = await post(ctx, as, url, payload);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

/** The ticket row as stored, for the columns the API does not show customers. */
export function ticketRow(db: Database, number: string) {
  return db
    .selectFrom("tickets")
    .selectAll()
    .where("number", "=", Number(number.replace(/^PAL-/, "")))
    .executeTakeFirstOrThrow();
}

/** Every message kind of a ticket as stored, oldest first. */
export function messageKinds(db: Database, ticketId: string) {
  return db
    .selectFrom("ticket_messages")
    .select(["kind", "body"])
    .where("ticket_id", "=", ticketId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

export const minutes = (n: number) => n * 60_000;
export const days = (n: number) => n * 86_400_000;
