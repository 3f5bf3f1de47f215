// The KPIs of domain/kpi/kpis.ts compiled to aggregates over the facts rows (alias `f`): the
// domain's predicates become FILTER clauses, and `kpiValue` turns the database's counts,
// medians and sums into the figures. No formula is written twice.

import { type SQL, sql } from "drizzle-orm";
import type { TimeFact } from "../../domain/kpi/case-facts.js";
import type { Condition, TimeRef } from "../../domain/kpi/condition.js";
import type { KpiAggregate } from "../../domain/kpi/kpi-measure.js";
import type { Kpi } from "../../domain/kpi/kpis.js";
import { fact } from "./case-facts.sql.js";

const time = (ref: TimeRef) => (ref === "asOf" ? sql.raw("f.as_of") : fact(ref));

const list = (values: readonly (string | null)[]) =>
  values.length === 0
    ? sql`(null)`
    : sql`(${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )})`;

/** Two-valued, as `holds`: a comparison with a missing time is false, never null. */
export function conditionSql(c: Condition): SQL {
  if ("all" in c)
    return c.all.length === 0 ? sql`true` : sql`(${sql.join(c.all.map(conditionSql), sql` and `)})`;
  if ("not" in c) return sql`not ${conditionSql(c.not)}`;
  if ("status" in c) return sql`coalesce(f.status in ${list(c.status)}, false)`;
  if ("satisfaction" in c) {
    const known = c.satisfaction.filter((s) => s !== null);
    const nullToo = c.satisfaction.includes(null) ? sql`f.satisfaction is null or ` : sql``;
    return sql`(${nullToo}coalesce(f.satisfaction in ${list(known)}, false))`;
  }
  if ("fact" in c) return fact(c.fact);
  if ("has" in c) return sql`(${fact(c.has)} is not null)`;
  if ("count" in c)
    return "atLeast" in c
      ? sql`(${fact(c.count)} >= ${c.atLeast})`
      : sql`(${fact(c.count)} <= ${c.atMost})`;
  return sql`coalesce(${fact(c.time)} <= ${time(c.notAfter)}, false)`;
}

const ms = (interval: SQL) => sql`(extract(epoch from (${interval})) * 1000)`;

/** Milliseconds of the case's pauses inside [a, b] (domain: pausedWithin). */
function pausedWithin(a: SQL, b: SQL): SQL {
  const from = sql`greatest((p->>'from')::timestamptz, ${a})`;
  const to = sql`least(coalesce((p->>'to')::timestamptz, ${b}), ${b})`;
  // Most cases never pause: they skip the subquery (half the report's time without this).
  return sql`(case when f.pauses = '[]'::jsonb then 0 else
    (select coalesce(sum(greatest(0, ${ms(sql`${to} - ${from}`)})), 0)
      from jsonb_array_elements(f.pauses) p) end)`;
}

export function durationMs(from: TimeFact, to: TimeFact): SQL {
  const [a, b] = [fact(from), fact(to)];
  return sql`(${ms(sql`${b} - ${a}`)} - ${pausedWithin(a, b)})`;
}

export const col = (kpi: Kpi, part: keyof KpiAggregate) => sql.raw(`"${kpi.id}.${part}"`);

/** The select list of a KPI's aggregate, its columns named `<id>.<part>`. */
export function aggregateSql(kpi: Kpi): SQL {
  const m = kpi.measure;
  const countWhere = (c: Condition) => sql`count(*) filter (where ${conditionSql(c)})::int`;
  switch (m.kind) {
    case "count":
    case "perCustomers":
      return sql`${countWhere(m.where)} as ${col(kpi, "count")}`;
    case "ratio":
      return sql`${countWhere({ all: [m.over, m.of] })} as ${col(kpi, "count")},
        ${countWhere(m.over)} as ${col(kpi, "over")}`;
    case "median":
      return sql`(percentile_cont(0.5) within group (order by ${durationMs(m.from, m.to)})
        filter (where ${conditionSql(m.where)} and ${fact(m.from)} is not null
          and ${fact(m.to)} is not null))::float8 as ${col(kpi, "ms")}`;
    case "oldestAge":
      return sql`max(${ms(sql`f.as_of - f.received_at`)}) filter (where ${conditionSql(m.where)})::float8
        as ${col(kpi, "ms")}`;
    case "remedyYuan":
      return sql`coalesce(sum(f.remedy_fen) filter (where ${conditionSql(m.where)}), 0)::float8
        as ${col(kpi, "fen")}`;
  }
}

export const aggregatesSql = (kpis: readonly Kpi[]) =>
  sql.join(
    kpis.map((k) => aggregateSql(k)),
    sql`, `,
  );

/** A KPI's aggregate read back from a result row. */
export function aggregateOf(kpi: Kpi, row: Record<string, unknown>): KpiAggregate {
  const num = (part: keyof KpiAggregate) => row[`${kpi.id}.${part}`];
  const ms = num("ms");
  return {
    count: Number(num("count") ?? 0),
    over: Number(num("over") ?? 0),
    ms: ms === null || ms === undefined ? null : Number(ms),
    fen: Number(num("fen") ?? 0),
  };
}
