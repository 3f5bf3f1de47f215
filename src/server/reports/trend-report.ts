// GET /reports/trend: one KPI per day, ISO week or month of receipt, every bucket present. An
// agent gets the team's line beside their own.

import { sql } from "drizzle-orm";
import { kpiById } from "../../domain/kpi/kpis.js";
import { buckets, type TrendInterval } from "../../domain/kpi/report-period.js";
import { badRequest } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { caseFactsSql } from "./case-facts.sql.js";
import { aggregateSql } from "./kpi.sql.js";
import { type Figure, figureOf, kpiInfo } from "./kpi-report.js";
import type { TrendQuery } from "./report.schemas.js";
import { reportCases } from "./report-cases.js";
import { type ReportSource, readReport } from "./report-source.js";
import { rollupTrendRows } from "./rollup-reports.js";

const MAX_DAYS = 400;

export async function readTrend(
  source: ReportSource,
  caller: Caller,
  q: TrendQuery,
  timeZone: string,
) {
  const cases = reportCases(caller, q, timeZone);
  const kpi = kpiById(q.metric)!;
  const interval = q.interval as TrendInterval;
  const periods = buckets(cases, interval);
  if (interval === "day" && periods.length > MAX_DAYS) throw badRequest("period_too_long");
  const unit = sql.raw(`'${interval}'`);
  const local = sql`date_trunc(${unit}, c.received_at at time zone ${timeZone})`;
  // Backlog is judged at each bucket's end (or the period's end, or now, whichever is first).
  const asOf = sql`least((${local} + ${sql.raw(`interval '1 ${interval}'`)}) at time zone ${timeZone}, ${cases.asOf})`;
  const bucket = sql`, to_char(${local}, 'YYYY-MM-DD') as bucket`;
  const own = cases.rows;
  const rows: Record<string, unknown>[] = cases.rollup
    ? (await rollupTrendRows(source, cases, kpi.id, interval, timeZone)).map((r) => ({
        ...r,
        team: false,
      }))
    : await readReport<Record<string, unknown>>(
        source,
        sql`
    with f as materialized (${caseFactsSql(cases.where, asOf, bucket)})
    select false as team, f.bucket, ${aggregateSql(kpi)} from f where ${own} group by f.bucket
    ${cases.teamTotal ? sql`union all select true, f.bucket, ${aggregateSql(kpi)} from f group by f.bucket` : sql``}`,
      );
  const ctx = { customerBase: q.customerBase ?? null };
  const line = (team: boolean) => {
    const byBucket = new Map(rows.filter((r) => r.team === team).map((r) => [r.bucket, r]));
    return periods.map((period) => ({
      period,
      ...figureOf(kpi, byBucket.get(period) ?? {}, ctx),
    })) as (Figure & { period: string })[];
  };
  return {
    metric: kpiInfo(kpi),
    interval,
    from: cases.from,
    to: cases.to,
    points: line(false),
    team: cases.teamTotal ? line(true) : null,
  };
}
