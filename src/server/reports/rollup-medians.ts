// Exact medians from the rollup without sorting a year of durations: the groups' bucket counts,
// summed with the KPI table or the trend, say which bucket(s) hold each median
// (domain/kpi/median-buckets.ts); only those buckets' durations are read and sorted.

import { type SQL, sql } from "drizzle-orm";
import { reportRollupDurations, reportRollupDurationsMonth } from "../../db/schema.js";
import {
  durationBucketCount,
  interpolate,
  type MedianRanks,
  medianRanks,
} from "../../domain/kpi/median-buckets.js";
import { lastDayOfMonth } from "../../domain/kpi/report-period.js";
import { addDaysToDate } from "../../domain/sla/zoned-time.js";
import { layout } from "./report-rollup.sql.js";

type Row = Record<string, unknown>;

/**
 * Every median KPI's bucket counts over rollup rows `r`, summed per group (`buckets`), and the
 * group's first and last day, where its durations lie.
 */
export const bucketSumsSql = sql`array[${sql.join(
  Array.from({ length: layout.medians.length * durationBucketCount }, (_, i) =>
    sql.raw(`sum(r.buckets[${i + 1}])`),
  ),
  sql`, `,
)}]::int[] as buckets, min(r.day)::text as first_day, max(r.last_day)::text as last_day`;

/** The rollup rows a result row was summed from: their grouping and key. */
export type GroupOf = (row: Row) => { grouping: string; key: string | null };

/** A group's median KPI whose middle durations are to be read. */
export interface MiddleOf extends MedianRanks {
  row: Row;
  kpi: string;
}

/** What the medians (of `kpiIds`) of rows summed with `bucketSumsSql` need read. */
export function middlesOf(rows: Row[], kpiIds: readonly string[]): MiddleOf[] {
  return rows.flatMap((row) =>
    layout.medians.flatMap((kpi, k) => {
      if (!kpiIds.includes(kpi.id)) return [];
      const counts = (row.buckets as number[] | undefined)?.slice(
        k * durationBucketCount,
        (k + 1) * durationBucketCount,
      );
      const ranks = counts && medianRanks(counts);
      return ranks ? [{ ...ranks, row, kpi: kpi.id }] : [];
    }),
  );
}

/** The first days of the first and the last month a report reads monthly rows for. */
export interface MonthSpan {
  first: string;
  last: string;
}

/**
 * The middle durations (`middle`, `ms`, ascending) of each of `middles` (by index) from its
 * group's rows: monthly rows for the `months` the report read so, day rows for its other days;
 * null when there is nothing to read.
 */
export function middleDurationsSql(middles: MiddleOf[], groupOf: GroupOf, months?: MonthSpan) {
  if (middles.length === 0) return null;
  const asked = middles.map((m, middle) => ({
    middle,
    ...groupOf(m.row),
    kpi: m.kpi,
    first_day: m.row.first_day,
    last_day: m.row.last_day,
    from_bucket: m.fromBucket,
    to_bucket: m.toBucket,
    skip: m.lower,
    take: m.upper - m.lower + 1,
  }));
  const rowsOf = (table: SQL, days: SQL) =>
    // Two branches so that either uses the index: a group's own key, or the null key.
    [sql`r.key = t.key`, sql`t.key is null and r.key is null`].map(
      (sameKey) => sql`select r.ms from ${table} r
        where r.grouping = t.grouping and ${sameKey} and r.kpi = t.kpi
          and r.bucket between t.from_bucket and t.to_bucket and r.day between ${days}`,
    );
  const day = sql`${reportRollupDurations}`;
  const branches = months
    ? [
        ...rowsOf(day, sql`t.first_day and ${addDaysToDate(months.first, -1)}::date`),
        ...rowsOf(
          sql`${reportRollupDurationsMonth}`,
          sql`${months.first}::date and ${months.last}::date`,
        ),
        ...rowsOf(day, sql`${addDaysToDate(lastDayOfMonth(months.last), 1)}::date and t.last_day`),
      ]
    : rowsOf(day, sql`t.first_day and t.last_day`);
  return sql`select t.middle, v.ms from jsonb_to_recordset(${JSON.stringify(asked)}::jsonb)
      t(middle int, grouping text, key text, kpi text, first_day date, last_day date,
        from_bucket int, to_bucket int, skip int, take int)
    cross join lateral (
      select x as ms from (${sql.join(branches, sql` union all `)}) r
      cross join unnest(r.ms) x order by x offset t.skip limit t.take) v
    order by t.middle, v.ms`;
}

/** Sets each median on its row (`<kpi>.ms`) from the middle durations read. */
export function setMedians(middles: MiddleOf[], durations: Row[]) {
  const read = new Map<number, number[]>();
  for (const d of durations) {
    const list = read.get(Number(d.middle)) ?? [];
    list.push(Number(d.ms));
    read.set(Number(d.middle), list);
  }
  for (const [i, m] of middles.entries()) {
    const [low, high] = read.get(i) ?? [];
    if (low === undefined) throw new Error(`no durations read for ${m.kpi}`);
    m.row[`${m.kpi}.ms`] = interpolate(low, high ?? low, m.fraction);
  }
}
