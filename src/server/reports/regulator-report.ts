// GET /reports/regulator: the JR/T 0169-style classified table for a quarter, month or year:
// channel × business type × cause (the case's first, its primary cause, so each case counts
// once and the rows add up to the total), with counts accepted, closed, closed on time and
// substantiated, each counted by the same KPI definition as the KPI table.

import { type KpiId, kpiById } from "../../domain/kpi/kpis.js";
import { periodDays } from "../../domain/kpi/report-period.js";
import { canReadRegulatorReport } from "../../domain/kpi/report-scope.js";
import { forbidden } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import { groupLabels } from "./group-labels.js";
import { aggregateOf } from "./kpi.sql.js";
import type { RegulatorQuery } from "./report.schemas.js";
import { reportCases } from "./report-cases.js";
import type { ReportSource } from "./report-source.js";
import { rollupRegulatorRows } from "./rollup-reports.js";

/** Each column and the KPI whose count it is (a rate's numerator, or a count). */
const columns = {
  accepted: "accepted",
  closed: "closedRate",
  closedOnTime: "onTimeRate",
  substantiated: "substantiated",
} as const satisfies Record<string, KpiId>;

const countsOf = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(columns).map(([name, id]) => [name, aggregateOf(kpiById(id)!, row).count]),
  ) as Record<keyof typeof columns, number>;

export async function readRegulator(
  source: ReportSource,
  caller: Caller,
  q: RegulatorQuery,
  timeZone: string,
) {
  if (!canReadRegulatorReport(caller.role)) throw forbidden();
  // The schema admits only the periods periodDays reads.
  const days = periodDays(q.period)!;
  const cases = reportCases(caller, days, timeZone);
  // Those who may read it see every case: the daily rollup answers (its "regulator" rows).
  const rows = await rollupRegulatorRows(source, cases, timeZone);
  const groups = rows.filter((r) => !r.total);
  const keys = (column: string) => groups.map((r) => r[column] as string | null);
  const [channel, businessType, cause] = await Promise.all([
    groupLabels(source.primary, "channel", keys("channel")),
    groupLabels(source.primary, "businessType", keys("business_type")),
    groupLabels(source.primary, "cause", keys("cause")),
  ]);
  const key = (v: unknown) => v as string | null;
  return {
    period: q.period,
    from: days.from,
    to: days.to,
    rows: groups
      .map((r) => ({
        channel: { key: key(r.channel), label: channel(key(r.channel)) },
        businessType: { key: key(r.business_type), label: businessType(key(r.business_type)) },
        cause: { key: key(r.cause), label: cause(key(r.cause)) },
        ...countsOf(r),
      }))
      .filter((r) => r.accepted > 0)
      .sort((a, b) => b.accepted - a.accepted),
    total: countsOf(rows.find((r) => r.total)!),
  };
}
