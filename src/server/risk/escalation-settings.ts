import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { complaints, escalationRiskSettings, finishedStatusList } from "../../db/schema.js";
import { recordAudit } from "../audit/record-audit.js";
import { type RiskSettings, refreshRisk, riskSettings } from "../case/case-risk.js";
import type { Caller } from "../http/app-types.js";

/** Open cases are scored again this many at a time after the settings change. */
const RESCORE_BATCH = 1000;

/**
 * Saves a change to the risk settings with its audit row, then scores every open case again in
 * the same transaction, so the queue's risk column and the high-risk view follow the new words
 * (or the new severity floor) at once. Closed cases keep the risk they were closed with.
 */
export async function changeRiskSettings(
  tx: Tx,
  caller: Caller,
  change: Partial<RiskSettings>,
  now: Date,
): Promise<RiskSettings> {
  const before = await riskSettings(tx);
  const after = { ...before, ...change };
  await tx
    .insert(escalationRiskSettings)
    .values({ id: "default", ...after })
    .onConflictDoUpdate({
      target: escalationRiskSettings.id,
      set: { ...after, updatedAt: now },
    });
  await recordAudit(tx, caller, "update", "escalation_risk_settings", "default", {
    before,
    after,
  });
  let last = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const { rows } = await tx.execute<{ id: string }>(sql`
      select id from ${complaints}
      where status not in (${finishedStatusList}) and id > ${last}::uuid
      order by id limit ${RESCORE_BATCH}`);
    await refreshRisk(
      tx,
      rows.map((r) => r.id),
    );
    if (rows.length < RESCORE_BATCH) break;
    last = rows.at(-1)!.id;
  }
  return after;
}
