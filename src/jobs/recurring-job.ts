import type { FastifyBaseLogger } from "fastify";

export interface RecurringJob {
  stop(): Promise<void>;
}

/**
 * Background work inside each kesu server (the SLA sweep, the outbox): every interval it runs
 * batches until one comes back short. Several servers may run the same job at once: each batch
 * claims its rows with SKIP LOCKED. Started explicitly by the entry point, never on import.
 */
export function startRecurringJob(options: {
  name: string;
  intervalMs: number;
  batchSize: number;
  log: FastifyBaseLogger;
  runBatch: (batchSize: number) => Promise<{ claimed: number }>;
}): RecurringJob {
  const { name, intervalMs, batchSize, log, runBatch } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const drain = async () => {
    try {
      for (;;) {
        const result = await runBatch(batchSize);
        if (result.claimed > 0) log.debug({ job: name, ...result }, "batch done");
        if (result.claimed < batchSize || stopped) break;
      }
    } catch (e) {
      log.error({ err: e, job: name }, "background job failed; retrying next interval");
    }
  };
  const tick = () => {
    running = drain().finally(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
