import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";

/** Whether the background jobs keep up: what waits for them, and for how long. */
export interface JobHealth {
  /** Open clocks whose next warning or breach is past, not yet handled by a sweep. */
  sweep: { waitingClocks: number; oldestWaitSeconds: number | null };
  /** Mail and webhooks not yet delivered; given up = retries exhausted in the last day. */
  outbox: {
    waiting: number;
    retrying: number;
    oldestWaitSeconds: number | null;
    gaveUpLastDay: number;
  };
  /** Cases whose report facts wait for the report-facts job (or the next report). */
  reportFacts: { waitingCases: number; oldestWaitSeconds: number | null };
  /** Days the daily rollup must rebuild; not built until the report-rollup job first runs. */
  reportRollup: { built: boolean; waitingDays: number };
}

const seconds = (since: ReturnType<typeof sql>) =>
  sql`floor(extract(epoch from now() - ${since}))::int`;

export async function jobHealth(db: Database): Promise<JobHealth> {
  const { rows } = await db.execute<Record<string, number | null>>(sql`
    select
      (select count(*)::int from sla_clocks where next_event_at <= now())
        as "waitingClocks",
      (select ${seconds(sql`min(next_event_at)`)} from sla_clocks
        where next_event_at <= now()) as "oldestClockWait",
      (select count(*)::int from outbox where next_attempt_at is not null) as "waiting",
      (select count(*)::int from outbox where next_attempt_at is not null and attempts > 0)
        as "retrying",
      (select ${seconds(sql`min(created_at)`)} from outbox where next_attempt_at is not null)
        as "oldestOutboxWait",
      (select count(*)::int from outbox where next_attempt_at is null and delivered_at is null
        and created_at > now() - interval '1 day') as "gaveUpLastDay",
      (select count(*)::int from report_facts_stale) as "staleFacts",
      (select ${seconds(sql`min(marked_at)`)} from report_facts_stale) as "oldestStaleFact",
      (select count(*)::int from report_rollup_state) as "rollupBuilt",
      (select count(*)::int from report_rollup_stale) as "staleDays"`);
  const row = rows[0]!;
  return {
    sweep: {
      waitingClocks: row.waitingClocks ?? 0,
      oldestWaitSeconds: row.oldestClockWait ?? null,
    },
    outbox: {
      waiting: row.waiting ?? 0,
      retrying: row.retrying ?? 0,
      oldestWaitSeconds: row.oldestOutboxWait ?? null,
      gaveUpLastDay: row.gaveUpLastDay ?? 0,
    },
    reportFacts: {
      waitingCases: row.staleFacts ?? 0,
      oldestWaitSeconds: row.oldestStaleFact ?? null,
    },
    reportRollup: { built: (row.rollupBuilt ?? 0) > 0, waitingDays: row.staleDays ?? 0 },
  };
}
