import { getTableColumns, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  reportCaseFacts,
  reportFactsStale,
  reportRollupStale,
  reportRollupState,
} from "../../db/schema.js";
import { liveCaseFactsSql } from "./case-facts.sql.js";

const columns = Object.values(getTableColumns(reportCaseFacts)).map((c) => c.name);
const columnList = sql.raw(columns.join(", "));
const updates = sql.raw(
  columns
    .filter((c) => c !== "complaint_id")
    .map((c) => `${c} = excluded.${c}`)
    .join(", "),
);

/**
 * One key for every refresher of the facts and of the rollup built from them, so two never write
 * from different snapshots.
 */
export const REFRESH_LOCK = sql.raw("hashtext('kesu.report_case_facts')");

/**
 * Writes the facts of up to `batchSize` cases marked stale, and takes their marks, in one
 * transaction. Refreshers take turns (an older snapshot must not overwrite a newer one), and the
 * facts are read after the turn is taken. The days whose rollup they change are marked with them. A mark held by a change still in flight is skipped: that
 * change is not visible yet, and its mark stays for the next refresh.
 */
export async function refreshCaseFacts(db: Database, batchSize: number) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    const { rows } = await tx.execute<{ claimed: number }>(sql`
      with taken as (
        delete from ${reportFactsStale} where complaint_id in (
          select complaint_id from ${reportFactsStale} order by complaint_id
          limit ${batchSize} for update skip locked)
        returning complaint_id),
      written as (
        insert into ${reportCaseFacts} (${columnList})
        select ${columnList} from (${liveCaseFactsSql(sql`c.id in (select complaint_id from taken)`)}) facts
        on conflict (complaint_id) do update set ${updates}
        returning received_at),
      -- The days the cases were received on before and after: their rollup is out of date.
      marked as (
        insert into ${reportRollupStale} (day)
        select distinct (r.received_at at time zone s.time_zone)::date
        from (select received_at from ${reportCaseFacts}
                where complaint_id in (select complaint_id from taken)
              union all select received_at from written) r
          cross join ${reportRollupState} s
        on conflict do nothing)
      select (select count(*) from taken)::int as claimed`);
    return { claimed: rows[0]!.claimed };
  });
}

const CATCH_UP_BATCH = 5000;

/** Before a report: every case changed since the last refresh, so the report counts them all. */
export async function catchUpCaseFacts(db: Database) {
  while ((await refreshCaseFacts(db, CATCH_UP_BATCH)).claimed === CATCH_UP_BATCH);
}
