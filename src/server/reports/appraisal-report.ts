// GET /reports/appraisal: one agent's or one department's page for 考核 — every KPI beside the
// median of their peers, their rank, the counts behind each figure, and a monthly trend of the
// key KPIs. Peers are every agent owning cases, or every lead department, center-wide: the
// caller's scope decides whose page they may open (domain/kpi/appraisal.ts), not the median.

import { eq, sql } from "drizzle-orm";
import { departments, users } from "../../db/schema.js";
import {
  type AppraisalSubject,
  appraisalTrendKpis,
  betterWhen,
  canReadAppraisal,
  standing,
  trendStart,
} from "../../domain/kpi/appraisal.js";
import { kpiById, kpis } from "../../domain/kpi/kpis.js";
import { periodDays } from "../../domain/kpi/report-period.js";
import { forbidden, notFound } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { AppraisalQuery } from "./appraisal.schemas.js";
import { caseFactsSql } from "./case-facts.sql.js";
import { groupLabels } from "./group-labels.js";
import { aggregatesSql } from "./kpi.sql.js";
import { type Figure, figureOf, kpiInfo, readKpis } from "./kpi-report.js";
import { reportCases } from "./report-cases.js";
import { groupKey } from "./report-groupings.sql.js";
import { type ReportSource, readReport } from "./report-source.js";

const noBase = { customerBase: null };

async function exists(source: ReportSource, subject: AppraisalSubject) {
  const table = subject.kind === "agent" ? users : departments;
  const found = await source.primary
    .select({ id: table.id })
    .from(table)
    .where(eq(table.id, subject.id));
  return found.length > 0;
}

/** A peer is a group with a key (an owner, a department) and at least one accepted case. */
const isPeer = (r: { key: unknown; figures: Record<string, Figure> }) =>
  r.key !== null && (r.figures.accepted?.count ?? 0) > 0;

/** The key KPIs per month and group, and each month's subject figure beside the peers' median. */
async function monthlyTrend(
  source: ReportSource,
  center: Caller,
  subject: AppraisalSubject,
  to: string,
  timeZone: string,
) {
  const cases = reportCases(center, { from: trendStart(to), to }, timeZone);
  const trendKpis = appraisalTrendKpis.map((id) => kpiById(id)!);
  const local = sql`date_trunc('month', c.received_at at time zone ${timeZone})`;
  const bucket = sql`, to_char(${local}, 'YYYY-MM-DD') as bucket`;
  const key = groupKey[subject.kind];
  const rows = await readReport<Record<string, unknown>>(
    source,
    sql`select f.bucket, ${key} as key, ${aggregatesSql(trendKpis)}
      from (${caseFactsSql(cases.where, cases.asOf, bucket)}) f group by f.bucket, ${key}`,
  );
  const groups = rows.map((r) => ({
    bucket: r.bucket as string,
    key: r.key as string | null,
    figures: { accepted: figureOf(kpiById("accepted")!, r, noBase) },
    row: r,
  }));
  const months = [...new Set(groups.map((g) => g.bucket))].sort();
  return trendKpis.map((kpi) => ({
    kpi: kpiInfo(kpi),
    points: months.map((period) => {
      const inMonth = groups.filter((g) => g.bucket === period);
      const own = inMonth.find((g) => g.key === subject.id);
      const figure = figureOf(kpi, own?.row ?? {}, noBase);
      const peers = inMonth.filter(isPeer).map((g) => figureOf(kpi, g.row, noBase).value);
      return { period, ...figure, median: standing(figure.value, peers, null).median };
    }),
  }));
}

export async function readAppraisal(
  source: ReportSource,
  caller: Caller,
  q: AppraisalQuery,
  timeZone: string,
) {
  const subject: AppraisalSubject = { kind: q.kind, id: q.id };
  if (!canReadAppraisal(caller, subject)) throw forbidden("not_own_appraisal");
  if (!(await exists(source, subject))) throw notFound(q.kind === "agent" ? "user" : "department");
  const days = q.period ? periodDays(q.period) : null;
  // The page's subject is checked above; the peers it is measured against are the whole center.
  const center: Caller = { ...caller, role: "supervisor" };
  const report = await readKpis(
    source,
    center,
    { from: days?.from ?? q.from, to: days?.to ?? q.to, groupBy: q.kind, format: "json" },
    timeZone,
  );
  const own = report.rows.find((r) => r.key === subject.id);
  const peers = report.rows.filter(isPeer);
  const label = own?.label ?? (await groupLabels(source.primary, q.kind, [q.id]))(q.id);
  return {
    kind: q.kind,
    id: q.id,
    label,
    from: report.from,
    to: report.to,
    figures: kpis.map((kpi) => {
      const figure: Figure = own?.figures[kpi.id] ?? figureOf(kpi, {}, noBase);
      const better = betterWhen[kpi.id];
      const values = peers.map((p) => p.figures[kpi.id]?.value ?? null);
      return { kpi: kpiInfo(kpi), ...figure, ...standing(figure.value, values, better), better };
    }),
    trend: await monthlyTrend(source, center, subject, report.to, timeZone),
  };
}
