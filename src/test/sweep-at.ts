import { DEFAULT_SWEEP_BATCH } from "../config.js";
import type { Database } from "../db/client.js";
import { sweepDueClocks } from "../jobs/sla-sweep/sweep.js";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An instant `ms` from now: deadlines are tested by moving the sweep's clock, not by sleeping. */
export const later = (ms: number) => new Date(Date.now() + ms);

/** Sweeps the way the background job does, batch after batch, at a chosen instant. */
export async function sweepAt(db: Database, at: Date) {
  for (;;) {
    const result = await sweepDueClocks(db, at);
    if (result.claimed < DEFAULT_SWEEP_BATCH) return;
  }
}
