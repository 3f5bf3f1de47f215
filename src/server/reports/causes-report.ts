// GET /reports/causes: the Pareto of causes over the accepted cases in scope (an agent's own).

import { sql } from "drizzle-orm";
import { accepted } from "../../domain/kpi/kpis.js";
import { pareto } from "../../domain/kpi/pareto.js";
import type { Caller } from "../http/app-types.js";
import { caseFactsSql } from "./case-facts.sql.js";
import { groupLabels } from "./group-labels.js";
import { conditionSql } from "./kpi.sql.js";
import type { CausesQuery } from "./report.schemas.js";
import { reportCases } from "./report-cases.js";
import { type ReportSource, readReport } from "./report-source.js";
import { rollupCauseRows } from "./rollup-reports.js";

export async function readCauses(
  source: ReportSource,
  caller: Caller,
  q: CausesQuery,
  timeZone: string,
) {
  const cases = reportCases(caller, q, timeZone);
  const rows = cases.rollup
    ? await rollupCauseRows(source, cases, timeZone)
    : await readReport<{ cause: string | null; count: number }>(
        source,
        sql`
    with f as materialized (${caseFactsSql(cases.where, cases.asOf)}),
      counted as (select f.causes from f where ${cases.rows} and ${conditionSql(accepted)})
    select g.cause, count(*)::int as count from counted cross join unnest(counted.causes) g(cause)
      group by g.cause
    union all
    select null, count(*)::int from counted`,
      );
  const causes = rows
    .filter((r) => r.cause !== null)
    .sort((a, b) => (a.cause! < b.cause! ? -1 : 1))
    .map((r) => ({ key: r.cause!, count: r.count }));
  const label = await groupLabels(
    source.primary,
    "cause",
    causes.map((c) => c.key),
  );
  return {
    from: cases.from,
    to: cases.to,
    cases: rows.find((r) => r.cause === null)?.count ?? 0,
    causes: pareto(causes).map((c) => ({ ...c, label: label(c.key) })),
  };
}
