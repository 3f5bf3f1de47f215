import { sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { scoreUnscored } from "../../src/server/case/case-risk.js";

const BATCH = 5_000;

/**
 * The load writes no escalation risk, so without this a server's first start spends minutes
 * scoring every case (the risk-backfill job) while a benchmark measures it: every case is scored
 * here, as a live center's would be already.
 */
export async function scoreRisk(db: Database) {
  while ((await scoreUnscored(db, BATCH)).claimed === BATCH);
  await db.execute(sql`vacuum analyze complaints`);
}
