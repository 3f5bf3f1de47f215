// A KPI's figure in two steps: the aggregate (counts, a median duration, a sum), which the
// reports take in SQL and `aggregate` takes here from facts, then `kpiValue`, the one place that
// turns an aggregate into the figure shown.

import type { CaseFacts, FactPause } from "./case-facts.js";
import { holds, type ReportInstant } from "./condition.js";
import type { Kpi } from "./kpis.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * `count`: cases counted (a ratio's numerator); `over`: a ratio's denominator; `ms`: the median
 * duration or the oldest age; `fen`: the remedies' sum.
 */
export interface KpiAggregate {
  count: number;
  over: number;
  ms: number | null;
  fen: number;
}

export interface CustomerBase {
  /** The organisation's number of customers, for the per-10,000 rate; null when not given. */
  customerBase: number | null;
}

export type KpiContext = ReportInstant & CustomerBase;

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

export function kpiValue(kpi: Kpi, agg: KpiAggregate, ctx: CustomerBase): number | null {
  switch (kpi.measure.kind) {
    case "count":
      return agg.count;
    case "ratio":
      return agg.over === 0 ? null : round((agg.count / agg.over) * 100, 1);
    case "median":
      return agg.ms === null ? null : round(agg.ms / HOUR, 1);
    case "oldestAge":
      return agg.ms === null ? null : round(agg.ms / DAY, 1);
    case "remedyYuan":
      return agg.fen / 100;
    case "perCustomers":
      return ctx.customerBase ? round((agg.count / ctx.customerBase) * 10_000, 2) : null;
  }
}

/** Paused time inside [a, b]; an open pause runs to b. Rounds never overlap, so pauses add up. */
export function pausedWithin(pauses: readonly FactPause[], a: Date, b: Date): number {
  let paused = 0;
  for (const p of pauses) {
    const start = Math.max(p.from.getTime(), a.getTime());
    const end = Math.min(p.to?.getTime() ?? b.getTime(), b.getTime());
    if (end > start) paused += end - start;
  }
  return paused;
}

/** The middle value, or the mean of the two middle ones (as PostgreSQL's percentile_cont(0.5)). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

const none: KpiAggregate = { count: 0, over: 0, ms: null, fen: 0 };

/** The aggregate of `kpi` over the cases' facts: what the reports' SQL computes in the database. */
export function aggregate(kpi: Kpi, cases: readonly CaseFacts[], at: ReportInstant): KpiAggregate {
  const m = kpi.measure;
  const meeting = (c: Parameters<typeof holds>[0]) => cases.filter((f) => holds(c, f, at));
  switch (m.kind) {
    case "count":
    case "perCustomers":
      return { ...none, count: meeting(m.where).length };
    case "ratio": {
      const over = meeting(m.over);
      return { ...none, over: over.length, count: over.filter((f) => holds(m.of, f, at)).length };
    }
    case "median": {
      const durations = meeting(m.where).flatMap((f) => {
        const a = f[m.from];
        const b = f[m.to];
        if (!a || !b) return [];
        return [b.getTime() - a.getTime() - pausedWithin(f.pauses, a, b)];
      });
      return { ...none, ms: median(durations) };
    }
    case "oldestAge": {
      const ages = meeting(m.where).map((f) => at.asOf.getTime() - f.receivedAt.getTime());
      return { ...none, ms: ages.length ? Math.max(...ages) : null };
    }
    case "remedyYuan":
      return { ...none, fen: meeting(m.where).reduce((sum, f) => sum + f.remedyFen, 0) };
  }
}
