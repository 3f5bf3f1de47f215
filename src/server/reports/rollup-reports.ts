// The KPI table, the trend and the Pareto read from the daily rollup: what a center-wide report
// of whole days asks (no filter, nobody's scope narrowed), a few hundred rows a month instead of
// every case. Narrower reports read the facts (kpi-report.ts and its neighbours).

import { sql } from "drizzle-orm";
import { reportRollup, reportRollupMonth, reportRollupMonths } from "../../db/schema.js";
import type { TrendInterval } from "../../domain/kpi/report-period.js";
import { lastDayOfMonth, wholeMonths } from "../../domain/kpi/report-period.js";
import { addDaysToDate, localDateOf } from "../../domain/sla/zoned-time.js";
import { dateArray, type RollupPeriod } from "./refresh-report-rollup.js";
import type { Grouping } from "./report.schemas.js";
import type { ReportCases } from "./report-cases.js";
import { layout, rollupAggregatesSql, rollupColumns } from "./report-rollup.sql.js";
import { type ReportSource, readRollupReport } from "./report-source.js";
import {
  bucketSumsSql,
  type MiddleOf,
  type MonthSpan,
  middleDurationsSql,
  middlesOf,
  setMedians,
} from "./rollup-medians.js";

type Row = Record<string, unknown>;

const inPeriod = (cases: ReportCases) => sql`r.day between ${cases.from} and ${cases.to}`;

/** The report's days, and the months it covers whole, which monthly rows answer for. */
const periodOf = (cases: ReportCases, timeZone: string): RollupPeriod => ({
  from: cases.from,
  to: cases.to,
  months: wholeMonths(cases, localDateOf(new Date(), timeZone)),
});

/** Which of the period's whole months have monthly rows, read first in the report's snapshot. */
const builtMonthsSql = (period: RollupPeriod) => sql`select b.month::text as month
  from ${reportRollupMonths} b where b.month = any(${dateArray(period.months)})`;

/** The whole months read as monthly rows: all of the period's when all are `built`, else none. */
function monthSpan(period: RollupPeriod, built: Row[]): MonthSpan | undefined {
  const first = period.months[0];
  const last = period.months.at(-1);
  return first && last && built.length === period.months.length ? { first, last } : undefined;
}

/**
 * The period's rollup rows of `groupings` (alias `r`, with its last day `last_day`): its whole
 * months' monthly rows when every one is `built` (else day rows only: a day rebuilt in between
 * took its month off), the days before and after them as day rows.
 */
function periodRows(period: RollupPeriod, built: Row[], groupings: string[]) {
  const of = sql`r.grouping in (${sql.join(
    groupings.map((g) => sql`${g}`),
    sql`, `,
  )})`;
  const days = (from: string, to: string) => sql`select ${rollupColumns}, r.day as last_day
    from ${reportRollup} r where ${of} and r.day between ${from} and ${to}`;
  const months = monthSpan(period, built);
  if (!months) return sql`(${days(period.from, period.to)}) r`;
  const { first, last } = months;
  return sql`(${days(period.from, addDaysToDate(first, -1))}
    union all
    select ${rollupColumns}, (r.day + interval '1 month' - interval '1 day')::date
    from ${reportRollupMonth} r where ${of} and r.day between ${first} and ${last}
    union all
    ${days(addDaysToDate(lastDayOfMonth(last), 1), period.to)}) r`;
}

const medianIds = layout.medians.map((k) => k.id);

/** Rows as kpi-report.ts reads them: `total`, `own`, `key` and every KPI's aggregate. */
export async function rollupKpiRows(
  source: ReportSource,
  cases: ReportCases,
  grouping: Grouping,
  timeZone: string,
) {
  let middles: MiddleOf[] = [];
  const period = periodOf(cases, timeZone);
  const [, table, durations] = await readRollupReport<Row>(source, timeZone, period, [
    builtMonthsSql(period),
    ([built]) => sql`select r.grouping = 'total' as total, true as own, r.key,
        ${rollupAggregatesSql(cases.asOf, timeZone)}, ${bucketSumsSql}
      from ${periodRows(period, built!, [grouping, "total"])} group by r.grouping, r.key`,
    ([built, summed]) => {
      middles = middlesOf(summed!, medianIds);
      const groupOf = (r: Row) => ({
        grouping: r.total ? "total" : grouping,
        key: (r.key as string | null) ?? null,
      });
      return middleDurationsSql(middles, groupOf, monthSpan(period, built!));
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
  const days = sql`(select r.*, r.day as last_day, date_trunc(${unit}, r.day::timestamp) as period_start
    from ${reportRollup} r where r.grouping = 'total' and ${inPeriod(cases)}) r`;
  // Backlog is judged at each bucket's end (or the period's end, or now, whichever is first).
  const asOf = sql`least((r.period_start + ${sql.raw(`interval '1 ${interval}'`)}) at time zone ${timeZone},
    ${cases.asOf})`;
  // The bucket counts are summed only when the metric is a median.
  const medians = medianIds.filter((id) => id === kpiId);
  let middles: MiddleOf[] = [];
  // Day rows only: weeks cross months, and a line of months is a few thousand rows at most.
  const period = { from: cases.from, to: cases.to, months: [] };
  const [line, durations] = await readRollupReport<Row>(source, timeZone, period, [
    sql`select to_char(r.period_start, 'YYYY-MM-DD') as bucket,
        ${rollupAggregatesSql(asOf, timeZone)} ${medians.length > 0 ? sql`, ${bucketSumsSql}` : sql``}
      from ${days} group by r.period_start`,
    ([summed]) => {
      middles = middlesOf(summed!, medians);
      return middleDurationsSql(middles, () => ({ grouping: "total", key: null }));
    },
  ]);
  setMedians(middles, durations!);
  return line!;
}

/** The accepted cases per cause (`cause`, `count`), and all of them (`cause` null). */
export async function rollupCauseRows(source: ReportSource, cases: ReportCases, timeZone: string) {
  const accepted = layout.summed.findIndex((p) => p.kpi.id === "accepted" && p.part === "count");
  const count = sql`sum(r.sums[${sql.raw(String(accepted + 1))}])::int`;
  const period = periodOf(cases, timeZone);
  const [, rows] = await readRollupReport<Row>(source, timeZone, period, [
    builtMonthsSql(period),
    ([built]) => sql`select r.key as cause, ${count} as count
        from ${periodRows(period, built!, ["cause"])}
        where r.key is not null group by r.key having ${count} > 0
      union all
      select null, coalesce(${count}, 0) from ${periodRows(period, built!, ["total"])}`,
  ]);
  return rows! as { cause: string | null; count: number }[];
}

/** The regulator's rows (`channel`, `business_type`, `cause`) and the total, with every count. */
export async function rollupRegulatorRows(
  source: ReportSource,
  cases: ReportCases,
  timeZone: string,
) {
  const part = (i: number) => sql.raw(`(r.key::jsonb)->>${i}`);
  const period = periodOf(cases, timeZone);
  const [, rows] = await readRollupReport<Row>(source, timeZone, period, [
    builtMonthsSql(period),
    ([built]) => sql`select r.grouping = 'total' as total, ${part(0)} as channel,
        ${part(1)} as business_type, ${part(2)} as cause, ${rollupAggregatesSql(cases.asOf, timeZone)}
      from ${periodRows(period, built!, ["regulator", "total"])} group by r.grouping, r.key`,
  ]);
  if (!rows!.some((r) => r.total)) rows!.push({ total: true });
  return rows!;
}
