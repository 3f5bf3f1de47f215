// GET /reports/kpis: every KPI per group plus the total, in one statement over the case facts.

import { type SQL, sql } from "drizzle-orm";
import { type CustomerBase, kpiValue } from "../../domain/kpi/kpi-measure.js";
import { type Kpi, kpis } from "../../domain/kpi/kpis.js";
import type { Caller } from "../http/app-types.js";
import { caseFactsSql } from "./case-facts.sql.js";
import { groupLabels, totalLabel } from "./group-labels.js";
import { aggregateOf, aggregatesSql } from "./kpi.sql.js";
import type { KpisQuery } from "./report.schemas.js";
import { type ReportCases, reportCases } from "./report-cases.js";
import { causeRows, groupKey } from "./report-groupings.sql.js";
import { type ReportSource, readReport } from "./report-source.js";
import { rollupKpiRows } from "./rollup-reports.js";

export interface Figure {
  value: number | null;
  count?: number;
  over?: number;
}

/** A KPI's figure from a result row: its value, and the counts behind a count or a rate. */
export function figureOf(kpi: Kpi, row: Record<string, unknown>, ctx: CustomerBase): Figure {
  const agg = aggregateOf(kpi, row);
  const value = kpiValue(kpi, agg, ctx);
  if (kpi.measure.kind === "ratio") return { value, count: agg.count, over: agg.over };
  if (kpi.measure.kind === "count" || kpi.measure.kind === "perCustomers")
    return { value, count: agg.count };
  return { value };
}

export const figuresOf = (row: Record<string, unknown>, ctx: CustomerBase) =>
  Object.fromEntries(kpis.map((k) => [k.id, figureOf(k, row, ctx)]));

export const kpiInfo = (k: Kpi) => ({ id: k.id, name: k.name, formula: k.formula, unit: k.unit });

/**
 * The groups and the total in one pass (grouping sets); `own` marks the rows an agent's report
 * shows, while the total stays the team's.
 */
const byKey = (cases: ReportCases, key: SQL) => sql`
  select grouping(${key}) = 1 as total, f.own, ${key} as key, ${aggregatesSql(kpis)}
    from (select f.*, ${cases.rows} as own from (${caseFactsSql(cases.where, cases.asOf)}) f) f
    group by grouping sets ((f.own, ${key}), ())`;

/** A case is a row of each of its causes, but counted once in the total. */
const byCause = (cases: ReportCases) => sql`
  with f as materialized (${caseFactsSql(cases.where, cases.asOf)})
  select false as total, true as own, g.cause as key, ${aggregatesSql(kpis)}
    from f ${causeRows} where ${cases.rows} group by g.cause
  union all
  select true, true, null, ${aggregatesSql(kpis)} from f`;

export async function readKpis(
  source: ReportSource,
  caller: Caller,
  q: KpisQuery,
  timeZone: string,
) {
  const cases = reportCases(caller, q, timeZone);
  const key = groupKey[q.groupBy];
  const rows = cases.rollup
    ? await rollupKpiRows(source, cases, q.groupBy, timeZone)
    : await readReport<Record<string, unknown>>(
        source,
        q.groupBy === "cause" ? byCause(cases) : byKey(cases, key),
      );
  const ctx: CustomerBase = { customerBase: q.customerBase ?? null };
  const groups = rows.filter((r) => !r.total && r.own);
  const label = await groupLabels(
    source.primary,
    q.groupBy,
    groups.map((r) => r.key as string | null),
  );
  const shown = groups
    .map((r) => ({
      key: r.key as string | null,
      label: label(r.key as string | null),
      figures: figuresOf(r, ctx),
    }))
    // Most cases first; equal ones in a fixed order, whichever table the rows came from.
    .sort(
      (a, b) =>
        (b.figures.accepted?.count ?? 0) - (a.figures.accepted?.count ?? 0) ||
        (a.key ?? "").localeCompare(b.key ?? ""),
    );
  const total = rows.find((r) => r.total)!;
  return {
    from: cases.from,
    to: cases.to,
    groupBy: q.groupBy,
    kpis: kpis.map(kpiInfo),
    rows: shown,
    total: { key: null, label: totalLabel, figures: figuresOf(total, ctx) },
  };
}
