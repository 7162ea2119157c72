import cluster from "node:cluster";

/** Set in each serving process started by `serve --workers N`: 0 runs the background work. */
export const WORKER_INDEX_ENV = "PALIER_WORKER_INDEX";

/** The index of this serving process, or null when it is not one of several. */
export function workerIndex(): number | null {
  const raw = process.env[WORKER_INDEX_ENV];
  return cluster.isWorker && raw !== undefined ? Number(raw) : null;
}

/**
 * Forks `count` serving processes that share the listening port (node:cluster), waits until
 * each reports it is listening, restarts one that dies (after a second, so a crash loop does
 * not spin) and stops them all on SIGINT or SIGTERM. Resolves once all are serving.
 */
export async function superviseWorkers(count: number): Promise<void> {
  let stopping = false;
  const fork = (index: number): Promise<void> => {
    const worker = cluster.fork({ [WORKER_INDEX_ENV]: String(index) });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`serving process ${index} stopped (${signal ?? code}); starting it again`);
      setTimeout(() => void fork(index), 1000);
    });
    return new Promise((resolve, reject) => {
      worker.once("listening", () => resolve());
      worker.once("exit", (code) => reject(new Error(`serving process ${index} exited (${code})`)));
    });
  };
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    let left = workers.length;
    if (left === 0) process.exit(0);
    for (const worker of workers) {
      worker?.once("exit", () => {
        left -= 1;
        if (left === 0) process.exit(0);
      });
      worker?.kill(signal);
    }
  };
  process.once("SIGINT", () => stop("SIGINT"));
  process.once("SIGTERM", () => stop("SIGTERM"));
  await Promise.all(Array.from({ length: count }, (_, index) => fork(index)));
}
