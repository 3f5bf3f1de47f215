import type { FastifyBaseLogger } from "fastify";
import { type ExportRunnerDeps, runNextExport } from "./run-export.js";

/**
 * Starts the waiting exports on this server right after one is asked for, instead of at the job
 * runner's next tick; the job runner (schedule.ts) still picks up whatever this leaves, and SKIP
 * LOCKED keeps both from taking the same export.
 */
export function exportKicker(deps: ExportRunnerDeps, log: FastifyBaseLogger) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const drain = async () => {
    do {
      again = false;
      try {
        while (!stopped && (await runNextExport(deps)).claimed > 0);
      } catch (e) {
        log.error({ err: e, job: "exports" }, "export runner failed; the job runner retries");
      }
    } while (again && !stopped);
    running = null;
  };
  return {
    kick() {
      if (stopped) return;
      if (running) again = true;
      else running = drain();
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}
