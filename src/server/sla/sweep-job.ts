import type { FastifyBaseLogger } from "fastify";
import type { Database } from "../../db/client.js";
import { sweepDueClocks } from "./sweep.js";

const BATCH = 200;

/**
 * The background sweep inside each kesu server: every interval it drains due clocks batch by
 * batch. Several servers may run it at once (claims skip each other's rows). Started explicitly
 * by the server's entry point, never on import.
 */
export function startSweepJob(
  db: Database,
  log: FastifyBaseLogger,
  intervalMs: number,
): { stop(): Promise<void> } {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const drain = async () => {
    try {
      for (;;) {
        const result = await sweepDueClocks(db, new Date(), BATCH);
        if (result.warnings + result.breaches > 0) log.info(result, "sla sweep fired");
        if (result.claimed < BATCH || stopped) break;
      }
    } catch (e) {
      log.error({ err: e }, "sla sweep failed; retrying next interval");
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
