// The daily rollup (db/schema/reports.ts) built from the facts: for each of the center's days,
// one row per grouping and key with the KPIs' summed parts, the backlog as when the cases closed,
// and the durations the medians take. The parts are the very conditions of kpi.sql.ts, so a
// report read from the rollup and one read from the facts count the same.

import { type SQL, sql } from "drizzle-orm";
import {
  reportCaseFacts,
  reportRollup,
  reportRollupDurations,
  reportRollupDurationsMonth,
  reportRollupMonth,
  reportRollupMonths,
} from "../../db/schema.js";
import { accepted, kpis } from "../../domain/kpi/kpis.js";
import { durationBucketCount, durationBucketEdges } from "../../domain/kpi/median-buckets.js";
import { rollupLayout } from "../../domain/kpi/rollup-layout.js";
import { fact } from "./case-facts.sql.js";
import { col, conditionSql, durationMs } from "./kpi.sql.js";
import { groupings } from "./report.schemas.js";
import { causeRows, groupKey, regulatorKey } from "./report-groupings.sql.js";

export const layout = rollupLayout(kpis);

/** The rows a day has besides the total, by grouping: every report grouping, and the regulator's. */
const rollupGroupings = [...groupings.filter((g) => g !== "cause"), "regulator"] as const;
const rollupKey = (g: (typeof rollupGroupings)[number]) =>
  g === "regulator" ? regulatorKey : groupKey[g];

/** What the rollup is built with (KPIs and groupings): a rollup built otherwise starts over. */
export const rollupSignature = JSON.stringify([
  layout.signature,
  rollupGroupings,
  durationBucketEdges,
]);

/** The center's day an instant falls on. */
export const dayOf = (instant: SQL, timeZone: string) =>
  sql`((${instant}) at time zone ${timeZone})::date`;

/**
 * The day a case closed, as the backlog sees it: a case closed at midnight was closed by the end
 * of the day before, so "closed on `d` or later" means "still open when `d` began".
 */
const closedDay = (timeZone: string) =>
  dayOf(sql`f.closed_at - interval '1 microsecond'`, timeZone);

/** The backlog's own cases: those `openAtAsOf` keeps once the report's instant is known. */
const inBacklog = conditionSql(accepted);

const bucketEdges = sql.raw(`'{${durationBucketEdges.join(",")}}'::float8[]`);
const medianName = (i: number) => sql.raw(`median_ms_${i}`);
const bucketName = (i: number) => sql.raw(`median_bucket_${i}`);
const medianMs = (i: number) => sql`f.${medianName(i)}`;
const medianBucket = (i: number) => sql`f.${bucketName(i)}`;

/** Per median KPI, the case's duration when the KPI takes it (else null). */
const medianColumns = sql.join(
  layout.medians.map((kpi, i) => {
    if (kpi.measure.kind !== "median") throw new Error(kpi.id);
    const { from, to, where } = kpi.measure;
    const kept = sql`${conditionSql(where)} and ${fact(from)} is not null and ${fact(to)} is not null`;
    return sql`(case when ${kept} then ${durationMs(from, to)} end)::float8 as ${medianName(i)}`;
  }),
  sql`, `,
);

/** Per median KPI, the bucket of the case's duration. */
const bucketColumns = sql.join(
  layout.medians.map(
    (_, i) => sql`width_bucket(${medianMs(i)}, ${bucketEdges}) as ${bucketName(i)}`,
  ),
  sql`, `,
);

/**
 * How many of the rows' durations fall in each bucket, median KPI after median KPI; none on the
 * regulator's rows, which no median reads (half the rows: they would double the table).
 */
const bucketCounts = () =>
  sql`case when f.grouping = 'regulator' then '{}'::int[] else array[${sql.join(
    layout.medians.flatMap((_, i) =>
      Array.from(
        { length: durationBucketCount },
        (_, b) => sql`count(*) filter (where ${medianBucket(i)} = ${sql.raw(String(b))})`,
      ),
    ),
    sql`, `,
  )}]::int[] end`;

/** Every facts row of the days once per grouping it is counted in (its causes a row each). */
function groupedFacts(days: SQL, timeZone: string): SQL {
  const keys = sql.join(
    [sql`('total', null::text)`, ...rollupGroupings.map((g) => sql`(${g}, ${rollupKey(g)})`)],
    sql`, `,
  );
  const facts = sql`select f.*, ${bucketColumns} from (
    select f.*, ${dayOf(sql`f.received_at`, timeZone)} as day, ${medianColumns}
    from ${reportCaseFacts} f where ${dayOf(sql`f.received_at`, timeZone)} = any(${days})
      and f.received_at >= (select min(d) from unnest(${days}) d)::timestamp at time zone ${timeZone}
      and f.received_at < ((select max(d) from unnest(${days}) d) + 1)::timestamp at time zone ${timeZone}
    ) f`;
  return sql`with d as materialized (${facts})
    select f.*, k.grouping, k.key from d f cross join lateral (values ${keys}) k(grouping, key)
    union all
    select f.*, 'cause', g.cause from d f ${causeRows}`;
}

const sums = () =>
  sql`array[${sql.join(
    layout.summed.map((p) =>
      p.part === "fen"
        ? sql`coalesce(sum(${fact("remedyFen")}) filter (where ${conditionSql(p.where)}), 0)`
        : sql`count(*) filter (where ${conditionSql(p.where)})`,
    ),
    sql`, `,
  )}]::bigint[]`;

/** The rollup rows of `days` (a date[] statement), written in place of what they had. */
export function rebuildDaysSql(days: SQL, timeZone: string): SQL[] {
  const rows = sql`g as materialized (${groupedFacts(days, timeZone)})`;
  const late = sql`late as (
    select f.day, f.grouping, f.key, ${closedDay(timeZone)} as closed_day,
      count(*)::int as n, min(f.received_at) as first
    from g f where ${inBacklog} and f.closed_at is not null group by 1, 2, 3, 4)`;
  const lates = sql`lates as (
    select l.day, l.grouping, l.key, array_agg(l.closed_day order by l.closed_day) as days,
      array_agg(l.n order by l.closed_day) as counts, array_agg(l.first order by l.closed_day) as firsts
    from late l group by 1, 2, 3)`;
  const durations = sql`values ${sql.join(
    layout.medians.map((kpi, i) => sql`(${kpi.id}, ${medianMs(i)}, ${medianBucket(i)})`),
    sql`, `,
  )}`;
  const monthsOfDays = sql`(select distinct date_trunc('month', d)::date from unnest(${days}) d)`;
  return [
    sql`delete from ${reportRollupMonth} where day in ${monthsOfDays}`,
    sql`delete from ${reportRollupDurationsMonth} where day in ${monthsOfDays}`,
    sql`delete from ${reportRollupMonths} where month in ${monthsOfDays}`,
    sql`delete from ${reportRollup} where day = any(${days})`,
    sql`delete from ${reportRollupDurations} where day = any(${days})`,
    sql`with ${rows}, ${late}, ${lates}, summed as (
        select f.day, f.grouping, f.key, ${sums()} as sums,
          count(*) filter (where ${inBacklog} and f.closed_at is null)::int as open_count,
          ${bucketCounts()} as buckets,
          min(f.received_at) filter (where ${inBacklog} and f.closed_at is null) as open_first
        from g f group by f.day, f.grouping, f.key)
      insert into ${reportRollup} (day, grouping, key, sums, open_count, open_first, late_day,
        late_count, late_first, buckets)
      select s.day, s.grouping, s.key, s.sums, s.open_count, s.open_first,
        coalesce(l.days, '{}'), coalesce(l.counts, '{}'), coalesce(l.firsts, '{}'), s.buckets
      from summed s left join lates l
        on l.day = s.day and l.grouping = s.grouping and l.key is not distinct from s.key
      -- A grouping's rows of the batch stored together: a report reads one grouping, and rows
      -- interleaved with every other grouping's cost a page read each (a month by agent: 8,000).
      order by s.grouping, s.key, s.day`,
    ...(layout.medians.length === 0
      ? []
      : [
          sql`with ${rows} insert into ${reportRollupDurations} (day, grouping, key, kpi, bucket, ms)
            select f.day, f.grouping, f.key, m.kpi, m.bucket, array_agg(m.ms)
            from g f cross join lateral (${durations}) m(kpi, ms, bucket)
            where m.ms is not null and f.grouping <> 'regulator' group by 1, 2, 3, 4, 5`,
        ]),
  ];
}

/** The columns of a rollup row, in the order both tables have them. */
export const rollupColumns = sql.raw(
  "day, grouping, key, sums, open_count, open_first, late_day, late_count, late_first, buckets",
);

/** Each of the rows' `column` arrays added up element by element, `n` elements. */
const addedUp = (column: string, n: number) =>
  sql.join(
    Array.from({ length: n }, (_, i) => sql.raw(`sum(r.${column}[${i + 1}])`)),
    sql`, `,
  );

/**
 * The monthly rows of `months` (a date[] statement of first days) added up from their day rows,
 * written in place of what they had, and the months marked built.
 */
export function rebuildMonthsSql(months: SQL): SQL[] {
  const rows = sql`rows as materialized (
    select date_trunc('month', r.day)::date as month, r.* from ${reportRollup} r
    where r.day >= (select min(m) from unnest(${months}) m)
      and r.day < (select max(m) from unnest(${months}) m) + interval '1 month'
      and date_trunc('month', r.day)::date = any(${months}))`;
  const late = sql`late as (
    select r.month, r.grouping, r.key, u.d, sum(u.n)::int as n, min(u.x) as first
    from rows r cross join unnest(r.late_day, r.late_count, r.late_first) u(d, n, x)
    group by 1, 2, 3, 4)`;
  const lates = sql`lates as (
    select l.month, l.grouping, l.key, array_agg(l.d order by l.d) as days,
      array_agg(l.n order by l.d) as counts, array_agg(l.first order by l.d) as firsts
    from late l group by 1, 2, 3)`;
  const buckets = layout.medians.length * durationBucketCount;
  const summed = sql`summed as (
    select r.month, r.grouping, r.key, array[${addedUp("sums", layout.summed.length)}]::bigint[] as sums,
      sum(r.open_count)::int as open_count, min(r.open_first) as open_first,
      case when r.grouping = 'regulator' then '{}'::int[]
        else array[${addedUp("buckets", buckets)}]::int[] end as buckets
    from rows r group by 1, 2, 3)`;
  return [
    sql`delete from ${reportRollupMonth} where day = any(${months})`,
    sql`with ${rows}, ${late}, ${lates}, ${summed}
      insert into ${reportRollupMonth} (${rollupColumns})
      select s.month, s.grouping, s.key, s.sums, s.open_count, s.open_first,
        coalesce(l.days, '{}'), coalesce(l.counts, '{}'), coalesce(l.firsts, '{}'), s.buckets
      from summed s left join lates l
        on l.month = s.month and l.grouping = s.grouping and l.key is not distinct from s.key
      order by s.grouping, s.key, s.month`,
    sql`delete from ${reportRollupDurationsMonth} where day = any(${months})`,
    sql`insert into ${reportRollupDurationsMonth} (day, grouping, key, kpi, bucket, ms)
      select date_trunc('month', r.day)::date, r.grouping, r.key, r.kpi, r.bucket, array_agg(x)
      from ${reportRollupDurations} r cross join unnest(r.ms) x
      where r.day >= (select min(m) from unnest(${months}) m)
        and r.day < (select max(m) from unnest(${months}) m) + interval '1 month'
        and date_trunc('month', r.day)::date = any(${months})
      group by 1, 2, 3, 4, 5 order by 2, 3, 4, 5, 1`,
    sql`insert into ${reportRollupMonths} (month) select unnest(${months}) on conflict do nothing`,
  ];
}

/**
 * The first day a case must have closed on (or later) to be in the backlog at `asOf`: the day
 * `asOf` begins when it is a midnight, else the next (nothing closes after now).
 */
const backlogDay = (asOf: SQL, timeZone: string) =>
  sql`(${dayOf(sql`${asOf} - interval '1 microsecond'`, timeZone)} + 1)`;

/**
 * The KPIs' aggregates over rollup rows `r`, named as kpi.sql.ts names them, with the backlog
 * judged at `asOf` (a statement on the grouped columns); the medians come from rollup-medians.ts.
 */
export function rollupAggregatesSql(asOf: SQL, timeZone: string): SQL {
  const from = backlogDay(asOf, timeZone);
  // float8 sums: summing bigints makes numerics, several times slower over a year's rows.
  const summed = layout.summed.map(
    (p, i) => sql`sum(r.sums[${sql.raw(String(i + 1))}]::float8) as ${col(p.kpi, p.part)}`,
  );
  // late_day is ascending: most rows closed nothing on or after `from` and skip the unnest.
  const closedLate = (then: SQL) =>
    sql`(case when coalesce(r.late_day[cardinality(r.late_day)] >= ${from}, false) then ${then} end)`;
  const lateCount = closedLate(sql`(select sum(n) from unnest(r.late_day, r.late_count) u(d, n)
    where d >= ${from})`);
  const lateFirst = closedLate(sql`(select min(x) from unnest(r.late_day, r.late_first) u(d, x)
    where d >= ${from})`);
  const backlog = layout.backlog.map((kpi) =>
    kpi.measure.kind === "count"
      ? sql`sum(r.open_count + coalesce(${lateCount}, 0))::float8 as ${col(kpi, "count")}`
      : sql`(extract(epoch from (${asOf} - min(least(r.open_first, ${lateFirst})))) * 1000)::float8
          as ${col(kpi, "ms")}`,
  );
  return sql.join([...summed, ...backlog], sql`, `);
}
