import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../http/context.ts";
import { purgeIdempotencyKeys } from "../http/idempotency.ts";
import { remindWaitingCustomers } from "../mail/reminders.ts";
import { expireContactChanges } from "../modules/contact-changes/jobs.ts";
import { sweepSla } from "../modules/routing/sweeper.ts";
import { routeWaitingTickets } from "../modules/routing/waiting.ts";
import { purgePendingAttachments } from "../modules/tickets/attachments.ts";
import { closeSolvedTickets } from "../modules/tickets/status.ts";
import { purgeDeliveryRecords } from "./retention.ts";

/** A job the process runs on a fixed period. */
export interface PeriodicTask {
  name: string;
  everyMs: number;
  run(ctx: AppContext): Promise<unknown>;
}

export type SchedulerLog = Pick<FastifyBaseLogger, "error" | "debug">;

/** Every periodic task of the process; features register theirs here. */
export const periodicTasks: PeriodicTask[] = [
  {
    name: "contact-changes.expire",
    everyMs: 60_000,
    run: (ctx) => expireContactChanges(ctx.db, ctx.clock),
  },
  { name: "idempotency-keys.purge", everyMs: 3_600_000, run: purgeIdempotencyKeys },
  {
    name: "tickets.close-solved",
    everyMs: 600_000,
    run: (ctx) => closeSolvedTickets(ctx.db, ctx.clock),
  },
  {
    name: "attachments.purge-pending",
    everyMs: 3_600_000,
    run: (ctx) => purgePendingAttachments(ctx.db, ctx.config, ctx.clock),
  },
  { name: "sla.sweep", everyMs: 30_000, run: (ctx) => sweepSla(ctx.db, ctx.clock) },
  {
    name: "routing.route-waiting",
    everyMs: 30_000,
    run: (ctx) => routeWaitingTickets(ctx.db, ctx.clock),
  },
  {
    name: "tickets.remind-waiting",
    everyMs: 600_000,
    run: (ctx) => remindWaitingCustomers(ctx.db, ctx.clock),
  },
  {
    name: "delivery-records.purge",
    everyMs: 21_600_000,
    run: (ctx) => purgeDeliveryRecords(ctx.db, ctx.clock),
  },
];

/**
 * Runs each task once at start, then `everyMs` after its previous run finished, so a slow run
 * never overlaps the next. Failures are logged and the task runs again next period. Tasks must
 * tolerate other Palier processes running them at the same time (they work in transactions).
 */
export function startScheduler(
  ctx: AppContext,
  log: SchedulerLog,
  tasks: PeriodicTask[] = periodicTasks,
): { stop(): Promise<void> } {
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();

  const schedule = (task: PeriodicTask, delayMs: number): void => {
    if (stopped) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (stopped) return;
      const run = Promise.resolve()
        .then(() => task.run(ctx))
        .then(
          (result) => log.debug({ task: task.name, result }, "periodic task done"),
          (err: unknown) => log.error({ err, task: task.name }, "periodic task failed"),
        );
      running.add(run);
      void run.finally(() => {
        running.delete(run);
        schedule(task, task.everyMs);
      });
    }, delayMs);
    // The scheduler alone never keeps the process alive.
    timer.unref();
    timers.add(timer);
  };

  for (const task of tasks) schedule(task, 0);

  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.all(running);
    },
  };
}
