// Which cases a report reads: received in its period (the center's days), narrowed by the
// filters, inside the caller's scope (domain/kpi/report-scope.ts). Every report starts here, so
// the KPI table, the trend, the Pareto and the exports count the same cases.

import { type SQL, sql } from "drizzle-orm";
import { reportScope } from "../../domain/kpi/report-scope.js";
import { addDaysToDate, localDateOf } from "../../domain/sla/zoned-time.js";
import { badRequest } from "../http/app-error.js";
import type { Caller } from "../http/app-types.js";
import type { ReportFilters } from "./report.schemas.js";

export interface ReportCases {
  from: string;
  to: string;
  /** On the stored facts `c` (case-facts.sql.ts): period, filters and the caller's scope. */
  where: SQL;
  /** The period's end (the day after `to`, at midnight), or now when that is still to come. */
  asOf: SQL;
  /** On the facts `f`: what of the scope an agent's rows show (their own cases); else true. */
  rows: SQL;
  /** The total is the team's, wider than the rows (an agent's report). */
  teamTotal: boolean;
  /** Whole days of the whole center, nothing filtered: the daily rollup can answer. */
  rollup: boolean;
}

/** The center's midnight that starts `day`. */
export const midnight = (day: string, timeZone: string) =>
  sql`(${day}::date)::timestamp at time zone ${timeZone}`;

function filterParts(q: ReportFilters): SQL[] {
  const parts: SQL[] = [];
  if (q.departmentId) parts.push(sql`c.lead_department_id = ${q.departmentId}`);
  if (q.agentId) parts.push(sql`c.owner_id = ${q.agentId}`);
  if (q.category) parts.push(sql`c.category = ${q.category}`);
  if (q.cause) parts.push(sql`${q.cause} = any(c.causes)`);
  if (q.channel) parts.push(sql`c.channel = ${q.channel}`);
  if (q.businessType) parts.push(sql`c.business_type = ${q.businessType}`);
  if (q.product) parts.push(sql`c.product = ${q.product}`);
  if (q.source) parts.push(sql`c.source = ${q.source}`);
  if (q.kind) parts.push(sql`c.kind = ${q.kind}`);
  return parts;
}

function scopeParts(caller: Caller): SQL[] {
  if (reportScope(caller.role) !== "department") return [];
  if (!caller.departmentId) return [sql`false`];
  return [sql`${caller.departmentId}::uuid = any(c.department_ids)`];
}

/** From the 1st of this month to today unless the query says otherwise. */
export function reportCases(caller: Caller, q: ReportFilters, timeZone: string): ReportCases {
  const today = localDateOf(new Date(), timeZone);
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 8)}01`;
  if (from > to) throw badRequest("period_reversed");
  const end = midnight(addDaysToDate(to, 1), timeZone);
  const narrowing = [...filterParts(q), ...scopeParts(caller)];
  const where = sql.join(
    [sql`c.received_at >= ${midnight(from, timeZone)}`, sql`c.received_at < ${end}`, ...narrowing],
    sql` and `,
  );
  const own = reportScope(caller.role) === "own_with_team_total";
  return {
    from,
    to,
    where,
    asOf: sql`least(${end}, now())`,
    rows: own ? sql`f.owner_id = ${caller.id}` : sql`true`,
    teamTotal: own,
    rollup: narrowing.length === 0 && reportScope(caller.role) === "all",
  };
}
