// The KPI table, the trend and the Pareto read from the daily rollup: what a center-wide report
// of whole days asks (no filter, nobody's scope narrowed), a few hundred rows a month instead of
// every case. Narrower reports read the facts (kpi-report.ts and its neighbours).

import { sql } from "drizzle-orm";
import { reportRollup } from "../../db/schema.js";
import type { TrendInterval } from "../../domain/kpi/report-period.js";
import type { Grouping } from "./report.schemas.js";
import type { ReportCases } from "./report-cases.js";
import { layout, rollupAggregatesSql } from "./report-rollup.sql.js";
import { type ReportSource, readRollupReport } from "./report-source.js";
import {
  bucketSumsSql,
  type MiddleOf,
  middleDurationsSql,
  middlesOf,
  setMedians,
} from "./rollup-medians.js";

type Row = Record<string, unknown>;

const inPeriod = (cases: ReportCases) => sql`r.day between ${cases.from} and ${cases.to}`;

const medianIds = layout.medians.map((k) => k.id);

/** Rows as kpi-report.ts reads them: `total`, `own`, `key` and every KPI's aggregate. */
export async function rollupKpiRows(
  source: ReportSource,
  cases: ReportCases,
  grouping: Grouping,
  timeZone: string,
) {
  let middles: MiddleOf[] = [];
  const [table, durations] = await readRollupReport<Row>(source, timeZone, cases, [
    sql`select r.grouping = 'total' as total, true as own, r.key,
        ${rollupAggregatesSql(cases.asOf, timeZone)}, ${bucketSumsSql}
      from ${reportRollup} r where r.grouping in (${grouping}, 'total') and ${inPeriod(cases)}
      group by r.grouping, r.key`,
    ([summed]) => {
      middles = middlesOf(summed!, medianIds);
      return middleDurationsSql(middles, (r) => ({
        grouping: r.total ? "total" : grouping,
        key: (r.key as string | null) ?? null,
      }));
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
  const days = sql`(select r.*, date_trunc(${unit}, r.day::timestamp) as period_start
    from ${reportRollup} r where r.grouping = 'total' and ${inPeriod(cases)}) r`;
  // Backlog is judged at each bucket's end (or the period's end, or now, whichever is first).
  const asOf = sql`least((r.period_start + ${sql.raw(`interval '1 ${interval}'`)}) at time zone ${timeZone},
    ${cases.asOf})`;
  // The bucket counts are summed only when the metric is a median.
  const medians = medianIds.filter((id) => id === kpiId);
  let middles: MiddleOf[] = [];
  const [line, durations] = await readRollupReport<Row>(source, timeZone, cases, [
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
