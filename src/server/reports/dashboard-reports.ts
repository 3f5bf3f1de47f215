// The dashboard's two reports beyond the KPI table, trend and Pareto: backlog ageing (open cases
// by days since receipt) and accepted cases per lead department × category. Both read the same
// facts, period, filters and scope as every report (report-cases.ts).

import { type SQL, sql } from "drizzle-orm";
import { finishedStatusList } from "../../db/schema.js";
import { backlogAgeOf, backlogAges, receiptDaysOf } from "../../domain/kpi/backlog-age.js";
import { accepted } from "../../domain/kpi/kpis.js";
import { localDateOf } from "../../domain/sla/zoned-time.js";
import type { Caller } from "../http/app-types.js";
import { caseFactsSql } from "./case-facts.sql.js";
import type { BacklogQuery, HeatmapQuery } from "./dashboard.schemas.js";
import { groupLabels } from "./group-labels.js";
import { conditionSql } from "./kpi.sql.js";
import { reportCases } from "./report-cases.js";
import { type ReportSource, readReport } from "./report-source.js";

/** The list's `open=true`: not closed, withdrawn or merged, so a bucket's queue holds its count. */
const stillOpen = sql`f.status not in (${finishedStatusList})`;

/** Before any case kesu can hold: the backlog reads open cases whenever they came in. */
const BEGINNING = "1970-01-01";

export async function readBacklog(
  source: ReportSource,
  caller: Caller,
  q: BacklogQuery,
  timeZone: string,
) {
  const today = localDateOf(new Date(), timeZone);
  const cases = reportCases(caller, { ...q, from: BEGINNING, to: today }, timeZone);
  const age = sql`(${today}::date - (f.received_at at time zone ${timeZone})::date)`;
  const rows = await readReport<{ age: number; count: number; overdue: number }>(
    source,
    sql`
    with f as materialized (${caseFactsSql(cases.where, cases.asOf)})
    select ${age} as age, count(*)::int as count,
      count(*) filter (where f.due_at < now())::int as overdue
    from f where ${cases.rows} and ${stillOpen} group by 1`,
  );
  const buckets = backlogAges.map((b) => {
    const mine = rows.filter((r) => backlogAgeOf(r.age) === b.key);
    const days = receiptDaysOf(b, today);
    return {
      key: b.key,
      minDays: b.min,
      maxDays: b.max,
      receivedFrom: days.from,
      receivedTo: days.to,
      count: sum(mine.map((r) => r.count)),
      overdue: sum(mine.map((r) => r.overdue)),
    };
  });
  return {
    today,
    open: sum(buckets.map((b) => b.count)),
    overdue: sum(buckets.map((b) => b.overdue)),
    buckets,
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

export async function readHeatmap(
  source: ReportSource,
  caller: Caller,
  q: HeatmapQuery,
  timeZone: string,
) {
  const cases = reportCases(caller, q, timeZone);
  const counted: SQL = sql`${cases.rows} and ${conditionSql(accepted)}`;
  const rows = await readReport<{
    department: string | null;
    category: string | null;
    count: number;
  }>(
    source,
    sql`
    with f as materialized (${caseFactsSql(cases.where, cases.asOf)})
    select f.lead_department_id::text as department, f.category, count(*)::int as count
    from f where ${counted} group by 1, 2 order by 3 desc`,
  );
  const [department, category] = await Promise.all([
    groupLabels(
      source.primary,
      "department",
      rows.map((r) => r.department),
    ),
    groupLabels(
      source.primary,
      "category",
      rows.map((r) => r.category),
    ),
  ]);
  return {
    from: cases.from,
    to: cases.to,
    cells: rows.map((r) => ({
      department: { key: r.department, label: department(r.department) },
      category: { key: r.category, label: category(r.category) },
      count: r.count,
    })),
    total: sum(rows.map((r) => r.count)),
  };
}
