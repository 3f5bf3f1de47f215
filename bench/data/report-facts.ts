import { sql } from "drizzle-orm";
import type { Database } from "../../src/db/client.js";
import { refreshCaseFacts } from "../../src/server/reports/refresh-case-facts.js";
import { refreshReportRollup } from "../../src/server/reports/refresh-report-rollup.js";

const BATCH = 20_000;
const ROLLUP_DAYS = 31;

/**
 * The load runs without triggers (session_replication_role), so nothing marked its cases for the
 * reports: every case gets its facts and every day its rollup here, as a live center's would have
 * them already.
 */
export async function fillReportFacts(db: Database, timeZone: string) {
  await db.execute(sql`insert into report_facts_stale (complaint_id)
    select id from complaints on conflict do nothing`);
  while ((await refreshCaseFacts(db, BATCH)).claimed === BATCH);
  await db.execute(sql`vacuum analyze report_case_facts`);
  while ((await refreshReportRollup(db, timeZone, ROLLUP_DAYS)).claimed === ROLLUP_DAYS);
  await db.execute(sql`vacuum analyze report_rollup, report_rollup_durations`);
}
