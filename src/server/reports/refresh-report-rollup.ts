import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import {
  reportCaseFacts,
  reportRollup,
  reportRollupDurations,
  reportRollupDurationsMonth,
  reportRollupMonth,
  reportRollupMonths,
  reportRollupStale,
  reportRollupState,
} from "../../db/schema.js";
import type { DayRange } from "../../domain/kpi/report-period.js";
import { REFRESH_LOCK } from "./refresh-case-facts.js";
import { dayOf, rebuildDaysSql, rebuildMonthsSql, rollupSignature } from "./report-rollup.sql.js";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * A rollup built for another time zone or another KPI layout (or none yet) starts over: every day
 * with cases is marked, and the batches rebuild them.
 */
async function startOverIfOutdated(tx: Tx, timeZone: string) {
  const { rows } = await tx.execute<{ ok: boolean }>(sql`
    select time_zone = ${timeZone} and layout = ${rollupSignature} as ok from ${reportRollupState}`);
  if (rows[0]?.ok) return;
  await tx.execute(sql`delete from ${reportRollup}`);
  await tx.execute(sql`delete from ${reportRollupDurations}`);
  await tx.execute(sql`delete from ${reportRollupMonth}`);
  await tx.execute(sql`delete from ${reportRollupDurationsMonth}`);
  await tx.execute(sql`delete from ${reportRollupMonths}`);
  await tx.execute(sql`delete from ${reportRollupStale}`);
  await tx.execute(sql`
    insert into ${reportRollupState} (id, time_zone, layout) values (1, ${timeZone}, ${rollupSignature})
    on conflict (id) do update set time_zone = excluded.time_zone, layout = excluded.layout`);
  await tx.execute(sql`
    insert into ${reportRollupStale} (day)
    select distinct ${dayOf(sql`received_at`, timeZone)} from ${reportCaseFacts}`);
}

export interface RollupPeriod extends DayRange {
  /** The months the period covers whole (domain/kpi/report-period.ts `wholeMonths`). */
  months: string[];
}

/** Days (YYYY-MM-DD) as a date[] parameter. */
export const dateArray = (dates: string[]) => sql`${`{${dates.join(",")}}`}::date[]`;

/**
 * Rebuilds up to `batchDays` days marked out of date (only those in `within`, when given), and
 * takes their marks, in one transaction.
 */
export async function refreshReportRollup(
  db: Database,
  timeZone: string,
  batchDays: number,
  within?: DayRange,
) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await startOverIfOutdated(tx, timeZone);
    const range = within ? sql`where day between ${within.from} and ${within.to}` : sql``;
    const { rows } = await tx.execute<{ day: string }>(sql`
      delete from ${reportRollupStale} where day in (
        select day from ${reportRollupStale} ${range} order by day limit ${batchDays})
      returning day::text`);
    if (rows.length === 0)
      return within ? { claimed: 0 } : buildMonths(tx, sql`(${missingMonth(timeZone)})`);
    const days = dateArray(rows.map((r) => r.day));
    for (const statement of rebuildDaysSql(days, timeZone)) await tx.execute(statement);
    return { claimed: rows.length };
  });
}

/** Builds the monthly rows of `months` (a date[] statement) not built yet. */
async function buildMonths(tx: Tx, months: SQL) {
  const { rows } = await tx.execute<{ month: string }>(sql`
    select m::text as month from unnest(${months}) m
    where not exists (select 1 from ${reportRollupMonths} b where b.month = m)`);
  if (rows.length === 0) return { claimed: 0 };
  for (const statement of rebuildMonthsSql(dateArray(rows.map((r) => r.month))))
    await tx.execute(statement);
  return { claimed: rows.length };
}

/** A month that has ended, has cases and no monthly rows: the job builds it once days are done. */
const missingMonth = (timeZone: string) => sql`select array(
  select distinct date_trunc('month', r.day)::date as month from ${reportRollup} r
  where r.grouping = 'total' and r.day < date_trunc('month', now() at time zone ${timeZone})::date
    and not exists (select 1 from ${reportRollupMonths} b
      where b.month = date_trunc('month', r.day)::date)
  order by month limit 1)`;

const CATCH_UP_DAYS = 31;

/** Before a report read from the rollup: its period's days and whole months brought up to date. */
export async function catchUpReportRollup(db: Database, timeZone: string, period: RollupPeriod) {
  while (
    (await refreshReportRollup(db, timeZone, CATCH_UP_DAYS, period)).claimed === CATCH_UP_DAYS
  );
  if (period.months.length === 0) return;
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${REFRESH_LOCK})`);
    await buildMonths(tx, dateArray(period.months));
  });
}
