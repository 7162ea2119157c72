import { describe, expect, it, vi } from "vitest";
import { type PeriodicTask, periodicTasks, startScheduler } from "../../src/jobs/scheduler.ts";
import { testContext } from "../helpers/context.ts";

function recordingLog() {
  return { error: vi.fn(), debug: vi.fn() };
}

describe("scheduler", () => {
  it("registers contact-change expiry every minute", () => {
    const task = periodicTasks.find((t) => t.name === "contact-changes.expire");
    expect(task?.everyMs).toBe(60_000);
  });

  it("never overlaps runs of a slow task, and stops cleanly", async () => {
    const ctx = await testContext();
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    const task: PeriodicTask = {
      name: "slow",
      everyMs: 1,
      run: async () => {
        active += 1;
        maxActive = Math.max(maxActive, active);
        await new Promise((resolve) => setTimeout(resolve, 15));
        runs += 1;
        active -= 1;
      },
    };
    const log = recordingLog();
    const scheduler = startScheduler(ctx, log, [task]);
    await vi.waitFor(() => expect(runs).toBeGreaterThanOrEqual(3), { timeout: 5_000 });
    await scheduler.stop();
    const afterStop = runs;
    expect(active).toBe(0);
    expect(maxActive).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(afterStop);
    expect(log.error).not.toHaveBeenCalled();
  });

  it("logs a failing task and keeps running it", async () => {
    const ctx = await testContext();
    let calls = 0;
    const task: PeriodicTask = {
      name: "flaky",
      everyMs: 1,
      run: async () => {
        calls += 1;
        throw new Error("database away");
      },
    };
    const log = recordingLog();
    const scheduler = startScheduler(ctx, log, [task]);
    await vi.waitFor(() => expect(calls).toBeGreaterThanOrEqual(2), { timeout: 5_000 });
    await scheduler.stop();
    expect(log.error).toHaveBeenCalledWith(
      expect.objectContaining({ task: "flaky", err: expect.any(Error) }),
      "periodic task failed",
    );
  });

  it("runs the real expiry task against the database", async () => {
    const ctx = await testContext();
    const log = recordingLog();
    // Only this task: the others (the SLA sweep above all) would mark every due ticket of the
    // database shared with other files running now, under their frozen clocks' feet.
    const expiry = periodicTasks.filter((task) => task.name === "contact-changes.expire");
    expect(expiry).toHaveLength(1);
    const scheduler = startScheduler(ctx, log, expiry);
    await vi.waitFor(() => expect(log.debug).toHaveBeenCalled(), { timeout: 10_000 });
    await scheduler.stop();
    expect(log.debug).toHaveBeenCalledWith(
      expect.objectContaining({ task: "contact-changes.expire", result: expect.any(Number) }),
      "periodic task done",
    );
    expect(log.error).not.toHaveBeenCalled();
  });
});
