// The KPI table, the trend and the Pareto read from the daily rollup: what a center-wide report
// of whole days asks (no filter, nobody's scope narrowed), a few hundred rows a month instead of
// every case. Narrower reports read the facts (kpi-report.ts and its neighbours).

import { type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { reportRollup, reportRollupDurations } from "../../db/schema.js";
import type { TrendInterval } from "../../domain/kpi/report-period.js";
import type { Grouping } from "./report.schemas.js";
import type { ReportCases } from "./report-cases.js";
import { layout, rollupAggregatesSql } from "./report-rollup.sql.js";
import { type ReportSource, readRollupReport } from "./report-source.js";
import { bucketSumsSql, middleDurationsSql, middlesOf, setMedians } from "./rollup-medians.js";

type Row = Record<string, unknown>;

const inPeriod = (cases: ReportCases) => sql`r.day between ${cases.from} and ${cases.to}`;

/** Sets each median KPI's value on the row of its group. */
function withMedians(rows: Row[], medians: Row[], sameGroup: (row: Row, median: Row) => boolean) {
  for (const m of medians) {
    const row = rows.find((r) => sameGroup(r, m));
    if (row) row[`${m.kpi}.ms`] = m.ms;
  }
  return rows;
}

/** A median KPI's value per group of the durations rows `r` the statement selects. */
const medianMs = sql`(percentile_cont(0.5) within group (order by x))::float8 as ms`;

/** Rows as kpi-report.ts reads them: `total`, `own`, `key` and every KPI's aggregate. */
export async function rollupKpiRows(
  source: ReportSource,
  cases: ReportCases,
  grouping: Grouping,
  timeZone: string,
) {
  let middles: ReturnType<typeof middlesOf> = [];
  const [table, durations] = await readRollupReport<Row>(source, timeZone, cases, [
    sql`select r.grouping = 'total' as total, true as own, r.key,
        ${rollupAggregatesSql(cases.asOf, timeZone)}, ${bucketSumsSql}
      from ${reportRollup} r where r.grouping in (${grouping}, 'total') and ${inPeriod(cases)}
      group by r.grouping, r.key`,
    ([summed]) => {
      middles = middlesOf(summed!);
      return middleDurationsSql(middles, grouping, inPeriod(cases));
    },
  ]);
  setMedians(middles, durations!);
  // No case in the period: the total is still a row (of zeros), as the facts' grouping sets give.
  if (!table!.some((r) => r.total)) table!.push({ total: true, own: true, key: null });
  return table!;
}

/** The team's line of one KPI, rows as trend-report.ts reads them: `bucket` and the aggregate. */
export async function rollupTrendRows(
  source: ReportSource,
  cases: ReportCases,
  kpiId: string,
  interval: TrendInterval,
  timeZone: string,
) {
  const unit = sql.raw(`'${interval}'`);
  const days = (
    table: SQLWrapper,
    extra: SQL,
  ) => sql`(select r.*, date_trunc(${unit}, r.day::timestamp) as period_start
    from ${table} r where r.grouping = 'total' and ${inPeriod(cases)} ${extra}) r`;
  // Backlog is judged at each bucket's end (or the period's end, or now, whichever is first).
  const asOf = sql`least((r.period_start + ${sql.raw(`interval '1 ${interval}'`)}) at time zone ${timeZone},
    ${cases.asOf})`;
  // The durations are read only when the metric is a median.
  const isMedian = layout.medians.some((k) => k.id === kpiId);
  const [line, medians] = await readRollupReport<Row>(source, timeZone, cases, [
    sql`select to_char(r.period_start, 'YYYY-MM-DD') as bucket, ${rollupAggregatesSql(asOf, timeZone)}
      from ${days(reportRollup, sql``)} group by r.period_start`,
    ...(isMedian
      ? [
          sql`select to_char(r.period_start, 'YYYY-MM-DD') as bucket, r.kpi, ${medianMs}
            from ${days(reportRollupDurations, sql`and r.kpi = ${kpiId}`)}
              cross join unnest(r.ms) x
            group by r.period_start, r.kpi`,
        ]
      : []),
  ]);
  return isMedian ? withMedians(line!, medians!, (r, m) => r.bucket === m.bucket) : line!;
}

/** The accepted cases per cause (`cause`, `count`), and all of them (`cause` null). */
export async function rollupCauseRows(source: ReportSource, cases: ReportCases, timeZone: string) {
  const accepted = layout.summed.findIndex((p) => p.kpi.id === "accepted" && p.part === "count");
  const count = sql`sum(r.sums[${sql.raw(String(accepted + 1))}])::int`;
  const [rows] = await readRollupReport<{ cause: string | null; count: number }>(
    source,
    timeZone,
    cases,
    [
      sql`select r.key as cause, ${count} as count from ${reportRollup} r
        where r.grouping = 'cause' and r.key is not null and ${inPeriod(cases)} group by r.key
        having ${count} > 0
      union all
      select null, coalesce(${count}, 0) from ${reportRollup} r
        where r.grouping = 'total' and ${inPeriod(cases)}`,
    ],
  );
  return rows!;
}

/** The regulator's rows (`channel`, `business_type`, `cause`) and the total, with every count. */
export async function rollupRegulatorRows(
  source: ReportSource,
  cases: ReportCases,
  timeZone: string,
) {
  const part = (i: number) => sql.raw(`(r.key::jsonb)->>${i}`);
  const [rows] = await readRollupReport<Row>(source, timeZone, cases, [
    sql`select r.grouping = 'total' as total, ${part(0)} as channel, ${part(1)} as business_type,
        ${part(2)} as cause, ${rollupAggregatesSql(cases.asOf, timeZone)}
      from ${reportRollup} r where r.grouping in ('regulator', 'total') and ${inPeriod(cases)}
      group by r.grouping, r.key`,
  ]);
  if (!rows!.some((r) => r.total)) rows!.push({ total: true });
  return rows!;
}
