import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { complaints } from "../db/schema.js";
import { refreshRisk } from "../server/case/case-risk.js";

/**
 * 越级投诉风险 that time alone has moved: the open cases whose stored moment (risk_recheck_at, a
 * contact leaving the 30-day window) has come are scored again, a bounded batch per transaction,
 * claimed with SKIP LOCKED so two servers never score one case twice, and written as every change
 * writes its risk (a raise to the policy's severity with its `updated` event). Each case leaves
 * the batch's set: its next moment is later than `now`, or none.
 */
export async function rescoreDueRisk(db: Database, now: Date, batchSize: number) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select id from ${complaints}
      where risk_recheck_at is not null and risk_recheck_at <= ${now.toISOString()}::timestamptz
      order by risk_recheck_at limit ${batchSize} for update skip locked`);
    const rescored = await refreshRisk(
      tx,
      rows.map((r) => r.id),
      { now },
    );
    return { claimed: rows.length, rescored };
  });
}
